/**
 * The coverage rules over everything the content check parsed, located in the files a
 * trainer edits: an article's line in its statute file, an objective's line in its lesson.
 */
import type { ContentIssue } from "../content/issues.ts";
import type { ContentSet } from "../content/model.ts";
import { provisionId } from "../content/model.ts";
import type { QuizBankFile } from "../quiz/schema.ts";
import { buildCoverage, type Coverage } from "./matrix.ts";
import { checkObjectivesTested, checkRequiredProvisions, procedureRequirement, type Requirement } from "./rules.ts";
import { coverageSource } from "./source.ts";

export interface CoverageCheck {
  coverage: Coverage;
  /** Required articles not covered enough: the check fails. */
  errors: ContentIssue[];
  /** Objectives no item tests: reported, the check still passes. */
  warnings: ContentIssue[];
}

export function checkCoverage(
  set: ContentSet,
  scenarios: readonly { id: string; title: string }[],
  banks: readonly QuizBankFile[],
  requirement: Requirement = procedureRequirement,
): CoverageCheck {
  const coverage = buildCoverage(
    coverageSource({
      statutes: set.statutes.map((s) => s.data),
      lessons: set.lessons.map((l) => ({ key: `${l.folder}/${l.data.id}`, data: l.data })),
      scenarios,
      banks,
    }),
  );
  const articles = new Map<string, { file: string; line: number; column: number }>();
  for (const { file, data, locate } of set.statutes) {
    data.provisions.forEach((p, i) => articles.set(provisionId(data.id, p.article), { file, ...locate(["provisions", i, "article"]) }));
  }
  const lessons = new Map(set.lessons.map((l) => [`${l.folder}/${l.data.id}`, l]));
  const statuteFile = set.statutes.find((s) => s.data.id === requirement.statute)?.file;
  return {
    coverage,
    errors: checkRequiredProvisions(coverage, requirement, (id) => articles.get(id), statuteFile),
    warnings: checkObjectivesTested(coverage, (key, n) => {
      const lesson = lessons.get(key);
      return lesson && { file: lesson.file, ...lesson.locate(["objectives", n - 1]) };
    }),
  };
}
