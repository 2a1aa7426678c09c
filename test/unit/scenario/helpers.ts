/** Shared by the scenario tests: loading fixtures, the real law library, a seeded PRNG. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readContentSet } from "../../../src/lib/content/files.ts";
import { formatIssues } from "../../../src/lib/content/issues.ts";
import { provisionId } from "../../../src/lib/content/model.ts";
import { parseYamlSource } from "../../../src/lib/content/source.ts";
import { checkScenarioText, type ScenarioCheck } from "../../../src/lib/scenario/check.ts";
import type { AgreementDraft } from "../../../src/lib/scenario/agreement.ts";
import { scenarioSchema, type Scenario } from "../../../src/lib/scenario/schema.ts";
import type { Step } from "../../../src/lib/scenario/state.ts";

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

/**
 * The two fixtures, parsed by the schema only (check.test.ts proves they pass the checker).
 * Call these inside a test or a beforeEach, never in a describe body or at module level:
 * Stryker counts code run while tests are collected as "static", which runs every test of
 * the folder for each such mutant and misreports a fixture a mutant breaks as a survivor.
 */
export const EXAMPLE = "test/fixtures/scenarios/example-boundary-wall.yaml";
export const MINIMAL = "test/fixtures/scenarios/minimal.yaml";

const yamlData = new Map<string, unknown>();

/** A fixture as the YAML reader gives it, before the schema: a fresh copy to edit. */
export function fixtureData(relativePath: string): Record<string, unknown> {
  if (!yamlData.has(relativePath)) {
    const source = parseYamlSource(readFileSync(`${root}${relativePath}`, "utf8"), relativePath);
    if (source.issues.length) throw new Error(`${relativePath}:\n${formatIssues(source.issues)}`);
    yamlData.set(relativePath, source.data);
  }
  return structuredClone(yamlData.get(relativePath)) as Record<string, unknown>;
}

/** A fixture through the scenario schema, deep-frozen (the YAML is read once; the schema runs every time). */
export const parseScenario = (relativePath: string): Scenario => deepFreeze(scenarioSchema.parse(fixtureData(relativePath)));

/** test/fixtures/scenarios/example-boundary-wall.yaml, deep-frozen. */
export const example = (): Scenario => parseScenario(EXAMPLE);
/** test/fixtures/scenarios/minimal.yaml, deep-frozen. */
export const minimal = (): Scenario => parseScenario(MINIMAL);

/** A mutable copy of a (frozen) scenario, for a test that edits it. */
export const editable = (scenario: Scenario): Scenario => structuredClone(scenario);

/** In the example: a complete, lawful draft at the node `draft`, and the choices that lead there. */
export const LAWFUL_DRAFT: AgreementDraft = { clauses: ["parties-full", "main-facts", "responsibility", "terms", "performance"] };
export const TO_DRAFT: Step[] = [{ choice: "calm-and-ask-consent" }, { choice: "li-consent" }, { choice: "explain-and-propose" }];

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
