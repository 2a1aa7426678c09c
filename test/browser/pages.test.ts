import { describe, expect, test } from "vitest";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { pageTypes } from "./support/pages.ts";
import { useSiteAndBrowser } from "./support/session.ts";

const env = useSiteAndBrowser();

describe.each(Object.entries(pageTypes()))("the %s page", (_type, path) => {
  test("renders its heading with no console error", async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    const response = await page.goto(env.site.url + path, { waitUntil: "networkidle" });
    if (path.startsWith("search/")) await page.locator(".search-results li").first().waitFor();
    expect(response?.status()).toBe(path === "no-such-page/" ? 404 : 200);
    await expect(page.locator("h1").first().textContent()).resolves.toMatch(/\S/);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(errors.filter((e) => !(path === "no-such-page/" && e.includes("404")))).toEqual([]);
    await page.close();
  });

  test("has no serious or critical axe violation", async () => {
    const page = await env.browser.newPage();
    await page.goto(env.site.url + path, { waitUntil: "networkidle" });
    const violations = await seriousAxeViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.close();
  });

  test.each([
    ["normal", false],
    ["large", true],
  ])("does not scroll sideways at 375 px with %s text", async (_label, large) => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true });
    if (large) await context.addInitScript(() => localStorage.setItem("ma.textSize", "large"));
    const page = await context.newPage();
    await page.goto(env.site.url + path, { waitUntil: "networkidle" });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await context.close();
  });

  test.each([
    ["375 px with 大字", { width: 375, height: 740 }, true],
    ["a desktop", { width: 1280, height: 800 }, false],
  ])("its breadcrumb items stand level on %s (the current page no higher than its ancestors)", async (_label, viewport, large) => {
    const context = await env.browser.newContext({ viewport });
    if (large) await context.addInitScript(() => localStorage.setItem("ma.textSize", "large"));
    const page = await context.newPage();
    await page.goto(env.site.url + path, { waitUntil: "networkidle" });
    // For each item: the top of its row (the <li>) and the middle of its text's first line.
    const items = await page.evaluate(() =>
      [...document.querySelectorAll(".breadcrumb li")].map((li) => {
        const label = li.querySelector("a, [aria-current]")!;
        const range = document.createRange();
        range.selectNodeContents(label);
        const line = range.getClientRects()[0]!;
        return { text: label.textContent, row: Math.round(li.getBoundingClientRect().top), middle: line.top + line.height / 2 };
      }),
    );
    if (items.length === 0) return void (await context.close()); // this page type has no breadcrumb
    expect(items.at(-1)!.text).toBeTruthy();
    for (const item of items.slice(1)) {
      const sameRow = items.filter((other) => other.row === item.row);
      for (const other of sameRow) expect(Math.abs(item.middle - other.middle), `${item.text} vs ${other.text}`).toBeLessThanOrEqual(1);
    }
    await context.close();
  });
});

describe("the search page before a search", () => {
  test("runs no Lit or pagefind; its plain form reloads the page with ?q= and the element then shows results", async () => {
    const page = await env.browser.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => (r.resourceType() === "script" || r.url().includes("pagefind")) && scripts.push(new URL(r.url()).pathname));
    await page.goto(env.site.url + "search/", { waitUntil: "networkidle" });
    expect(await page.evaluate(() => customElements.get("site-search"))).toBeUndefined();
    expect(scripts.filter((s) => /lit|pagefind|site-search/.test(s))).toEqual([]);
    await page.getByRole("radio", { name: "法条" }).check();
    await page.locator("#search-input").fill("司法确认");
    await Promise.all([page.waitForURL(/search\/\?q=.*kind=/), page.locator("#search-input").press("Enter")]);
    await page.locator(".search-results li").first().waitFor();
    // One form (the element replaced the plain one), keeping the query and the kind.
    expect(await page.locator("form.search-form").count()).toBe(1);
    expect(await page.locator("#search-input").inputValue()).toBe("司法确认");
    expect(await page.getByRole("radio", { name: "法条" }).isChecked()).toBe(true);
    await page.close();
  });
});
