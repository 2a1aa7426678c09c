/**
 * Search figures for the shipped site: the lunr look-up index (bytes and median query time
 * in Node over the relevance set) and pagefind (bytes fetched by the browser for a typical
 * query, first and median query time in Chromium).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "yaml";
import { Lookup, type SerialisedLookup } from "../../src/lib/search/lookup-index.ts";
import { pagefindRanking } from "../../src/lib/search/pagefind-ranking.ts";
import { launchChromium } from "../../test/browser/support/browser.ts";
import { serveDist } from "../../test/browser/support/static-server.ts";

export interface SearchFigures {
  lunr: { strategy: string; documents: number; bytes: number; gzipBytes: number; medianQueryMs: number; queries: number };
  pagefind:
    | { typicalQuery: string; requests: number; bytes: number; gzipBytes: number; firstQueryMs: number; medianQueryMs: number }
    | { skipped: string };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : 0;
};

export function relevanceQueries(root: string): string[] {
  const judged = parse(readFileSync(join(root, "test", "relevance", "queries.yaml"), "utf8")) as { q: string | number }[];
  return judged.map((j) => String(j.q));
}

export async function searchFigures(outDir: string, base: string, queries: string[], typicalQuery = "调解协议"): Promise<SearchFigures> {
  const json = readFileSync(join(outDir, "search", "lookup.json"));
  const data = JSON.parse(json.toString("utf8")) as SerialisedLookup;
  const lookup = new Lookup(data);
  for (const q of queries) lookup.search(q); // warm up
  const perQuery = queries.map((q) => {
    const start = performance.now();
    for (let i = 0; i < 20; i++) lookup.search(q);
    return (performance.now() - start) / 20;
  });
  const lunr = {
    strategy: data.strategy,
    documents: data.documents.length,
    bytes: json.length,
    gzipBytes: gzipSync(json, { level: 9 }).length,
    medianQueryMs: median(perQuery),
    queries: queries.length,
  };

  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) return { lunr, pagefind: { skipped: `no Chromium at ${chromium} (run scripts/ensure-browser.sh)` } };

  const site = await serveDist(outDir, base);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(site.url + "search/", { waitUntil: "networkidle" });
    // Query times: the first includes starting the wasm; then the relevance set.
    const timings = (await page.evaluate(`(async () => {
      const api = await import(${JSON.stringify(site.url + "pagefind/pagefind.js")});
      await api.options({ ranking: ${JSON.stringify(pagefindRanking)} });
      const time = async (q) => {
        const start = performance.now();
        const found = await api.search(q);
        await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
        return performance.now() - start;
      };
      const first = await time(${JSON.stringify(typicalQuery)});
      const rest = [];
      for (const q of ${JSON.stringify(queries)}) rest.push(await time(q));
      return { first, rest };
    })()`)) as { first: number; rest: number[] };
    // Bytes pagefind fetches for one typical query through the search page, from a fresh page.
    const fresh = await browser.newPage();
    let typical = { requests: 0, bytes: 0, gzipBytes: 0 };
    fresh.on("response", async (response) => {
      if (!response.url().includes("/pagefind/")) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      typical = {
        requests: typical.requests + 1,
        bytes: typical.bytes + body.length,
        gzipBytes: typical.gzipBytes + gzipSync(body, { level: 9 }).length,
      };
    });
    await fresh.goto(`${site.url}search/?q=${encodeURIComponent(typicalQuery)}`, { waitUntil: "networkidle" });
    await fresh.locator(".search-results li").first().waitFor();
    await fresh.waitForLoadState("networkidle");
    return {
      lunr,
      pagefind: { typicalQuery, ...typical, firstQueryMs: timings.first, medianQueryMs: median(timings.rest) },
    };
  } finally {
    await browser.close();
    await site.close();
  }
}
