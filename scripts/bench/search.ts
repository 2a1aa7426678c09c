/**
 * Search figures for the shipped site: the lunr look-up index (bytes and median query time
 * in Node over the relevance set) and pagefind (bytes fetched by the browser for a typical
 * query, first and median query time in Chromium), and the time to the first result of
 * that query on /search/?q=… (what the header's form opens) in Chromium slowed down as a
 * cheap phone on a poor network: 4× CPU slowdown and DevTools' "Slow 3G" profile (2,000 ms
 * round trip, 400 kbit/s each way), from navigation start, nothing cached. A bench figure
 * (target ≤ 1 s, issue #15), not a test.
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
    | { typicalQuery: string; requests: number; bytes: number; gzipBytes: number; firstQueryMs: number; medianQueryMs: number; slowFirstResultMs: number; slowTypedFirstResultMs: number }
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
    const cdp = await fresh.context().newCDPSession(fresh);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp.send("Network.enable");
    // DevTools' Slow 3G preset: latency 400 ms × 5, 500 kbit/s × 0.8 each way (bytes per second).
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 2000, downloadThroughput: (500 * 1000) / 8 * 0.8, uploadThroughput: (500 * 1000) / 8 * 0.8 });
    await fresh.goto(`${site.url}search/?q=${encodeURIComponent(typicalQuery)}`);
    await fresh.locator(".search-results li").first().waitFor({ timeout: 120_000 });
    const slowFirstResultMs = (await fresh.evaluate(() => performance.now())) as number;
    await fresh.waitForLoadState("networkidle");
    // The same query typed into an already loaded /search/ page (same throttling, nothing
    // of pagefind cached): the search alone, without the page's own download.
    const typed = await browser.newPage();
    const cdp2 = await typed.context().newCDPSession(typed);
    await cdp2.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp2.send("Network.enable");
    await cdp2.send("Network.emulateNetworkConditions", { offline: false, latency: 2000, downloadThroughput: (500 * 1000) / 8 * 0.8, uploadThroughput: (500 * 1000) / 8 * 0.8 });
    await typed.goto(`${site.url}search/`, { waitUntil: "networkidle", timeout: 120_000 });
    await typed.locator("#search-input").fill(typicalQuery);
    // Timed here, not with the page's clock: Enter may submit the form, which opens a new
    // document whose performance.now() starts again from 0.
    const typedAt = Date.now();
    await typed.locator("#search-input").press("Enter");
    await typed.locator(".search-results li").first().waitFor({ timeout: 120_000 });
    const slowTypedFirstResultMs = Date.now() - typedAt;
    return {
      lunr,
      pagefind: { typicalQuery, ...typical, firstQueryMs: timings.first, medianQueryMs: median(timings.rest), slowFirstResultMs, slowTypedFirstResultMs },
    };
  } finally {
    await browser.close();
    await site.close();
  }
}
