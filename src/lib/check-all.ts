/**
 * Every check over content/, in one place: courses, lessons, law and glossary; scenarios
 * (with their exhaustive exploration); quiz banks; certification levels; townships;
 * issuers. Node-only (reads files); the rules themselves are pure modules. Used by
 * `npm run check` and by the build, so both refuse the same mistakes.
 *
 * A new content kind is checked here, in `checkAll`, and keeps what it parsed in the
 * result; its Astro collection (if pages need one) is one `checked(…)` line in
 * src/content.config.ts that reads that result instead of the files.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { checkContent } from "./content/files.ts";
import type { ContentIssue } from "./content/issues.ts";
import type { ContentSet } from "./content/model.ts";
import type { CheckedBank } from "./quiz/check.ts";
import { checkQuizDir } from "./quiz/files.ts";
import { knownFromContentSet } from "./quiz/check.ts";
import type { CheckedLevel } from "./certification/check.ts";
import { checkCertificationDir, knownForCertification } from "./certification/files.ts";
import { checkScenarioDir, type ScenarioFile } from "./scenario/files.ts";
import type { Township } from "./townships/schema.ts";
import { checkTownshipDir } from "./townships/files.ts";
import { checkIssuerDir } from "./cert/issuer-files.ts";
import { checkCoverage } from "./coverage/check.ts";
import type { Coverage } from "./coverage/matrix.ts";

export interface CheckAllResult {
  set: ContentSet;
  scenarios: ScenarioFile[];
  quizBanks: number;
  banks: CheckedBank[];
  levels: CheckedLevel[];
  townships: Township[];
  issues: ContentIssue[];
  /** Problems that do not stop the build (objectives no quiz item tests). */
  warnings: ContentIssue[];
  /** Provisions × lessons, scenarios, items; objectives × items (src/lib/coverage). */
  coverage: Coverage;
}

export function checkAll(root: string, content: string): CheckAllResult {
  const { set, issues } = checkContent({ root, content });
  const known = knownFromContentSet(set);
  const scenarios = checkScenarioDir(root, join(content, "scenarios"), known.provisions);
  const quizzes = checkQuizDir({ root, quizzes: join(content, "quizzes") }, known);
  const levels = checkCertificationDir(root, join(content, "certifications"), knownForCertification(known.courses, quizzes.catalog, scenarios));
  const townships = checkTownshipDir(root, join(content, "townships"));
  const covered = checkCoverage(
    set,
    scenarios.flatMap((s) => (s.scenario ? [s.scenario] : [])),
    quizzes.banks.map((b) => b.data),
  );
  return {
    set,
    scenarios,
    quizBanks: quizzes.banks.length,
    banks: quizzes.banks,
    levels: levels.levels,
    townships: townships.townships,
    issues: [...issues, ...scenarios.flatMap((s) => s.issues), ...quizzes.issues, ...levels.issues, ...townships.issues, ...checkIssuerDir(root, join(content, "issuers")).issues, ...covered.errors],
    warnings: covered.warnings,
    coverage: covered.coverage,
  };
}

/** Every file under `dir` with its size and modification time: changes when any file does. */
export function contentFingerprint(dir: string): string {
  const parts: string[] = [];
  const walk = (at: string) => {
    let names: string[];
    try {
      names = readdirSync(at).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(at, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else parts.push(`${path}:${stat.size}:${stat.mtimeMs}`);
    }
  };
  walk(dir);
  return parts.join("\n");
}

/*
 * One check per build. Astro runs the integration hook, the collection loaders and the
 * pages in separate module graphs of one process, so a module-level memo would be made
 * three times (measured); the memo lives on globalThis instead. It is keyed by the
 * content folder and its fingerprint, so `astro dev` re-checks after an edit.
 */
const memoKey = Symbol.for("mediator-academy.checked-content");
type Memo = Map<string, { fingerprint: string; result: CheckAllResult }>;

/** `checkAll`, run at most once per content folder and state of its files in this process. */
export function checkedContent(root: string, content: string): CheckAllResult {
  const memo = ((globalThis as Record<symbol, unknown>)[memoKey] ??= new Map()) as Memo;
  const fingerprint = contentFingerprint(content);
  const cached = memo.get(content);
  if (cached?.fingerprint === fingerprint) return cached.result;
  const result = checkAll(root, content);
  memo.set(content, { fingerprint, result });
  return result;
}
