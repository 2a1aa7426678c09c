/**
 * The class report (/trainers/class/) timed on 300 and 3,000 learners' files, made by the
 * seeded fixture script (scripts/report/class-fixtures.ts):
 *
 * - Chromium, against a built site: from the file input's `change` to the page saying what
 *   it read (every file checked like an import, merged, analysed, and the report rendered:
 *   table, charts, questions, decisions over the graphs). The first run fetches data.json
 *   and the statistics chunk, as a trainer's visit does. Goal (issue #14): 3,000 files ≤ 5 s.
 * - Node, in a fresh child process per size (`--expose-gc`): loadClassFiles + classReport,
 *   as `npm run report` does, and the peak memory of that process (maxRSS) and of its heap
 *   (sampled every millisecond the analysis yields, and at its end).
 *
 * Medians of a few runs; wall-clock on a shared machine, so a printed figure, never a test.
 *
 *   npx tsx scripts/bench/class-report.ts [dist-dir] [--sizes 300,3000] [--runs 3]
 *   (standalone; bench.ts calls classReportFigures)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { launchChromium } from "../../test/browser/support/browser.ts";
import { serveDist } from "../../test/browser/support/static-server.ts";
import { generateClass } from "../report/class-fixtures.ts";

/** Issue #14's goal for 3,000 files in the browser. */
export const CLASS_GOAL_MS = 5_000;
export const CLASS_SIZES = [300, 3_000] as const;

export interface ClassReportFigure {
  files: number;
  /** Total size of the files, bytes. */
  bytes: number;
  chromiumMs: number[];
  chromiumMedianMs: number;
  nodeMs: number[];
  nodeMedianMs: number;
  /** Peak resident memory of the Node process that analysed the files, MB. */
  nodePeakRssMb: number;
  /** Peak V8 heap seen while analysing, MB (above the heap before the files were read). */
  nodePeakHeapMb: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const self = fileURLToPath(import.meta.url);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** In the child: analyse the files of `dir` `runs` times; print JSON figures on stdout. */
async function child(root: string, dir: string, runs: number) {
  const { readCurrentContent } = await import("../../src/lib/cert/issue-files.ts");
  const { classContextOf } = await import("../../src/lib/statistics/class-context.ts");
  const { loadClassFiles } = await import("../../src/lib/statistics/class-files.ts");
  const { classReport } = await import("../../src/lib/statistics/class-report.ts");
  const content = readCurrentContent(root);
  if ("code" in content) throw new Error(`content has ${content.values?.n} issues`);
  const data = { context: classContextOf(content), banks: content.banks, scenarios: content.scenarios, layouts: [] };
  const names = readdirSync(dir).sort();
  const gc = (globalThis as { gc?: () => void }).gc;
  const ms: number[] = [];
  let peakHeap = 0;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - before));
    const timer = setInterval(sample, 1);
    const t0 = performance.now();
    // Reading the files is part of it, as for `npm run report` (bytes, as it reads them).
    const files = names.map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
    const loaded = await loadClassFiles(files);
    const report = classReport(loaded.learners, data);
    ms.push(performance.now() - t0);
    sample();
    clearInterval(timer);
    if (report.rows.length !== names.length) throw new Error(`analysed ${report.rows.length} learners of ${names.length} files`);
  }
  console.log(JSON.stringify({ ms, peakHeap, maxRss: process.resourceUsage().maxRSS * 1024 }));
}

function nodeFigures(root: string, dir: string, runs: number): { ms: number[]; peakHeap: number; maxRss: number } {
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", self, "--child", root, dir, String(runs)], { cwd: root, encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").at(-1)!);
}

async function chromiumFigures(outDir: string, base: string, dir: string, count: number, runs: number): Promise<number[]> {
  const site = await serveDist(outDir, base);
  const browser = await launchChromium();
  const paths = readdirSync(dir).sort().map((n) => join(dir, n));
  const ms: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ serviceWorkers: "block" });
      const page = await context.newPage();
      await page.goto(`${site.url}trainers/class/`, { waitUntil: "networkidle" });
      await page.evaluate(() => {
        const w = window as unknown as { classT0?: number };
        document.querySelector("#class-files")!.addEventListener("change", () => (w.classT0 = performance.now()), { capture: true });
      });
      await page.locator("#class-files").setInputFiles(paths);
      const done = page.locator(".class-status", { hasText: `学员 ${count} 人` });
      await done.waitFor({ timeout: 300_000 });
      // The status is written in the same render as the report: it shows once everything is drawn.
      ms.push(await page.evaluate(() => performance.now() - (window as unknown as { classT0: number }).classT0));
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return ms;
}

export async function classReportFigures(root: string, content: string, { outDir, base = "/", runs = 3, sizes = [...CLASS_SIZES] }: { outDir: string; base?: string; runs?: number; sizes?: number[] }): Promise<ClassReportFigure[]> {
  const { checkAll } = await import("../../src/lib/check-all.ts");
  const checked = checkAll(root, content);
  const work = mkdtempSync(join(tmpdir(), "class-bench-"));
  const figures: ClassReportFigure[] = [];
  try {
    for (const files of sizes) {
      console.error(`[bench] class report: generating ${files} learners' files…`);
      const generated = await generateClass(checked, { learners: files });
      const dir = join(work, String(files));
      mkdirSync(dir);
      let bytes = 0;
      for (const f of generated.files) {
        writeFileSync(join(dir, f.name), f.text);
        bytes += Buffer.byteLength(f.text);
      }
      console.error(`[bench] class report: ${files} files in Node…`);
      const node = nodeFigures(root, dir, runs);
      console.error(`[bench] class report: ${files} files in Chromium…`);
      const chromiumMs = await chromiumFigures(outDir, base, dir, files, runs);
      figures.push({
        files,
        bytes,
        chromiumMs,
        chromiumMedianMs: median(chromiumMs),
        nodeMs: node.ms,
        nodeMedianMs: median(node.ms),
        nodePeakRssMb: mb(node.maxRss),
        nodePeakHeapMb: mb(node.peakHeap),
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return figures;
}

export function classReportTable(figures: readonly ClassReportFigure[]): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows = figures.map((f) => {
    const goal = f.files === 3_000 ? `≤ ${s(CLASS_GOAL_MS)}: ${f.chromiumMedianMs <= CLASS_GOAL_MS ? "met" : "NOT met"}` : "—";
    return `| ${f.files} | ${mb(f.bytes)} MB | ${s(f.chromiumMedianMs)} | ${goal} | ${s(f.nodeMedianMs)} | ${f.nodePeakRssMb} MB | ${f.nodePeakHeapMb} MB |`;
  });
  return [
    `Class report: learners' files analysed (median of ${figures[0]?.chromiumMs.length ?? 0}; Chromium from picking the files to the report drawn; Node loadClassFiles + classReport in a fresh process)`,
    "| files | size | Chromium | goal (issue #14) | Node | Node peak RSS | Node peak heap |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const argv = process.argv.slice(2);
  if (argv[0] === "--child") await child(argv[1]!, argv[2]!, Number(argv[3]));
  else {
    const root = resolve(fileURLToPath(new URL("../../", import.meta.url)));
    const { contentDir } = await import("../../src/lib/content/content-dir.ts");
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { sizes: { type: "string" }, runs: { type: "string" } } });
    const outDir = resolve(positionals[0] ?? process.env.DIST_DIR ?? "dist");
    const sizes = values.sizes ? values.sizes.split(",").map(Number) : [...CLASS_SIZES];
    const runs = values.runs ? Number(values.runs) : 3;
    if (!sizes.every((n) => Number.isInteger(n) && n > 0) || !Number.isInteger(runs) || runs < 1) throw new Error("--sizes takes whole numbers (300,3000), --runs a whole number ≥ 1");
    console.log(classReportTable(await classReportFigures(root, contentDir(root), { outDir, sizes, runs })));
  }
}
