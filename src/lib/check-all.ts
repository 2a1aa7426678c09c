/**
 * Every check over content/: courses, lessons, law and glossary; scenarios; quiz banks.
 * Node-only (reads files); the rules themselves are pure modules. Used by
 * `npm run check` and by the build, so both refuse the same mistakes.
 */
import { join } from "node:path";
import { checkContent } from "./content/files.ts";
import type { ContentIssue } from "./content/issues.ts";
import type { ContentSet } from "./content/model.ts";
import { checkQuizDir } from "./quiz/files.ts";
import { knownFromContentSet } from "./quiz/check.ts";
import { checkCertificationDir, knownForCertification } from "./certification/files.ts";
import { checkScenarioDir, type ScenarioFile } from "./scenario/files.ts";
import { checkTownshipDir } from "./townships/files.ts";
import { checkIssuerDir } from "./cert/issuer-files.ts";

export interface CheckAllResult {
  set: ContentSet;
  scenarios: ScenarioFile[];
  quizBanks: number;
  issues: ContentIssue[];
}

export function checkAll(root: string, content: string): CheckAllResult {
  const { set, issues } = checkContent({ root, content });
  const known = knownFromContentSet(set);
  const scenarios = checkScenarioDir(root, join(content, "scenarios"), known.provisions);
  const quizzes = checkQuizDir({ root, quizzes: join(content, "quizzes") }, known);
  const levels = checkCertificationDir(root, join(content, "certifications"), knownForCertification(known.courses, quizzes.catalog, scenarios));
  return {
    set,
    scenarios,
    quizBanks: quizzes.banks.length,
    issues: [...issues, ...scenarios.flatMap((s) => s.issues), ...quizzes.issues, ...levels.issues, ...checkTownshipDir(root, join(content, "townships")).issues, ...checkIssuerDir(root, join(content, "issuers")).issues],
  };
}
