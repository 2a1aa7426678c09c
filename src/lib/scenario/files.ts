/** Reads content/scenarios/*.yaml from disk and checks each. Node-only; the rest is pure. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import { checkScenarioText } from "./check.ts";
import type { Exploration } from "./explore.ts";
import type { Scenario } from "./schema.ts";

export interface ScenarioFile {
  /** Path relative to `root`, with forward slashes. */
  file: string;
  /** Present when the schema accepted the file. */
  scenario?: Scenario;
  issues: ContentIssue[];
  /** The checker's exhaustive exploration, when it ran (no earlier issue stopped it). */
  exploration?: Exploration;
}

/** Every .yaml file directly in `dir`, checked; `root` only shortens the reported paths. */
export function checkScenarioDir(root: string, dir: string, provisionIds: Iterable<string>): ScenarioFile[] {
  if (!existsSync(dir)) return [];
  const provisions = new Set(provisionIds);
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const file = relative(root, path).split(sep).join("/");
      const { scenario, issues, exploration } = checkScenarioText(readFileSync(path, "utf8"), file, provisions);
      return { file, scenario, issues, exploration };
    });
}
