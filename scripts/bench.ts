/**
 * npm run bench [-- --scale 1,10,50 | --quick | --ci]
 *
 * Chromium is required (CHROMIUM_PATH or /usr/bin/chromium): without it the bench fails
 * rather than fall back to the static graph. `--ci` (what `npm test` runs after its build)
 * builds nothing: it checks the budgets of 2., the first loads, the precache of 8. and the
 * store timings of 7. in Chromium against dist/ (or DIST_DIR); any failure fails the run.
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
 *    that learner's export file size. Wall-clock figures on a shared machine are noisy, so in
 *    the full bench a store budget failure is printed, not counted in the exit code; --ci
 *    counts the Chromium figures (the store as the site runs it).
 * 8. Service worker precache: the sw.js list at every scale (entries, raw and gzip bytes;
 *    budget ≤ 400 KB gzip and no curriculum page, at 1×, 10× and 50×), and at 1× what
 *    Chromium's Cache Storage holds after a first visit.
 *
 * Prints tables for the CI log and writes the same figures to bench-out/bench.json.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
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
import { budgetTable, buildTable, firstLoadTable, loadedJsTable, pageWeightTable, precacheTable, scenarioTable, searchTable, storeTable, type ScaleResult } from "./bench/report.ts";
import { firstLoadByType, overBudget, shortOfGoal, type FirstLoad } from "./bench/first-load.ts";
import { floorOf, type Floor } from "./bench/floor.ts";
import { PRECACHE_BUDGET_GZIP, precacheInChromium, precacheOfBuild, type PrecacheFigures } from "./bench/precache.ts";
import { relevanceQueries, searchFigures, type SearchFigures } from "./bench/search.ts";
import { scenarioFigures, type ScenarioFigures } from "./bench/scenarios.ts";
import { createSandbox } from "./bench/sandbox.ts";
import { registryBuildBench } from "./bench/registry-build.ts";
import { verifyFigures, verifyTable } from "./bench/verify-browser.ts";
import { certificatePageFigures, certificatePageTable } from "./bench/certificate-page.ts";
import { classReportFigures, classReportTable } from "./bench/class-report.ts";

const root = process.cwd();
const { scales, ci } = parseOptions(process.argv.slice(2));
// Same default as astro.config.mjs; URLs in the HTML start with it.
const basePath = (process.env.BASE_PATH ?? "/").replace(/^\/+|\/+$/g, "");
const base = basePath ? `/${basePath}/` : "/";
const progress = (message: string) => console.error(`[bench] ${message}`);

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
  // No silent fallback: the JS budgets, the precache and the store are measured in Chromium.
  console.error(`Bench FAILED: no Chromium at ${chromiumPath}. Run \`bash scripts/ensure-browser.sh\` (or set CHROMIUM_PATH).`);
  process.exit(1);
}

interface SiteFigures {
  weights: PageWeight[];
  precache: PrecacheFigures;
  held: PrecacheFigures & { caches: string[] };
  firstLoad: FirstLoad[];
  floor: Floor;
  /** First-load budgets broken, one line each. */
  overFirstLoad: string[];
}

/** Page weights with the JS Chromium loads, first loads beside the floor, the precache in Chromium: the 1× build or dist/. */
async function measureSite(outDir: string): Promise<SiteFigures> {
  const weights = listPages(outDir).map(pageWeigher(outDir, base));
  const budgeted = weights.filter((w) => (budgetedJsTypes as readonly string[]).includes(pageTypeOf(w.page)));
  progress(`loading ${budgeted.length} lesson, quiz and scenario pages in Chromium…`);
  const loaded = new Map((await loadedJs(outDir, base, budgeted.map((w) => w.page))).map((l) => [l.page, l.gzip]));
  for (const w of budgeted) w.jsLoaded = loaded.get(w.page);
  progress("first load of the heaviest page of each type, no learner…");
  const firstLoad = await firstLoadByType(outDir, base);
  const lesson = firstLoad.find((r) => r.type === "lesson");
  if (!lesson) throw new Error("the build has no lesson page: no floor to compare with");
  progress("first visit with the service worker…");
  return {
    weights,
    precache: precacheOfBuild(outDir, base),
    held: await precacheInChromium(outDir, base),
    firstLoad,
    floor: floorOf(outDir, lesson.page),
    overFirstLoad: overBudget(firstLoad),
  };
}

const precacheFails = (f: PrecacheFigures) => f.gzip > PRECACHE_BUDGET_GZIP || f.curriculumEntries > 0;

if (ci) {
  const outDir = resolve(process.env.DIST_DIR ?? "dist");
  if (!existsSync(join(outDir, "sw.js"))) {
    console.error(`Bench FAILED: no built site with a service worker in ${outDir} (run \`npm run build\` first).`);
    process.exit(1);
  }
  const { weights, precache, held, firstLoad, floor, overFirstLoad } = await measureSite(outDir);
  progress("progress store timings…");
  const store = await storeFigures(root, contentDir(root), { outDir, base });
  const budgets = checkBudgets(weights);
  console.log(["", pageWeightTable(summariseByType(weights)), "", loadedJsTable(weights), "", budgetTable(budgets), "", firstLoadTable(firstLoad, floor, overFirstLoad), "", precacheTable(precache, held), "", storeTable(store), ""].join("\n"));
  const failures = [
    ...budgets.filter((b) => !b.pass).map((b) => b.name),
    ...overFirstLoad,
    ...(precacheFails(precache) || precacheFails(held) ? ["service worker precache"] : []),
    // The store as the site runs it (Chromium's IndexedDB) counts; Node's memory and
    // fake-indexeddb figures are indicative and too noisy on a shared machine: printed only.
    ...store.timings.filter((t) => !t.pass && t.backend === "indexeddb (Chromium)").map((t) => `store ${t.backend} ${t.operation} ${t.medianMs.toFixed(1)} ms`),
  ];
  const slowNode = store.timings.filter((t) => !t.pass && t.backend !== "indexeddb (Chromium)");
  if (slowNode.length) console.error(`Store budget exceeded in Node (reported, not counted): ${slowNode.map((t) => `${t.backend} ${t.operation} ${t.medianMs.toFixed(1)} ms`).join("; ")}.`);
  const short = shortOfGoal(firstLoad);
  if (short.length) console.log(`First-load goal not yet met (issue #15; CI holds today's figure): ${short.join("; ")}.`);
  if (failures.length) {
    console.error(`\nBudget FAILED: ${failures.join(", ")}.`);
    process.exit(1);
  }
  console.log("All budgets met.");
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), "mediator-bench-"));
const results: ScaleResult[] = [];
let weights: PageWeight[] = [];
let search: SearchFigures | undefined;
let scenarios: ScenarioFigures | undefined;
let store: StoreFigures | undefined;
let site: SiteFigures | undefined;
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
    const precache = precacheOfBuild(outDir, base);
    if (scale === 1) {
      site = await measureSite(outDir);
      weights = site.weights;
      search = await searchFigures(outDir, base, relevanceQueries(root));
      scenarios = scenarioFigures(project, source);
      store = await storeFigures(project, source, { outDir, base });
      console.log(readinessTable(await readinessFigures(project, source, { outDir, base })));
      console.log(verifyTable(await verifyFigures(outDir, base)));
      console.log(certificatePageTable(certificatePageFigures(outDir)));
      console.log(classReportTable(await classReportFigures(project, source, { outDir, base })));
    }
    results.push({ scale, check, build, precache });
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
  ["", pageWeightTable(byType), "", loadedJsTable(weights), "", budgetTable(budgets), "", site ? firstLoadTable(site.firstLoad, site.floor, site.overFirstLoad) : "", "", site ? precacheTable(results[0]!.precache, site.held) : "", "", buildTable(results), "", search ? searchTable(search) : "", "", scenarios ? scenarioTable(scenarios) : "", "", store ? storeTable(store) : "", ""].join("\n"),
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
  firstLoad: site?.firstLoad,
  floor: site?.floor,
  precacheAfterFirstVisit: site?.held,
  builds: results.map(({ scale, check, build, precache }) => ({
    scale,
    courses: check.courses,
    lessons: check.lessons,
    pages: build.pages,
    buildSeconds: build.seconds,
    msPerPage: (build.seconds * 1000) / build.pages,
    contentCheckMs: check.ms,
    precache,
  })),
};
writeFileSync(jsonFile, `${JSON.stringify(json, null, 2)}\n`);
console.log(`Wrote ${jsonFile}`);

const slowStore = store?.timings.filter((t) => !t.pass) ?? [];
if (slowStore.length) {
  // Reported, not counted in the exit code: timings on a shared machine are noisy.
  console.error(`\nStore budget (${store!.budgetMs} ms median) FAILED for: ${slowStore.map((t) => `${t.backend} ${t.operation} ${t.medianMs.toFixed(1)} ms`).join("; ")}.`);
}

const failed = [
  ...budgets.filter((b) => !b.pass).map((b) => b.name),
  ...results.filter((r) => precacheFails(r.precache)).map((r) => `service worker precache at ${r.scale}x`),
  ...(site && precacheFails(site.held) ? ["service worker precache in Chromium"] : []),
  ...(site?.overFirstLoad ?? []),
];
if (failed.length) {
  console.error(`\nBudget FAILED: ${failed.join(", ")}.`);
  process.exitCode = 1;
}
