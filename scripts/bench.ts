/**
 * npm run bench [-- --scale 1,10,50 | --quick]
 *
 * 1. Page weight (HTML, CSS, JS; raw and gzip) of each page type of the shipped site.
 * 2. Budgets: lesson JS gzip ≤ 20 KB and HTML+CSS+JS gzip ≤ 100 KB; scenario page JS gzip
 *    ≤ 40 KB; quiz page JS gzip ≤ 40 KB. JS counts what Chromium really downloads with a
 *    learner chosen (dynamic imports at start-up included), when that is more than the
 *    static graph. Exit code 1 if one fails.
 * 3. Build time of the shipped site and of generated curricula 10× and 50× larger.
 * 4. Time of the content checker alone at each scale.
 * 5. Search: lunr look-up index bytes and median query time; pagefind bytes fetched for a
 *    typical query and its query times in Chromium.
 * 6. Scenarios: checker time over every shipped scenario, engine time per step.
 * 7. Progress store: append, overview read and full read for a learner with 2,000 quiz
 *    attempts (memory and fake-indexeddb backends in Node, and the built store chunk in
 *    Chromium's IndexedDB; budget 5 ms median for append and
 *    overview, reported PASS/FAIL per operation; the full read is only an export's), and
 *    that learner's export file size. Wall-clock figures on a shared machine are noisy, so a
 *    store budget failure is printed, not counted in the exit code.
 *
 * Prints tables for the CI log and writes the same figures to bench-out/bench.json.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contentDir } from "../src/lib/content/content-dir.ts";
import { budgetedJsTypes, checkBudgets, type BudgetResult } from "./bench/budget.ts";
import { certificateFigures, certificateTable } from "./bench/certificates.ts";
import { loadedJs } from "./bench/loaded-js.ts";
import { timedBuild } from "./bench/build.ts";
import { timedContentCheck } from "./bench/content-check.ts";
import { generateCurriculum } from "./bench/generate-curriculum.ts";
import { parseOptions } from "./bench/options.ts";
import { pageTypeOf, summariseByType, type TypeSummary } from "./bench/page-types.ts";
import { listPages, pageWeigher, type PageWeight } from "./bench/page-weight.ts";
import { storeFigures, type StoreFigures } from "./bench/progress-store.ts";
import { readinessFigures, readinessTable } from "./bench/readiness.ts";
import { budgetTable, buildTable, loadedJsTable, pageWeightTable, scenarioTable, searchTable, storeTable, type ScaleResult } from "./bench/report.ts";
import { relevanceQueries, searchFigures, type SearchFigures } from "./bench/search.ts";
import { scenarioFigures, type ScenarioFigures } from "./bench/scenarios.ts";
import { createSandbox } from "./bench/sandbox.ts";
import { registryBuildBench } from "./bench/registry-build.ts";
import { verifyFigures, verifyTable } from "./bench/verify-browser.ts";
import { certificatePageFigures, certificatePageTable } from "./bench/certificate-page.ts";

const root = process.cwd();
const { scales } = parseOptions(process.argv.slice(2));
// Same default as astro.config.mjs; URLs in the HTML start with it.
const basePath = (process.env.BASE_PATH ?? "/").replace(/^\/+|\/+$/g, "");
const base = basePath ? `/${basePath}/` : "/";
const progress = (message: string) => console.error(`[bench] ${message}`);

const work = mkdtempSync(join(tmpdir(), "mediator-bench-"));
const results: ScaleResult[] = [];
let weights: PageWeight[] = [];
let search: SearchFigures | undefined;
let scenarios: ScenarioFigures | undefined;
let store: StoreFigures | undefined;
try {
  const project = createSandbox(root, join(work, "project"));
  // The content the real build uses (content/ unless MEDIATOR_CONTENT_DIR says otherwise).
  const source = contentDir(project);
  for (const scale of scales) {
    const content = scale === 1 ? source : join(work, `content-${scale}x`);
    const outDir = join(work, `site-${scale}x`);
    if (scale > 1) generateCurriculum(source, content, scale);
    const check = timedContentCheck(project, content);
    progress(`building ${scale}x: ${check.courses} courses, ${check.lessons} lessons…`);
    const build = await timedBuild(project, outDir, scale === 1 ? {} : { MEDIATOR_CONTENT_DIR: content });
    progress(`built ${build.pages} pages in ${build.seconds.toFixed(1)} s`);
    // Guards against a build that silently used other content than the one just checked.
    const lessonPages = listPages(outDir).filter((page) => pageTypeOf(page) === "lesson").length;
    if (lessonPages !== check.lessons) throw new Error(`${scale}x build wrote ${lessonPages} lesson pages for ${check.lessons} lessons`);
    if (scale === 1) {
      weights = listPages(outDir).map(pageWeigher(outDir, base));
      const budgeted = weights.filter((w) => (budgetedJsTypes as readonly string[]).includes(pageTypeOf(w.page)));
      if (existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
        progress(`loading ${budgeted.length} lesson, quiz and scenario pages in Chromium…`);
        const loaded = new Map((await loadedJs(outDir, base, budgeted.map((w) => w.page))).map((l) => [l.page, l.gzip]));
        for (const w of budgeted) w.jsLoaded = loaded.get(w.page);
      } else {
        progress("no Chromium (run scripts/ensure-browser.sh): JS budgets use the static graph only");
      }
      search = await searchFigures(outDir, base, relevanceQueries(root));
      scenarios = scenarioFigures(project, source);
      store = await storeFigures(project, source, { outDir, base });
      if (existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) console.log(readinessTable(await readinessFigures(project, source, { outDir, base })));
      if (existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) console.log(verifyTable(await verifyFigures(outDir, base)));
      console.log(certificatePageTable(certificatePageFigures(outDir)));
    }
    results.push({ scale, check, build });
    // Free the disk as we go: the 50× site and its content are large.
    rmSync(outDir, { recursive: true, force: true });
    if (content !== source) rmSync(content, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Certificate registry at 1,000, 10,000 and 100,000 (only 1,000 with --quick): several minutes at full size.
console.log(certificateTable(await certificateFigures(scales.length > 1 ? undefined : [1_000])));
// The whole site built with 1,000 and 10,000 generated certificates (1,000 with --quick; 100,000: registry-build.ts --counts 100000).
console.log(await registryBuildBench(scales.length > 1 ? undefined : [1_000]));

const byType: TypeSummary[] = summariseByType(weights);
const budgets: BudgetResult[] = checkBudgets(weights);
console.log(
  ["", pageWeightTable(byType), "", loadedJsTable(weights), "", budgetTable(budgets), "", buildTable(results), "", search ? searchTable(search) : "", "", scenarios ? scenarioTable(scenarios) : "", "", store ? storeTable(store) : "", ""].join("\n"),
);

const jsonFile = join(root, "bench-out", "bench.json");
mkdirSync(join(root, "bench-out"), { recursive: true });
const json = {
  createdAt: new Date().toISOString(),
  node: process.version,
  units: "bytes; gzip = node:zlib gzipSync level 9 per file; seconds and milliseconds are wall clock",
  pageWeight: byType,
  budgets,
  search,
  scenarios,
  progressStore: store,
  builds: results.map(({ scale, check, build }) => ({
    scale,
    courses: check.courses,
    lessons: check.lessons,
    pages: build.pages,
    buildSeconds: build.seconds,
    msPerPage: (build.seconds * 1000) / build.pages,
    contentCheckMs: check.ms,
  })),
};
writeFileSync(jsonFile, `${JSON.stringify(json, null, 2)}\n`);
console.log(`Wrote ${jsonFile}`);

const slowStore = store?.timings.filter((t) => !t.pass) ?? [];
if (slowStore.length) {
  // Reported, not counted in the exit code: timings on a shared machine are noisy.
  console.error(`\nStore budget (${store!.budgetMs} ms median) FAILED for: ${slowStore.map((t) => `${t.backend} ${t.operation} ${t.medianMs.toFixed(1)} ms`).join("; ")}.`);
}

const failed = budgets.filter((b) => !b.pass);
if (failed.length) {
  console.error(`\nBudget FAILED: ${failed.map((b) => b.name).join(", ")}.`);
  process.exitCode = 1;
}
