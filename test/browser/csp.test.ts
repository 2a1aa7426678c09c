/**
 * The Content-Security-Policy (src/lib/csp/policy.ts, added to every page after the build):
 * the site's own scripts and styles all run, and anything injected into a page does not.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { distDir } from "./support/dist.ts";
import { lessonPaths, pageTypes } from "./support/pages.ts";
import { useSiteAndBrowser } from "./support/session.ts";

const env = useSiteAndBrowser();

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

describe("the Content-Security-Policy", () => {
  test.each(Object.entries(pageTypes()))("the %s page has one policy and breaks none of its own scripts or styles", async (_type, path) => {
    const page = await env.browser.newPage();
    const violations = await watchViolations(page);
    await page.goto(env.site.url + path, { waitUntil: "networkidle" });
    if (path.startsWith("search/")) await page.locator(".search-results li").first().waitFor();
    const policies = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((els) => els.map((el) => el.getAttribute("content")));
    expect(policies).toHaveLength(1);
    expect(policies[0]).toMatch(/script-src 'self'/);
    expect(policies[0]).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    // zod 4 probes once whether it may compile parsers with new Function (inside a
    // try/catch) and, refused, parses without: that one report is expected, not a breakage.
    const reports = (await violations()).filter((v) => !v.startsWith("script-src eval"));
    expect(reports).toEqual([]);
    await page.close();
  });

  test("an injected inline script, event handler or javascript: link does not run; the page's own script does", async () => {
    const lesson = lessonPaths()[0]!;
    const original = readFileSync(join(distDir(), lesson, "index.html"), "utf8");
    // What a stored-XSS bug would produce: markup written into the page after it was built.
    const injected = original.replace(
      "</main>",
      `<script>window.__ran = "script";</script><img src="data:," onerror="window.__ran = 'onerror'" alt=""><a id="evil" href="javascript:window.__ran='link'">x</a></main>`,
    );
    expect(injected).not.toBe(original);
    const page = await env.browser.newPage();
    const violations = await watchViolations(page);
    await page.route(env.site.url + lesson, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: injected }));
    await page.goto(env.site.url + lesson, { waitUntil: "networkidle" });
    await page.locator("#evil").click();
    expect(await page.evaluate(() => (window as unknown as { __ran?: string }).__ran)).toBeUndefined();
    // Reports arrive as events after the refusal (the link's after the click): wait for all three.
    await expect.poll(async () => (await violations()).filter((v) => v.startsWith("script-src")).length).toBeGreaterThanOrEqual(3);
    // The site's own inline script (大字) still ran: it shows and wires its button.
    await page.locator("#text-size").click();
    expect(await page.getAttribute("html", "data-text-size")).toBe("large");
    await page.close();
  });
});
