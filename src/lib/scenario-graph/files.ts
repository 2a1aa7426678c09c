/**
 * Node only: the scenarios as the trainers' pages show them, checked by the real checker
 * (the same call the build's content check makes) and explored for the figures. Computed
 * once per build process and shared by the list page and every graph page.
 */
import { join } from "node:path";
import { contentDir } from "../content/content-dir.ts";
import { readContentSet } from "../content/files.ts";
import type { ContentIssue } from "../content/issues.ts";
import { knownFromContentSet } from "../quiz/check.ts";
import type { Exploration } from "../scenario/explore.ts";
import { checkScenarioDir } from "../scenario/files.ts";
import type { Scenario } from "../scenario/schema.ts";

export interface TrainerScenario {
  /** Path relative to the project root, e.g. content/scenarios/boundary-wall.yaml. */
  file: string;
  /** Present when the schema accepted the file. */
  scenario?: Scenario;
  issues: ContentIssue[];
  /** The checker's exhaustive exploration; present when the file has no issue. */
  exploration?: Exploration;
}

const cache = new Map<string, TrainerScenario[]>();

export function trainerScenarios(root: string = process.cwd()): TrainerScenario[] {
  const content = contentDir(root);
  const cached = cache.get(content);
  if (cached) return cached;
  const provisions = knownFromContentSet(readContentSet({ root, content }).set).provisions;
  const result = checkScenarioDir(root, join(content, "scenarios"), provisions).map(
    ({ file, scenario, issues, exploration }): TrainerScenario => ({
      file,
      scenario,
      issues,
      exploration: scenario && !issues.length ? exploration : undefined,
    }),
  );
  cache.set(content, result);
  return result;
}
