/** Plain-text tables for a CI log. Sizes in KB of 1024 bytes; the JSON keeps exact bytes. */
import type { BudgetResult } from "./budget.ts";
import type { BuildResult } from "./build.ts";
import type { CheckResult } from "./content-check.ts";
import { pageTypeOf, type TypeSummary } from "./page-types.ts";
import { PRECACHE_BUDGET_GZIP, type PrecacheFigures } from "./precache.ts";

export interface ScaleResult {
  scale: number;
  check: CheckResult;
  build: BuildResult;
  /** The service worker's precache list in that build (sw.js). */
  precache: import("./precache.ts").PrecacheFigures;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** Left-aligns the first and last columns (names, paths) and right-aligns numbers between. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function pageWeightTable(rows: readonly TypeSummary[]): string {
  const header = ["page type", "pages", "HTML", "HTML gz", "CSS", "CSS gz", "JS", "JS gz", "total", "total gz", "heaviest page"];
  const body = rows.map(({ type, pages, heaviest: w }) =>
    w
      ? [type, String(pages), kb(w.html.raw), kb(w.html.gzip), kb(w.css.raw), kb(w.css.gzip), kb(w.js.raw), kb(w.js.gzip), kb(w.total.raw), kb(w.total.gzip), w.page]
      : [type, "0", "-", "-", "-", "-", "-", "-", "-", "-", "(not built)"],
  );
  return [
    "Page weight of the shipped site (KB; gzip = level 9, each file on its own; images excluded).",
    "Inline <style>/<script> count as CSS/JS, not HTML. Types with several pages show the one with the largest total gzip.",
    "",
    table(header, body),
  ].join("\n");
}

/** Static JS against what Chromium downloaded with a learner, per budgeted page type (worst page). */
export function loadedJsTable(weights: readonly import("./page-weight.ts").PageWeight[]): string {
  const measured = weights.filter((w) => w.jsLoaded !== undefined);
  if (!measured.length) return "JS loaded in Chromium: not measured (no Chromium).";
  const byType = new Map<string, typeof measured>();
  for (const w of measured) byType.set(pageTypeOf(w.page), [...(byType.get(pageTypeOf(w.page)) ?? []), w]);
  const rows = [...byType].map(([type, pages]) => {
    const worst = pages.reduce((a, b) => (b.jsLoaded! > a.jsLoaded! ? b : a));
    return [type, String(pages.length), `${kb(worst.js.gzip)}`, `${kb(worst.jsLoaded!)}`, worst.page];
  });
  return [
    "JS of budgeted page types: static graph vs what Chromium downloaded with a learner chosen (KB gzip, worst page).",
    "",
    table(["page type", "pages", "static JS gz", "loaded JS gz", "worst page"], rows),
  ].join("\n");
}

export function budgetTable(results: readonly BudgetResult[]): string {
  const body = results.map((r) => [r.name, `${kb(r.limit)} KB`, `${kb(r.worst)} KB`, `${r.worst} B`, r.pass ? "PASS" : "FAIL", r.page]);
  return ["Budgets (worst page of its type for each budget).", "", table(["budget", "limit", "worst", "bytes", "result", "worst page"], body)].join("\n");
}

export function buildTable(results: readonly ScaleResult[]): string {
  const body = results.map(({ scale, check, build, precache }) => [
    `${scale}x`,
    String(check.courses),
    String(check.lessons),
    String(build.pages),
    check.ms.toFixed(0),
    build.seconds.toFixed(1),
    ((build.seconds * 1000) / build.pages).toFixed(1),
    String(precache.entries),
    kb(precache.gzip),
    precache.gzip <= PRECACHE_BUDGET_GZIP && precache.curriculumEntries === 0 ? "PASS" : "FAIL",
  ]);
  return [
    "Build time (wall clock of `astro build --force` into a temp folder; content check = checkContent alone, median of 3 runs),",
    `and what that build's service worker precaches (sw.js list; budget ≤ ${kb(PRECACHE_BUDGET_GZIP)} KB gzip and no curriculum page, at every scale).`,
    "",
    table(["scale", "courses", "lessons", "pages", "check ms", "build s", "ms/page", "precache files", "precache KB gz", "precache"], body),
  ].join("\n");
}

export function searchTable(figures: import("./search.ts").SearchFigures): string {
  const { lunr, pagefind } = figures;
  const rows = [
    ["lunr look-up index", `${lunr.documents} docs, ${lunr.strategy}`, kb(lunr.bytes), kb(lunr.gzipBytes), `${lunr.medianQueryMs.toFixed(3)} ms median over ${lunr.queries} queries (Node)`],
    "skipped" in pagefind
      ? ["pagefind", "skipped", "", "", pagefind.skipped]
      : [
          "pagefind, one query",
          `“${pagefind.typicalQuery}”, ${pagefind.requests} requests`,
          kb(pagefind.bytes),
          kb(pagefind.gzipBytes),
          `first ${pagefind.firstQueryMs.toFixed(0)} ms (wasm start), then ${pagefind.medianQueryMs.toFixed(1)} ms median (Chromium)`,
        ],
    ...("skipped" in pagefind
      ? []
      : [
          [
            "pagefind, cheap phone",
            "4× CPU slowdown, Slow 3G",
            "",
            "",
            `first result ${pagefind.slowFirstResultMs.toFixed(0)} ms from opening /search/?q=, ${pagefind.slowTypedFirstResultMs.toFixed(0)} ms from typing it on a loaded page (target ≤ 1000 ms; fetched ${pagefind.gzipBytes <= 80 * 1024 ? "≤" : ">"} 80 KB gz target)`,
          ],
        ]),
  ];
  return table(["search", "what", "KB", "KB gz", "time"], rows);
}

export function scenarioTable(f: import("./scenarios.ts").ScenarioFigures): string {
  return table(
    ["scenarios", "checker ms (all)", "engine steps", "median step ms", "p95 step ms", "budget"],
    [[String(f.scenarios), f.checkerMs.toFixed(0), String(f.steps), f.medianStepMs.toFixed(4), f.p95StepMs.toFixed(4), f.medianStepMs < 1 ? "PASS (< 1 ms)" : "FAIL (≥ 1 ms)"]],
  );
}

export function storeTable(f: import("./progress-store.ts").StoreFigures): string {
  const rows = f.timings.map((t) => [
    t.backend,
    t.operation,
    String(f.attempts),
    String(t.runs),
    t.medianMs.toFixed(2),
    t.p95Ms.toFixed(2),
    !t.budgeted ? "(not budgeted)" : t.pass ? `PASS (≤ ${f.budgetMs} ms)` : `FAIL (> ${f.budgetMs} ms)`,
  ]);
  return [
    `Progress store, one learner with ${f.attempts} quiz attempts (memory and fake-indexeddb in Node; Chromium = the built site's store chunk in the browser's IndexedDB).`,
    "append = appendAttempt of one more attempt (digests updated with it); overview = readOverview, profile and digests (what 我的学习, quiz and lesson pages read);",
    "full read = readRecord of every entry (only an export does it).",
    "",
    table(["backend", "operation", "attempts", "runs", "median ms", "p95 ms", "budget (median)"], rows),
    "",
    `Export file for that learner (exportText): ${kb(f.exportBytes)} KB, ${kb(f.exportGzipBytes)} KB gzip (${f.exportBytes} B / ${f.exportGzipBytes} B).`,
  ].join("\n");
}

/** The precache as listed in sw.js and as Chromium's Cache Storage holds it after a first visit. */
export function precacheTable(listed: PrecacheFigures, held: PrecacheFigures & { caches: string[] }): string {
  const verdict = (f: PrecacheFigures) => (f.gzip <= PRECACHE_BUDGET_GZIP && f.curriculumEntries === 0 ? "PASS" : "FAIL");
  return [
    `Service worker precache after a first visit to the home page (budget ≤ ${kb(PRECACHE_BUDGET_GZIP)} KB gzip, no course, lesson, law, quiz, scenario or registry file).`,
    "",
    table(
      ["measured", "entries", "KB", "KB gz", "curriculum files", "result", "caches"],
      [
        ["sw.js precache list", String(listed.entries), kb(listed.bytes), kb(listed.gzip), String(listed.curriculumEntries), verdict(listed), ""],
        ["Chromium Cache Storage", String(held.entries), kb(held.bytes), kb(held.gzip), String(held.curriculumEntries), verdict(held), held.caches.join(", ")],
      ],
    ),
  ].join("\n");
}

/** First load per page type (no learner, nothing cached) beside the floor: the same lesson text as a plain page. */
export function firstLoadTable(rows: readonly import("./first-load.ts").FirstLoad[], floor: import("./floor.ts").Floor, over: readonly string[]): string {
  const body = [...rows]
    .sort((a, b) => a.type.localeCompare(b.type))
    .map((r) => [r.type, kb(r.html), kb(r.css), kb(r.js), kb(r.data), kb(r.total), `${(r.total / floor.gzip).toFixed(1)}×`, r.page]);
  body.push(["(floor)", kb(floor.gzip), "0.0", "0.0", "0.0", kb(floor.gzip), "1.0×", `plain page of ${floor.characters} characters from ${floor.page}`]);
  return [
    "First load before any interaction (no learner chosen, no service worker, nothing cached; KB gzip, each file on its own), heaviest page of each type,",
    `beside the floor: the text of a lesson as one plain HTML page with system fonts (${kb(floor.gzip)} KB gzip).`,
    "",
    table(["page type", "HTML", "CSS", "JS", "data", "total", "× floor", "page"], body),
    "",
    over.length ? `First-load budgets FAILED:\n  ${over.join("\n  ")}` : "First-load budgets (lesson ≤ 12 KB in all; content pages ≤ 2 KB JS; quiz and scenario ≤ 30 KB): PASS",
  ].join("\n");
}
