/**
 * Readiness timed in Chromium for a learner with 2,000 quiz attempts (heavyRecord, plus
 * every lesson and the pre-job scenarios): what 我的学习 does per visit, reading the
 * digests from the site's own built store chunk (Chromium's IndexedDB) and asking the
 * readiness rule for every level. The rule is bundled from src/lib with esbuild, the
 * levels and curriculum facts are the ones the built /me/ page embeds.
 * Budget: 5 ms median for readiness of all levels; overview + readiness reported beside it.
 *
 * Standalone: `npx tsx scripts/bench/readiness.ts [OUT_DIR]` against a built site.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { launchChromium } from "../../test/browser/support/browser.ts";
import { serveDist } from "../../test/browser/support/static-server.ts";
import { preJobReadyRecord } from "../../test/fixtures/certification/records.ts";
import { heavyRecord } from "./progress-store.ts";

export const READINESS_BUDGET_MS = 5;

export interface ReadinessFigures {
  attempts: number;
  levels: number;
  runs: number;
  /** Median of the readiness rule over every level, from digests already read. */
  readinessMs: number;
  /** Median of readOverview alone (the store's figure), for comparison. */
  overviewMs: number;
  /** Median of readOverview + readiness, what one visit of 我的学习 costs. */
  overviewAndReadinessMs: number;
  budgetMs: number;
  pass: boolean;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The levels and facts attributes of <certification-readiness> in the built /me/ page. */
function embedded(outDir: string): { levels: unknown[]; facts: unknown } {
  const htmlText = readFileSync(join(outDir, "me", "index.html"), "utf8");
  const tag = /<certification-readiness\b[^>]*>/.exec(htmlText)?.[0];
  if (!tag) throw new Error("no <certification-readiness> in me/index.html");
  const attr = (name: string) => {
    const raw = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    if (raw === undefined) throw new Error(`no ${name} attribute on <certification-readiness>`);
    return JSON.parse(
      raw
        .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
        .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCharCode(parseInt(n, 16)))
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&"),
    );
  };
  return { levels: attr("levels"), facts: attr("facts") };
}

async function readinessBundle(root: string): Promise<string> {
  const out = await build({
    stdin: { contents: `import { readiness } from "./src/lib/certification/readiness.ts"; globalThis.__readiness = readiness;`, resolveDir: root, loader: "ts" },
    bundle: true,
    format: "iife",
    minify: true,
    write: false,
    target: "es2022",
  });
  return out.outputFiles[0]!.text;
}

export async function readinessFigures(root: string, content: string, site: { outDir: string; base: string }, runs = 50): Promise<ReadinessFigures> {
  const { record: heavy } = heavyRecord(root, content);
  const ready = preJobReadyRecord();
  const record = { ...heavy, lessons: ready.lessons, runs: ready.runs };
  const { levels, facts } = embedded(site.outDir);
  const chunk = readdirSync(join(site.outDir, "_astro")).find((f) => /^progress-client\.[\w-]+\.js$/.test(f));
  if (!chunk) throw new Error("no progress-client chunk in the build's _astro/ folder");
  const server = await serveDist(site.outDir, site.base);
  const browser = await launchChromium();
  try {
    // bypassCSP: the bundle below is added as an inline script, which the site's policy blocks.
    const page = await (await browser.newContext({ serviceWorkers: "block", bypassCSP: true })).newPage();
    await page.goto(server.url + "404.html");
    await page.evaluate("globalThis.__name = (fn) => fn");
    await page.addScriptTag({ content: await readinessBundle(root) });
    const times = await page.evaluate(
      async ({ url, record, levels, facts, runs }: { url: string; record: { learner: { id: string } }; levels: unknown[]; facts: unknown; runs: number }) => {
        const mod: Record<string, unknown> = await import(url);
        const ns = Object.values(mod).find((v): v is { progressClient: () => Promise<{ store: any }> } => typeof v === "object" && v !== null && "progressClient" in v);
        if (!ns) throw new Error("progressClient not found in the chunk");
        const { store } = await ns.progressClient();
        await store.importRecord(record);
        const rule = (globalThis as unknown as { __readiness: (d: unknown, l: unknown, f: unknown) => unknown }).__readiness;
        const learner = record.learner.id;
        const { digests } = await store.readOverview(learner);
        const alone: number[] = [];
        const overviewOnly: number[] = [];
        const visit: number[] = [];
        // Chromium coarsens performance.now(): time batches of the rule and divide.
        const batch = 100;
        for (let i = -1; i < runs; i++) {
          let t = performance.now();
          for (let k = 0; k < batch; k++) for (const level of levels) rule(digests, level, facts);
          if (i >= 0) alone.push((performance.now() - t) / batch);
          t = performance.now();
          await store.readOverview(learner);
          if (i >= 0) overviewOnly.push(performance.now() - t);
          t = performance.now();
          const overview = await store.readOverview(learner);
          for (const level of levels) rule(overview.digests, level, facts);
          if (i >= 0) visit.push(performance.now() - t);
        }
        return { alone, overviewOnly, visit };
      },
      { url: `${server.url}_astro/${chunk}`, record: record as { learner: { id: string } }, levels, facts, runs },
    );
    const readinessMs = median(times.alone);
    return {
      attempts: record.attempts.length,
      levels: levels.length,
      runs,
      readinessMs,
      overviewMs: median(times.overviewOnly),
      overviewAndReadinessMs: median(times.visit),
      budgetMs: READINESS_BUDGET_MS,
      pass: readinessMs <= READINESS_BUDGET_MS,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export function readinessTable(f: ReadinessFigures): string {
  return [
    `Readiness in Chromium (${f.attempts} attempts, ${f.levels} levels, median of ${f.runs}; budget ${f.budgetMs} ms)`,
    `| measure | median ms | result |`,
    `| --- | --- | --- |`,
    `| readiness, all levels | ${f.readinessMs.toFixed(2)} | ${f.pass ? "PASS" : "FAIL"} |`,
    `| read overview (store) | ${f.overviewMs.toFixed(2)} | (reported) |`,
    `| read overview + readiness | ${f.overviewAndReadinessMs.toFixed(2)} | (reported) |`,
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = process.cwd();
  const figures = await readinessFigures(root, join(root, "content"), { outDir: resolve(process.argv[2] ?? "dist"), base: process.env.BASE_PATH ?? "/" });
  console.log(readinessTable(figures));
  if (!figures.pass) process.exitCode = 1;
}
