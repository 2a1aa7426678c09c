import { beforeAll, describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { measure } from "../../src/lib/search/relevance.ts";
import { asksQuestion, relaxedSearch } from "../../src/lib/search/relax.ts";
import { pagefindRanking, questionLessonWeight, questionRanking } from "../../src/lib/search/pagefind-ranking.ts";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { pagefindSearch } from "./support/pagefind.ts";
import { useSiteAndBrowser } from "./support/session.ts";

let page: Page;
const base = new URL("http://x" + (process.env.BASE_PATH ?? "/")).pathname;
const judgementsOf = (file: string) =>
  (parse(readFileSync(`test/relevance/${file}`, "utf8")) as { q: string | number; site: string[] }[]).map((j) => ({
    q: String(j.q),
    expected: j.site.map((p) => base + p),
  }));

/**
 * Floors: measured with the search page's relaxed search (questions ranked by their summed
 * words with the question ranking, lessons after direct answers), minus a small margin.
 * Measured 2026-12-03 over every result of each search (as the page does): queries.yaml
 * recall@5 0.951, MRR 0.878; questions.yaml recall@5 0.979, MRR 0.807 (it was 0.750 / 0.503
 * when questions were searched stage by stage). Both sets meet issue #13's 0.9 / 0.8.
 */
const sets = [
  { file: "queries.yaml", recall: 0.93, mrr: 0.86 },
  { file: "questions.yaml", recall: 0.94, mrr: 0.79 },
] as const;

const env = useSiteAndBrowser();
beforeAll(async () => {
  page = await env.browser.newPage();
  await page.goto(env.site.url + "search/", { waitUntil: "networkidle" });
});

/**
 * One pagefind search in the page with the given ranking, as the search page makes it:
 * every result, by pagefind id with its score (the result objects stay in the page, so
 * urlsOf can load the data of the few that are shown).
 */
async function rawSearch(query: string, ranking: object): Promise<{ id: string; score: number }[]> {
  const args = JSON.stringify({ bundle: env.site.url + "pagefind/", query, ranking });
  return page.evaluate(`(async ({ bundle, query, ranking }) => {
    const api = await import(bundle + "pagefind.js");
    await api.options({ ranking });
    const found = await api.search(query);
    window.__results ??= new Map();
    for (const r of found.results) window.__results.set(r.id, r);
    return found.results.map((r) => ({ id: r.id, score: r.score }));
  })(${args})`);
}

/** The URLs of pagefind results found earlier by rawSearch. */
const urlsOf = (ids: string[]): Promise<string[]> =>
  page.evaluate(`Promise.all(${JSON.stringify(ids)}.map(async (id) => (await window.__results.get(id).data()).url))`);

/** pagefind ids of every lesson page, from a filter-only search (as the search page finds them). */
async function lessonIds(): Promise<Set<string>> {
  const args = JSON.stringify({ bundle: env.site.url + "pagefind/" });
  const ids: string[] = await page.evaluate(`(async ({ bundle }) => {
    const api = await import(bundle + "pagefind.js");
    const found = await api.search(null, { filters: { kind: "课程" } });
    return found.results.map((r) => r.id);
  })(${args})`);
  return new Set(ids);
}

/** The search page's relaxed search: the ranking for questions, lessons after direct answers; the top 10 URLs. */
async function siteSearch(query: string, lessons: Set<string>): Promise<string[]> {
  const question = asksQuestion(query);
  const found = await relaxedSearch(query, (q) => rawSearch(q, question ? questionRanking : pagefindRanking), {
    weight: (r) => (lessons.has(r.id) ? questionLessonWeight : 1),
  });
  return urlsOf(found.results.slice(0, 10).map((r) => r.id));
}

/** A phone in 大字 mode. */
async function phone(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  await context.addInitScript(() => localStorage.setItem("ma.textSize", "large"));
  return context;
}

/** Whether the element's box lies inside the viewport. */
const inViewport = (p: Page, selector: string) =>
  p.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
  });

describe.each(sets)("site-wide search relevance on test/relevance/$file (pagefind, relaxed as on the search page)", ({ file, recall, mrr }) => {
  test(`recall@5 ≥ ${recall} and MRR ≥ ${mrr}`, async () => {
    const judgements = judgementsOf(file);
    const results = new Map<string, string[]>();
    const lessons = await lessonIds();
    expect(lessons.size).toBeGreaterThan(10);
    for (const { q } of judgements) results.set(q, await siteSearch(q, lessons));
    const report = measure(judgements, (q) => results.get(q) ?? []);
    const misses = report.outcomes.filter((o) => o.recall < 1).map((o) => `${o.q}: wanted ${o.expected.join(" ")}, got ${o.results.slice(0, 5).join(" ")}`);
    console.log(`pagefind on ${file}: recall@5 ${report.recallAtK.toFixed(3)}, MRR ${report.mrr.toFixed(3)} over ${report.outcomes.length} queries`);
    if (misses.length) console.log(misses.join("\n"));
    expect(report.outcomes.length).toBeGreaterThanOrEqual(40);
    expect(report.recallAtK).toBeGreaterThanOrEqual(recall);
    expect(report.mrr).toBeGreaterThanOrEqual(mrr);
  });
});

describe("site-wide search (pagefind)", () => {
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
    await p.locator("#header-search-input").fill("司法确认");
    await p.locator("#header-search-input").press("Enter");
    await p.waitForURL(/search\/\?q=/);
    await p.locator(".search-results li").first().waitFor();
    expect(await p.locator(".search-results mark").first().textContent()).toMatch(/司法|确认/);
    expect(await p.locator(".search-status").textContent()).toMatch(/找到 \d+ 个结果/);
    // An exact match needs no explanation.
    expect(await p.locator(".search-relaxed").count()).toBe(0);
    // Choosing a kind narrows the results and is kept in the URL.
    await p.getByRole("radio", { name: "术语" }).check();
    await p.waitForURL(/kind=/);
    await p.waitForFunction(() => [...document.querySelectorAll(".search-results__kind")].every((el) => el.textContent?.includes("术语")));
    expect(errors).toEqual([]);
    await p.close();
  });

  test("at 375 px in 大字 a question finds the answer, says which words it left out, and the note is in view", async () => {
    const context = await phone(env.browser);
    const p = await context.newPage();
    const errors = watchErrors(p);
    await p.goto(env.site.url + "search/?q=" + encodeURIComponent("协议生效后多久申请司法确认"), { waitUntil: "networkidle" });
    await p.locator(".search-results li").first().waitFor();
    const note = p.locator(".search-relaxed");
    expect(await note.textContent()).toContain("已去掉提问用语“多久”再搜");
    // The header, box and kind filter fill the first screen at this size: the page brings
    // the status line and the first result into view.
    expect(await inViewport(p, ".search-relaxed")).toBe(true);
    expect(await p.locator(".search-results li").first().evaluate((el) => el.getBoundingClientRect().top < innerHeight)).toBe(true);
    const titles = await p.locator(".search-results__title").allTextContents();
    expect(titles.slice(0, 5).some((t) => t.includes("第三十三条"))).toBe(true);
    // The note is inside the live status region, so it is announced with the count.
    expect(await p.getByRole("status").filter({ has: note }).count()).toBe(1);
    // The page does not scroll sideways.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("the search page ranks a question as the relevance test does: the answering provision first, lessons after it", async () => {
    const p = await env.browser.newPage();
    const lessons = await lessonIds();
    for (const q of ["调解要收钱吗", "协议生效后多久申请司法确认"]) {
      await p.goto(env.site.url + "search/?q=" + encodeURIComponent(q), { waitUntil: "networkidle" });
      await p.locator(".search-results li").first().waitFor();
      const urls = await p.locator(".search-results__title").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(urls.slice(0, 5)).toEqual((await siteSearch(q, lessons)).slice(0, 5));
      expect(urls[0]).toMatch(new RegExp(`^${base}law/`));
    }
    await p.close();
  });

  test("when no page has every word, the results come from fewer words and the page says so", async () => {
    const context = await phone(env.browser);
    const p = await context.newPage();
    await p.goto(env.site.url + "search/?q=" + encodeURIComponent("家具厂欠工人工资要堵路"), { waitUntil: "networkidle" });
    await p.locator(".search-results li").first().waitFor();
    expect(await p.locator(".search-relaxed").textContent()).toMatch(/没有同时含有全部词语的页面/);
    const urls = await p.locator(".search-results__title").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(urls.slice(0, 5)).toContain(`${base}scenarios/wage-arrears/`);
    await context.close();
  });

  test("a query of question words alone, or of nothing the site has, says nothing was found", async () => {
    const p = await env.browser.newPage();
    await p.goto(env.site.url + "search/?q=" + encodeURIComponent("怎么办？"), { waitUntil: "networkidle" });
    await p.waitForFunction(() => document.querySelector(".search-status")?.textContent?.includes("没有找到"));
    expect(await p.locator(".search-results li").count()).toBe(0);
    await p.close();
  });

  test("excerpts never start with pagefind's stray '. ' and show no '. ' between Chinese words", async () => {
    const p = await env.browser.newPage();
    await p.goto(env.site.url + "search/?q=" + encodeURIComponent("确认调解协议"), { waitUntil: "networkidle" });
    await p.locator(".search-results li").first().waitFor();
    const excerpts = await p.locator(".search-results > li > p").allTextContents();
    expect(excerpts.length).toBeGreaterThan(3);
    for (const text of excerpts) {
      expect(text.trimStart()).not.toMatch(/^\./);
      expect(text).not.toMatch(/[\u4e00-\u9fff》）]\. /);
    }
    await p.close();
  });

  test("the certificate check page is found by the words on it", async () => {
    const urls = await pagefindSearch(page, env.site.url + "pagefind/", "核验证书");
    expect(urls).toContain(`${base}verify/`);
  });

  test("the search landmarks of /search/ and /law/ have names of their own (axe landmark-unique)", async () => {
    for (const [path, name] of [["search/", "在搜索页查找"], ["law/", "查法条、查术语"]] as const) {
      const p = await env.browser.newPage();
      await p.goto(env.site.url + path, { waitUntil: "networkidle" });
      expect(await p.getByRole("search", { name }).count()).toBe(1);
      expect(await seriousAxeViolations(p)).toEqual([]);
      const unique = await p.evaluate(async () => {
        // @ts-expect-error axe was injected by seriousAxeViolations
        const result = await window.axe.run(document, { runOnly: ["landmark-unique"] });
        return result.violations.length as number;
      });
      expect(unique).toBe(0);
      await p.close();
    }
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

  test("at 375 px in 大字 local-practice words and slogans find their glossary terms first, in view", async () => {
    const context = await phone(env.browser);
    const p = await context.newPage();
    await p.goto(env.site.url + "law/", { waitUntil: "networkidle" });
    const box = p.getByRole("searchbox", { name: "查法条、查术语" });
    for (const [q, title] of [["摆平就是水平", "摆平就是水平"], ["吹哨报到是啥", "吹哨报到"], ["调解不成怎么办", "第二十六条"]] as const) {
      await box.fill(q);
      await p.waitForFunction((t) => document.querySelector(".lookup__results li a")?.textContent?.includes(t), title);
      // With the box at the top of the screen, the best answer is on screen too.
      // Instantly: the site scrolls smoothly, and the check must not race the animation.
      await box.evaluate((el) => el.scrollIntoView({ block: "start", behavior: "instant" }));
      expect(await inViewport(p, ".lookup__results li a")).toBe(true);
    }
    await context.close();
  });
});
