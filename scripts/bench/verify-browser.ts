/**
 * /verify/ timed in Chromium against a built site with a registry: the bytes fetched to
 * verify one certificate number (each registry file, raw and gzip), the page's own JS
 * (gzip), and the time of one whole check once its data is loaded (median of runs of
 * <certificate-verifier>.check(number): fetch of index, shard and status list from the
 * local server, both signatures, the verdict rendered). Budget: ≤ 50 ms median.
 *
 *   npx tsx scripts/bench/verify-browser.ts [dist-dir]     (standalone; bench.ts calls verifyFigures)
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium } from "../../test/browser/support/browser.ts";
import { serveDist } from "../../test/browser/support/static-server.ts";

export const VERIFY_BUDGET_MS = 50;

export interface VerifyFigures {
  certificates: number;
  shardCount: number;
  number: string;
  /** Registry files one lookup by number fetched (path relative to the site). */
  fetched: { path: string; bytes: number; gzip: number }[];
  fetchedBytes: number;
  fetchedGzip: number;
  /** JS the /verify/ page loads before any input (gzip). */
  pageJsGzip: number;
  runs: number[];
  medianMs: number;
  pass: boolean;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gzip = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;

/** JS of /verify/ before any input: its module scripts and their static imports (not import()), gzip each. */
function staticJsGzip(outDir: string): number {
  const html = readFileSync(join(outDir, "verify", "index.html"), "utf8");
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]*src="[^"]*?(_astro\/[^"]+\.js)"/g)].map((m) => m[1]);
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(join(outDir, file))) continue;
    seen.add(file);
    const text = readFileSync(join(outDir, file), "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(`_astro/${m[1]}`);
  }
  return [...seen].reduce((sum, f) => sum + gzip(readFileSync(join(outDir, f))), 0);
}

/** A number from the middle of the registry; undefined when the build has no certificates. */
function someNumber(outDir: string): { number: string; count: number; shardCount: number } | undefined {
  const index = join(outDir, "registry", "index.json");
  if (!existsSync(index)) return undefined;
  const { count, shardCount } = JSON.parse(readFileSync(index, "utf8")) as { count: number; shardCount: number };
  const numbers = readdirSync(join(outDir, "registry", "shards")).flatMap(
    (n) => (JSON.parse(readFileSync(join(outDir, "registry", "shards", n), "utf8")) as { entries: { number: string }[] }).entries.map((e) => e.number),
  );
  numbers.sort();
  return numbers.length ? { number: numbers[Math.floor(numbers.length / 2)], count, shardCount } : undefined;
}

export async function verifyFigures(outDir: string, base = "/", runs = 21): Promise<VerifyFigures | undefined> {
  const pick = someNumber(outDir);
  if (!pick) return undefined;
  const site = await serveDist(outDir, base);
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ serviceWorkers: "block" })).newPage();
    const bodies = new Map<string, Uint8Array>();
    page.on("response", async (response) => {
      const path = new URL(response.url()).pathname;
      if (response.ok() && path.includes("/registry/")) bodies.set(path, new Uint8Array(await response.body().catch(() => Buffer.alloc(0))));
    });
    await page.goto(`${site.url}verify/`, { waitUntil: "networkidle" });
    const pageJsGzip = staticJsGzip(outDir);
    bodies.clear();
    await page.locator("#verify-input").fill(pick.number);
    await page.getByRole("button", { name: "核验", exact: true }).click();
    await page.locator(".verdict").waitFor();
    await page.waitForLoadState("networkidle");
    const fetched = [...bodies].filter(([p]) => p.includes("/registry/")).map(([path, b]) => ({ path, bytes: b.length, gzip: gzip(b) }));
    // tsx's keepNames wraps functions in __name(); the page needs the helper too.
    await page.evaluate("globalThis.__name = (fn) => fn");
    const times = await page.evaluate(
      async ({ number, runs }) => {
        const el = document.querySelector("certificate-verifier") as unknown as { check(n: string): Promise<void>; updateComplete: Promise<unknown> };
        const out: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          await el.check(number);
          await el.updateComplete;
          out.push(performance.now() - t);
        }
        return out;
      },
      { number: pick.number, runs },
    );
    const medianMs = median(times);
    return {
      certificates: pick.count,
      shardCount: pick.shardCount,
      number: pick.number,
      fetched,
      fetchedBytes: fetched.reduce((s, f) => s + f.bytes, 0),
      fetchedGzip: fetched.reduce((s, f) => s + f.gzip, 0),
      pageJsGzip,
      runs: times,
      medianMs,
      pass: medianMs <= VERIFY_BUDGET_MS,
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

export function verifyTable(f: VerifyFigures | undefined): string {
  if (!f) return "Verify (/verify/): no certificates in this build's registry, not measured.";
  const kb = (n: number) => (n / 1024).toFixed(1);
  return [
    `Verify (/verify/, ${f.certificates} certificates in ${f.shardCount} shards; number ${f.number}):`,
    `  fetched to verify one number: ${f.fetched.map((x) => `${x.path.replace(/^.*\/registry\//, "")} ${kb(x.gzip)} KB`).join(", ")} = ${kb(f.fetchedBytes)} KB, ${kb(f.fetchedGzip)} KB gzip`,
    `  page JS before any input: ${kb(f.pageJsGzip)} KB gzip (jsqr loads only for a photo)`,
    `  one check once data is loaded: median ${f.medianMs.toFixed(1)} ms of ${f.runs.length} (budget ${VERIFY_BUDGET_MS} ms) ${f.pass ? "ok" : "FAILED"}`,
  ].join("\n");
}

if (process.argv[1]?.endsWith("verify-browser.ts")) {
  const figures = await verifyFigures(process.argv[2] ?? "dist", process.env.BASE_PATH ?? "/");
  console.log(verifyTable(figures));
  if (figures && !figures.pass) process.exitCode = 1;
}
