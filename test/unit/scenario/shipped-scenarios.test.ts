/**
 * The scenarios we ship: six real cases, each passing the checker with at least 15
 * decision points and endings of at least three different outcomes, covering the dispute
 * types the curriculum promises.
 */
import { describe, expect, test } from "vitest";
import { join } from "node:path";
import { readContentSet } from "../../../src/lib/content/files.ts";
import { formatIssues } from "../../../src/lib/content/issues.ts";
import { knownFromContentSet } from "../../../src/lib/quiz/check.ts";
import { checkScenarioDir } from "../../../src/lib/scenario/files.ts";
import { graphCounts } from "../../../src/lib/scenario/graph.ts";

const root = process.cwd();
const { set } = readContentSet({ root, content: join(root, "content") });
const files = checkScenarioDir(root, join(root, "content", "scenarios"), knownFromContentSet(set).provisions);

describe("shipped scenarios", () => {
  test("pass the checker", () => {
    const issues = files.flatMap((f) => f.issues);
    expect(issues, formatIssues(issues)).toEqual([]);
  });

  test("cover the six promised cases", () => {
    const types = files.map((f) => f.scenario?.disputeType);
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const type of ["neighbour", "family", "land", "labour", "property", "excluded-matter"]) expect(types).toContain(type);
  });

  test.each(files.map((f) => [f.file, f] as const))("%s has ≥ 15 decision points and ≥ 3 endings of ≥ 3 outcomes", (_file, f) => {
    const scenario = f.scenario!;
    const counts = graphCounts(scenario);
    const outcomes = new Set(Object.values(scenario.nodes).flatMap((n) => (n.kind === "ending" ? [n.outcome] : [])));
    expect(counts.decisions).toBeGreaterThanOrEqual(15);
    expect(counts.endings).toBeGreaterThanOrEqual(3);
    expect(outcomes.size).toBeGreaterThanOrEqual(3);
  });
});
