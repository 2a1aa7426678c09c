/** Shared by the scenario tests: loading fixtures, the real law library, a seeded PRNG. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readContentSet } from "../../../src/lib/content/files.ts";
import { formatIssues } from "../../../src/lib/content/issues.ts";
import { provisionId } from "../../../src/lib/content/model.ts";
import { checkScenarioText, type ScenarioCheck } from "../../../src/lib/scenario/check.ts";
import type { Scenario } from "../../../src/lib/scenario/schema.ts";

export const root = fileURLToPath(new URL("../../../", import.meta.url));
export const fixturesDir = fileURLToPath(new URL("../../fixtures/scenarios/", import.meta.url));
export const shippedDir = fileURLToPath(new URL("../../../content/scenarios/", import.meta.url));

/** Every provision id in the real content/law, as the checker CLI will pass them. */
export const provisionIds: Set<string> = new Set(
  readContentSet({ root, content: `${root}content` }).set.statutes.flatMap((s) =>
    s.data.provisions.map((p) => provisionId(s.data.id, p.article)),
  ),
);

/** Check a file by its path relative to the repository root. */
export function checkFile(relativePath: string): ScenarioCheck {
  return checkScenarioText(readFileSync(`${root}${relativePath}`, "utf8"), relativePath, provisionIds);
}

/** Load a fixture that must pass the checker. */
export function loadScenario(relativePath: string): Scenario {
  const { scenario, issues } = checkFile(relativePath);
  if (!scenario || issues.length) throw new Error(`${relativePath} should be valid:\n${formatIssues(issues)}`);
  return scenario;
}

export const yamlFiles = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort() : [];

/** mulberry32, the seeded PRNG the quiz draw uses: the same sequence on every machine for a given seed. */
export { mulberry32 as prng } from "../../../src/lib/quiz/draw.ts";

/** Deep-freeze, so a test fails if the engine mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
