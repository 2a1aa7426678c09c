import { beforeAll, describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { Page } from "playwright-core";
import { measure } from "../../src/lib/search/relevance.ts";
import { watchErrors } from "./support/browser.ts";
import { pagefindSearch } from "./support/pagefind.ts";
import { useSiteAndBrowser } from "./support/session.ts";

let page: Page;
const base = new URL("http://x" + (process.env.BASE_PATH ?? "/")).pathname;
const judgements = (parse(readFileSync("test/relevance/queries.yaml", "utf8")) as { q: string | number; site: string[] }[]).map(
  (j) => ({ q: String(j.q), expected: j.site.map((p) => base + p) }),
);

const env = useSiteAndBrowser();
beforeAll(async () => {
  page = await env.browser.newPage();
  await page.goto(env.site.url + "search/", { waitUntil: "networkidle" });
});

describe("site-wide search (pagefind)", () => {
  test("finds the right pages for the relevance set: recall@5 ≥ 0.9", async () => {
    const results = new Map<string, string[]>();
    for (const { q } of judgements) results.set(q, await pagefindSearch(page, env.site.url + "pagefind/", q));
    const report = measure(judgements, (q) => results.get(q) ?? []);
    const misses = report.outcomes.filter((o) => o.recall < 1 || o.reciprocalRank < 1).map((o) => `${o.q}: wanted ${o.expected.join(" ")}, got ${o.results.slice(0, 5).join(" ")}`);
    console.log(`pagefind: recall@5 ${report.recallAtK.toFixed(3)}, MRR ${report.mrr.toFixed(3)} over ${report.outcomes.length} queries`);
    if (misses.length) console.log(misses.join("\n"));
    expect(report.outcomes.length).toBeGreaterThanOrEqual(40);
    expect(report.recallAtK).toBeGreaterThanOrEqual(0.9);
  });

  test("the kind filter keeps only pages of that kind", async () => {
    const laws = await pagefindSearch(page, env.site.url + "pagefind/", "调解协议", "法条");
    expect(laws.length).toBeGreaterThan(0);
    expect(laws.every((url) => url.startsWith(`${base}law/`))).toBe(true);
    const terms = await pagefindSearch(page, env.site.url + "pagefind/", "调解协议", "术语");
    expect(terms.every((url) => url.startsWith(`${base}glossary/`))).toBe(true);
  });

  test("the header form lands on the search page with results and highlighted excerpts", async () => {
    const p = await env.browser.newPage();
    const errors = watchErrors(p);
    await p.goto(env.site.url, { waitUntil: "networkidle" });
    await p.getByRole("searchbox", { name: "搜索全站" }).fill("司法确认");
    await p.getByRole("searchbox", { name: "搜索全站" }).press("Enter");
    await p.waitForURL(/search\/\?q=/);
    await p.locator(".search-results li").first().waitFor();
    expect(await p.locator(".search-results mark").first().textContent()).toMatch(/司法|确认/);
    expect(await p.getByRole("status").textContent()).toMatch(/找到 \d+ 个结果/);
    // Choosing a kind narrows the results and is kept in the URL.
    await p.getByRole("radio", { name: "术语" }).check();
    await p.waitForURL(/kind=/);
    await p.waitForFunction(() => [...document.querySelectorAll(".search-results__kind")].every((el) => el.textContent?.includes("术语")));
    expect(errors).toEqual([]);
    await p.close();
  });
});

describe("instant look-up (lunr) on the law library", () => {
  test("loads its index on demand and answers as the learner types", async () => {
    const p = await env.browser.newPage();
    const errors = watchErrors(p);
    const fetched: string[] = [];
    p.on("request", (r) => fetched.push(r.url()));
    await p.goto(env.site.url + "law/", { waitUntil: "networkidle" });
    expect(fetched.some((u) => u.endsWith("lookup.json"))).toBe(false);
    const box = p.getByRole("searchbox", { name: "查法条、查术语" });
    await box.fill("第三十三条");
    await p.locator(".lookup__results li").first().waitFor();
    expect(await p.locator(".lookup__results li a").first().textContent()).toContain("《人民调解法》第三十三条");
    await box.fill("28");
    await p.waitForFunction(() => document.querySelector(".lookup__results li a")?.textContent?.includes("第二十八条"));
    expect(fetched.filter((u) => u.endsWith("lookup.json"))).toHaveLength(1);
    expect(errors).toEqual([]);
    await p.close();
  });
});
