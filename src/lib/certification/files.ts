/** Reads content/certifications/*.yaml and checks them. Node-only; everything after reading is pure. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import type { QuizCatalog } from "../quiz/catalog.ts";
import type { ScenarioFile } from "../scenario/files.ts";
import type { Scenario } from "../scenario/schema.ts";
import { checkCertifications, type CertificationKnown, type CheckedLevel } from "./check.ts";

/** A scenario's maximum: its rubric maxima summed (as the debrief totals them). */
export const scenarioMax = (s: Pick<Scenario, "rubric">): number => s.rubric.procedure.max + s.rubric.relationship.max + s.rubric.outcome.max;

/** The outcomes a scenario's endings can have. */
export const scenarioOutcomes = (s: Pick<Scenario, "nodes">): Set<string> =>
  new Set(Object.values(s.nodes).flatMap((n) => (n.kind === "ending" ? [n.outcome] : [])));

export function knownForCertification(courses: Iterable<string>, catalog: Pick<QuizCatalog, "quizzes">, scenarios: readonly Pick<ScenarioFile, "scenario">[]): CertificationKnown {
  return {
    courses: new Set(courses),
    quizzes: new Set(catalog.quizzes.keys()),
    scenarios: new Map(scenarios.flatMap(({ scenario: s }) => (s ? [[s.id, { max: scenarioMax(s), outcomes: scenarioOutcomes(s) }] as const] : []))),
  };
}

export function checkCertificationDir(root: string, dir: string, known: CertificationKnown): { levels: CheckedLevel[]; issues: ContentIssue[] } {
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
  const files = names.map((name) => {
    const path = join(dir, name);
    return { file: relative(root, path).split(sep).join("/"), text: readFileSync(path, "utf8") };
  });
  return checkCertifications(files, known);
}
