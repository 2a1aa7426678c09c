/**
 * What a first visit costs before the visitor does anything: no learner chosen, no service
 * worker, nothing cached. The static part (the document, its stylesheets, its inline and
 * module scripts with their static imports) comes from page-weight.ts; Chromium then adds
 * whatever the page fetched on its own before any interaction (dynamic import() chunks,
 * a quiz's bank JSON, lazily loaded stylesheets). Each file is gzipped on its own (level 9).
 *
 * Run directly to print one row per page type (the heaviest page of each type):
 *   npx tsx scripts/bench/first-load.ts [outDir] [base]
 */
import { gzipSync } from "node:zlib";
import { launchChromium } from "../../test/browser/support/browser.ts";
import { serveDist } from "../../test/browser/support/static-server.ts";
import { pageTypeOf, type PageType } from "./page-types.ts";
import { listPages, pageWeigher } from "./page-weight.ts";

export interface FirstLoad {
  /** Build-output path, e.g. `courses/basics/principles/index.html`. */
  page: string;
  type: PageType;
  /** gzip bytes of the document (inline script and style bodies excluded). */
  html: number;
  /** gzip bytes of CSS: inline, linked, and any fetched before interaction. */
  css: number;
  /** gzip bytes of JS run before interaction: inline, static graph, dynamic imports. */
  js: number;
  /** gzip bytes of data fetched before interaction (JSON and the like). */
  data: number;
  /** html + css + js + data. */
  total: number;
}

/** Limits (gzip bytes) of a first visit, from issue #15 "Pages near the floor". */
/**
 * `limit` is the budget issue #15 sets. Where the pages do not meet it yet, `holdAt` is
 * what CI enforces meanwhile: just above today's figure, so nothing may grow while the
 * work goes on, and the bench prints the gap to the goal. Remove `holdAt` once met.
 */
export const firstLoadBudgets: readonly {
  name: string;
  types: readonly PageType[];
  measure: keyof FirstLoad & ("js" | "total");
  limit: number;
  holdAt?: number;
}[] = [
  // Measured 2026-12-03: the heaviest lesson 11.7 KB (14.4 KB before notes moved to the
  // lesson's notes page and lessons got their own stylesheet).
  { name: "lesson, first visit, in all", types: ["lesson"], measure: "total", limit: 12 * 1024 },
  {
    name: "content pages: JS before interaction",
    types: ["lesson", "home", "catalogue", "course", "law library", "statute", "provision", "glossary", "glossary term", "search"],
    measure: "js",
    limit: 2 * 1024,
  },
  // Measured 2026-12-03: quiz 23.3 KB (was 54.8: the page names its items by id and fetches the drawn ones on 开始作答),
  // scenario 15.7 KB (was 62.2: the opening is plain HTML; the player and the scenario load on the first press).
  { name: "quiz and scenario, before the first answer, in all", types: ["quiz", "scenario"], measure: "total", limit: 30 * 1024 },
];

const ignored = /\.(?:svg|png|jpe?g|webp|ico|woff2?|webmanifest)$/;

/** Measures `pages` (build-output paths) of the build in `outDir`, served under `base`. */
export async function firstLoad(outDir: string, base: string, pages: readonly string[]): Promise<FirstLoad[]> {
  const weigh = pageWeigher(outDir, base);
  const site = await serveDist(outDir, base);
  const browser = await launchChromium();
  try {
    const results: FirstLoad[] = [];
    for (const page of pages) {
      const statics = weigh(page);
      const known = new Set(statics.assets.map((a) => new URL(base + a, site.url).pathname));
      const context = await browser.newContext({ serviceWorkers: "block" });
      const tab = await context.newPage();
      const extra: Promise<{ kind: "css" | "js" | "data"; gzip: number }>[] = [];
      const pageUrl = site.url + page.replace(/(^|\/)index\.html$/, "$1");
      tab.on("response", (response) => {
        const url = new URL(response.url());
        if (url.href === pageUrl || known.has(url.pathname) || ignored.test(url.pathname)) return;
        const kind = url.pathname.endsWith(".js") || url.pathname.endsWith(".mjs") ? "js" : url.pathname.endsWith(".css") ? "css" : "data";
        extra.push(response.body().then((body) => ({ kind, gzip: gzipSync(body, { level: 9 }).length }), () => ({ kind, gzip: 0 })));
      });
      await tab.goto(pageUrl, { waitUntil: "networkidle" });
      // Let idle callbacks and first renders run, then wait for what they fetch.
      await tab.evaluate(() => new Promise((done) => (window.requestIdleCallback ?? setTimeout)(() => setTimeout(done, 300))));
      await tab.waitForLoadState("networkidle");
      const fetched = await Promise.all(extra);
      const add = (kind: string) => fetched.filter((f) => f.kind === kind).reduce((a, f) => a + f.gzip, 0);
      const row = { page, type: pageTypeOf(page), html: statics.html.gzip, css: statics.css.gzip + add("css"), js: statics.js.gzip + add("js"), data: add("data") };
      results.push({ ...row, total: row.html + row.css + row.js + row.data });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
    await site.close();
  }
}

/** The heaviest page (by `total`) of each type, from every page of a build. */
export function heaviestByType(rows: readonly FirstLoad[]): FirstLoad[] {
  const best = new Map<PageType, FirstLoad>();
  for (const row of rows) if (!best.has(row.type) || best.get(row.type)!.total < row.total) best.set(row.type, row);
  return [...best.values()];
}

/** One failing line per enforced budget (`holdAt` where set, else `limit`) a row breaks; empty when everything fits. */
export function overBudget(rows: readonly FirstLoad[]): string[] {
  return firstLoadBudgets.flatMap((b) => {
    const enforced = b.holdAt ?? b.limit;
    return rows.filter((r) => b.types.includes(r.type) && r[b.measure] > enforced).map((r) => `${b.name}: ${r.page} ${r[b.measure]} B > ${enforced} B`);
  });
}

/** Rows within what CI holds but still over the goal: printed, not failed. */
export function shortOfGoal(rows: readonly FirstLoad[]): string[] {
  return firstLoadBudgets.flatMap((b) =>
    b.holdAt === undefined
      ? []
      : rows.filter((r) => b.types.includes(r.type) && r[b.measure] > b.limit && r[b.measure] <= b.holdAt!).map((r) => `${b.name}: ${r.page} ${r[b.measure]} B (goal ${b.limit} B)`),
  );
}

/** Every page's static weight, and the Chromium measurement of the heaviest page of each type. */
export async function firstLoadByType(outDir: string, base: string): Promise<FirstLoad[]> {
  const weigh = pageWeigher(outDir, base);
  const heaviest = new Map<PageType, { page: string; gzip: number }>();
  for (const page of listPages(outDir)) {
    const type = pageTypeOf(page);
    const gzip = weigh(page).total.gzip;
    if ((heaviest.get(type)?.gzip ?? -1) < gzip) heaviest.set(type, { page, gzip });
  }
  return firstLoad(outDir, base, [...heaviest.values()].map((h) => h.page));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.argv[2] ?? "dist";
  const base = process.argv[3] ?? process.env.BASE_PATH ?? "/";
  const rows = await firstLoadByType(outDir, base);
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);
  console.log("type             html    css     js   data  total (KB gzip)  page");
  for (const r of rows) console.log(`${r.type.padEnd(15)} ${kb(r.html)} ${kb(r.css)} ${kb(r.js)} ${kb(r.data)} ${kb(r.total)}  ${r.page}`);
  const over = overBudget(rows);
  const short = shortOfGoal(rows);
  console.log(over.length ? `\nOver budget:\n  ${over.join("\n  ")}` : "\nAll enforced first-load budgets met.");
  if (short.length) console.log(`Goal not yet met (issue #15):\n  ${short.join("\n  ")}`);
}
