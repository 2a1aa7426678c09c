/**
 * vocabulary.ts (zod-free, shipped to the browser) and schema.ts (zod 3, build time) must
 * describe the same format: the schema's enums, node kinds and rubric keys come from, or
 * must match, the vocabulary.
 */
import { beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import * as schema from "../../../src/lib/scenario/schema.ts";
import type { Clause, NodeKind, NodeOf, Party, Scenario, ScoreDelta } from "../../../src/lib/scenario/schema.ts";
import * as vocabulary from "../../../src/lib/scenario/vocabulary.ts";
import type { AgreementElement, DisputeType, Mood, Outcome, RubricDimension } from "../../../src/lib/scenario/vocabulary.ts";
import { example } from "./helpers.ts";

let scenario: Scenario;
beforeEach(() => {
  scenario = example();
});

/** Parses the example scenario after `edit`, as the content checker would. */
function parseEdited(edit: (copy: Scenario) => void) {
  const copy = structuredClone(scenario);
  edit(copy);
  return schema.scenarioSchema.safeParse(copy);
}

/** Every value of `values` is accepted in the field `set` writes; anything else is rejected, naming all of them. */
function expectEnumField(values: readonly string[], set: (copy: Scenario, value: string) => void) {
  for (const value of values) expect(parseEdited((copy) => set(copy, value)).success, value).toBe(true);
  const wrong = parseEdited((copy) => set(copy, "not-a-value"));
  expect(wrong.success).toBe(false);
  expect(wrong.error?.issues.map((i) => i.message).join("\n")).toContain(`只能是 ${values.join(" / ")} 之一`);
}

describe("scenario vocabulary and schema", () => {
  it("re-exports the vocabulary from schema.ts, so build-time importers see the same values", () => {
    for (const name of Object.keys(vocabulary) as (keyof typeof vocabulary)[]) {
      expect(schema[name], name).toBe(vocabulary[name]);
    }
  });

  it("the example scenario parses again unchanged (the baseline for the checks below)", () => {
    expect(parseEdited(() => {}).success).toBe(true);
  });

  it("accepts exactly the vocabulary's dispute types, moods, outcomes and agreement elements", () => {
    expectEnumField(vocabulary.disputeTypes, (copy, value) => Object.assign(copy, { disputeType: value }));
    expectEnumField(vocabulary.moods, (copy, value) => Object.assign(copy.parties[0], { mood: value }));
    expectEnumField(vocabulary.outcomes, (copy, value) => Object.assign(copy.nodes["end-lawful"], { outcome: value }));
    expectEnumField(vocabulary.agreementElements, (copy, value) =>
      Object.assign((copy.nodes.draft as NodeOf<"agreement">).clauses[0], { satisfies: [value] }),
    );
  });

  it("names every outcome in zh-CN, and counts only an agreement and a correct referral as good", () => {
    expect(vocabulary.outcomeNames).toEqual({
      "lawful-agreement": "依法达成协议",
      "correct-referral": "正确引导分流",
      "unlawful-agreement": "违法或被迫的协议",
      escalation: "矛盾激化",
      breakdown: "调解破裂",
    });
    expect(vocabulary.lawfulOutcomes).toEqual(["lawful-agreement", "correct-referral"]);
  });

  it("treats choice, agreement and ending nodes as waiting for the learner, and only those", () => {
    const waits = Object.fromEntries(Object.values(scenario.nodes).map((node) => [node.kind, vocabulary.isInteractive(node)]));
    expect(waits).toEqual({ narration: false, dialogue: false, choice: true, evidence: false, agreement: true, ending: true });
  });

  it("has one node schema per node kind", () => {
    expect(new Set(schema.nodeSchema.optionsMap.keys())).toEqual(new Set(vocabulary.nodeKinds));
  });

  it("scores and rubrics have exactly the rubric dimensions", () => {
    expect(schema.rubricSchema.keyof().options).toEqual([...vocabulary.rubricDimensions]);
    expect(schema.scoreDeltaSchema.keyof().options).toEqual([...vocabulary.rubricDimensions]);
  });

  it("conditions accept every comparator and nothing else", () => {
    for (const comparator of vocabulary.comparators) {
      expect(schema.conditionSchema.safeParse({ var: "trust_zhang", [comparator]: 3 }).success, comparator).toBe(true);
    }
    expect(schema.conditionSchema.safeParse({ var: "trust_zhang", about: 3 }).success).toBe(false);
  });

  it("the schema's inferred types are the vocabulary's types", () => {
    expectTypeOf<Scenario["disputeType"]>().toEqualTypeOf<DisputeType>();
    expectTypeOf<Party["mood"]>().toEqualTypeOf<Mood>();
    expectTypeOf<NodeOf<"ending">["outcome"]>().toEqualTypeOf<Outcome>();
    expectTypeOf<NonNullable<Clause["satisfies"]>>().toEqualTypeOf<AgreementElement[]>();
    expectTypeOf<NodeKind>().toEqualTypeOf<(typeof vocabulary.nodeKinds)[number]>();
    expectTypeOf<keyof Scenario["rubric"]>().toEqualTypeOf<RubricDimension>();
    expectTypeOf<keyof ScoreDelta>().toEqualTypeOf<RubricDimension>();
  });
});
