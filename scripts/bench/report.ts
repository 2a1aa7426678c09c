/** Plain-text tables for a CI log. Sizes in KB of 1024 bytes; the JSON keeps exact bytes. */
import type { BudgetResult } from "./budget.ts";
import type { BuildResult } from "./build.ts";
import type { CheckResult } from "./content-check.ts";
import { pageTypeOf, type TypeSummary } from "./page-types.ts";

export interface ScaleResult {
  scale: number;
  check: CheckResult;
  build: BuildResult;
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
  const body = results.map(({ scale, check, build }) => [
    `${scale}x`,
    String(check.courses),
    String(check.lessons),
    String(build.pages),
    check.ms.toFixed(0),
    build.seconds.toFixed(1),
    ((build.seconds * 1000) / build.pages).toFixed(1),
  ]);
  return [
    "Build time (wall clock of `astro build --force` into a temp folder; content check = checkContent alone, median of 3 runs).",
    "",
    table(["scale", "courses", "lessons", "pages", "check ms", "build s", "ms/page"], body),
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
