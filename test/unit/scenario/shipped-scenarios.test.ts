/**
 * The scenarios we ship: real cases, each passing the checker with at least 15 decision
 * points and endings of at least three different outcomes, covering the dispute types the
 * curriculum promises; and the two procedure cases of issue #12 end where they promise.
 */
import { describe, expect, test } from "vitest";
import { join } from "node:path";
import { readContentSet } from "../../../src/lib/content/files.ts";
import { formatIssues } from "../../../src/lib/content/issues.ts";
import { knownFromContentSet } from "../../../src/lib/quiz/check.ts";
import { explore } from "../../../src/lib/scenario/explore.ts";
import { checkScenarioDir } from "../../../src/lib/scenario/files.ts";
import { graphCounts } from "../../../src/lib/scenario/graph.ts";
import type { Outcome } from "../../../src/lib/scenario/vocabulary.ts";
import { parseScenario, shippedDir, yamlFiles } from "./helpers.ts";

const root = process.cwd();
const { set } = readContentSet({ root, content: join(root, "content") });
const provisions = knownFromContentSet(set).provisions;
// Checked inside the tests, not here: code run while tests are collected is "static" for Stryker.
const checkAll = () => checkScenarioDir(root, join(root, "content", "scenarios"), provisions);
const names = yamlFiles(shippedDir).map((n) => `content/scenarios/${n}`);

describe("shipped scenarios", () => {
  test("pass the checker", () => {
    const issues = checkAll().flatMap((f) => f.issues);
    expect(issues, formatIssues(issues)).toEqual([]);
  });

  test("cover the six promised cases", () => {
    const files = checkAll();
    const types = files.map((f) => f.scenario?.disputeType);
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const type of ["neighbour", "family", "land", "labour", "property", "excluded-matter"]) expect(types).toContain(type);
  });

  test.each(names)("%s has ≥ 15 decision points and ≥ 3 endings of ≥ 3 outcomes", (file) => {
    const scenario = parseScenario(file);
    const counts = graphCounts(scenario);
    const outcomes = new Set(Object.values(scenario.nodes).flatMap((n) => (n.kind === "ending" ? [n.outcome] : [])));
    expect(counts.decisions).toBeGreaterThanOrEqual(15);
    expect(counts.endings).toBeGreaterThanOrEqual(3);
    expect(outcomes.size).toBeGreaterThanOrEqual(3);
  });

  /** Every ending a run can reach, with its outcome and whether the route passes an agreement node. */
  const reachableEndings = (id: string) => {
    const scenario = parseScenario(`content/scenarios/${id}.yaml`);
    return [...explore(scenario).routes].map(([node, route]) => {
      const ending = scenario.nodes[node];
      return {
        node,
        outcome: (ending.kind === "ending" ? ending.outcome : undefined) as Outcome | undefined,
        written: route.some((step) => "agreement" in step),
      };
    });
  };

  test("lane-scuffle ends in an oral agreement recorded, a written one, or back with the police, and has ≥ 4 endings", () => {
    const endings = reachableEndings("lane-scuffle");
    expect(endings.length).toBeGreaterThanOrEqual(4);
    const lawful = endings.filter((e) => e.outcome === "lawful-agreement");
    expect(lawful.some((e) => !e.written), "an oral agreement, no agreement node on the way").toBe(true);
    expect(lawful.some((e) => e.written), "a written agreement through an agreement node").toBe(true);
    expect(endings.map((e) => e.outcome)).toContain("correct-referral");
  });

  test("boundary-petition's only good ending is referral, and it has ≥ 4 endings", () => {
    const endings = reachableEndings("boundary-petition");
    expect(endings.length).toBeGreaterThanOrEqual(4);
    expect(endings.filter((e) => e.outcome === "correct-referral").length).toBeGreaterThan(0);
    expect(endings.map((e) => e.outcome)).not.toContain("lawful-agreement");
  });
});
