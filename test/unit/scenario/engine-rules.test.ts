/**
 * The rules of motion in detail (engine.ts, step.ts, condition.ts): what a run records as it
 * passes nodes, how effects are applied and bounded, and the errors a caller or a broken
 * scenario meets. engine.test.ts plays the example; here each rule gets its own small edit.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { conditionRefs, resolveNext } from "../../../src/lib/scenario/condition.ts";
import { choose, findChoice, replay, resume, ScenarioRunError, start, submitAgreement } from "../../../src/lib/scenario/engine.ts";
import type { NodeOf, Scenario } from "../../../src/lib/scenario/schema.ts";
import type { Step } from "../../../src/lib/scenario/state.ts";
import { advance, applyEffects, AutoLoopError, initialPosition, nodeAt, offeredChoices } from "../../../src/lib/scenario/step.ts";
import { deepFreeze, editable, example, LAWFUL_DRAFT, TO_DRAFT } from "./helpers.ts";

let scenario: Scenario;
beforeEach(() => {
  scenario = example();
});

const choiceNode = (s: Scenario, id: string) => s.nodes[id] as NodeOf<"choice">;

describe("what a run records on its way", () => {
  it("starts as version 1 of this scenario, with nothing logged, revealed or clamped", () => {
    expect(start(scenario)).toMatchObject({ version: 1, scenario: "example-boundary-wall", log: [], evidence: [], mistakes: [], clamps: [] });
  });

  it("lists a piece of evidence once, however often it is shown, while the trail shows every visit", () => {
    const looping = editable(scenario);
    const again = choiceNode(looping, "joint-session").choices.find((c) => c.id === "ask-consent-again")!;
    again.next = [{ to: "site-visit" }];
    const state = replay(looping, [{ choice: "calm-and-ask-consent" }, { choice: "li-threaten" }, { choice: "ask-consent-again" }]);
    expect(state.trail.filter((t) => t.node === "site-visit")).toEqual([
      { node: "site-visit", step: 1 },
      { node: "site-visit", step: 2 },
    ]);
    expect(state.evidence).toEqual(["site-visit"]);
  });

  it("takes a party's mood from the dialogue lines shown, the last line winning", () => {
    const moody = editable(scenario);
    const complains = moody.nodes["zhang-complains"] as NodeOf<"dialogue">;
    complains.lines[0].mood = "aggrieved";
    complains.lines.push({ speaker: "zhang", text: "我也不想闹成这样。", mood: "anxious" });
    expect(start(moody).moods).toEqual({ zhang: "anxious", li: "guarded" });
  });

  it("gives the mediator no mood even when a line of theirs has one", () => {
    const moody = editable(scenario);
    (moody.nodes["zhang-complains"] as NodeOf<"dialogue">).lines[1].mood = "calm";
    expect(start(moody).moods).toEqual({ zhang: "angry", li: "guarded" });
  });

  it("adds an ending's points only when the ending is reached", () => {
    const beforeEnd = replay(scenario, TO_DRAFT);
    expect(beforeEnd.score.outcome).toBe(0);
    expect(submitAgreement(scenario, beforeEnd, LAWFUL_DRAFT).score.outcome).toBe(4);
  });
});

describe("findChoice", () => {
  it("finds a choice anywhere in the scenario with its node, and nothing for an unknown id", () => {
    expect(findChoice(scenario, "li-threaten")).toMatchObject({ node: "li-choice", choice: { id: "li-threaten" } });
    expect(findChoice(scenario, "no-such-choice")).toBeUndefined();
  });
});

describe("submitting an agreement", () => {
  it("logs a copy of the typed party details, not the caller's objects", () => {
    const atDraft = replay(scenario, TO_DRAFT);
    const parties = { zhang: { name: "张德福", address: "青石村三组 17 号" }, li: { name: "李国强", address: "青石村三组 18 号" } };
    const state = submitAgreement(scenario, atDraft, { clauses: ["main-facts", "responsibility", "terms", "performance"], parties });
    parties.zhang.address = "改过的住所";
    expect(state.node).toBe("end-lawful");
    expect(state.log.at(-1)).toEqual({
      agreement: {
        clauses: ["main-facts", "responsibility", "terms", "performance"],
        parties: { zhang: { name: "张德福", address: "青石村三组 17 号" }, li: { name: "李国强", address: "青石村三组 18 号" } },
      },
    });
  });

  it("refuses an unlawful draft at a node that has no next.unlawful, naming the node", () => {
    const broken = editable(scenario);
    delete (broken.nodes.draft as NodeOf<"agreement">).next.unlawful;
    const atDraft = replay(broken, TO_DRAFT);
    expect(() => submitAgreement(broken, atDraft, { clauses: [...LAWFUL_DRAFT.clauses, "no-lawsuit"] })).toThrow(
      new ScenarioRunError("节点 draft 没有写 next.unlawful"),
    );
    // A lawful draft still goes on.
    expect(submitAgreement(broken, atDraft, LAWFUL_DRAFT).node).toBe("end-lawful");
  });

  it("follows a conditional next.unlawful on the run's values", () => {
    const branching = editable(scenario);
    (branching.nodes.draft as NodeOf<"agreement">).next.unlawful = [{ if: { var: "tension", lte: 1 }, to: "end-breakdown" }, { to: "end-unlawful" }];
    const bad = { clauses: [...LAWFUL_DRAFT.clauses, "no-lawsuit"] };
    // calm-and-ask-consent, li-consent, explain-and-propose: tension 3 → 2 → 2 → 1.
    expect(submitAgreement(branching, replay(branching, TO_DRAFT), bad).node).toBe("end-breakdown");
    const tense = replay(branching, [{ choice: "promise-fix" }, { choice: "li-consent" }, { choice: "ask-consent-again" }, { choice: "explain-and-propose" }]);
    expect(tense.vars.tension).toBeGreaterThan(1);
    expect(submitAgreement(branching, tense, bad).node).toBe("end-unlawful");
  });

  it("records a first incomplete draft at each agreement node, not only at the first", () => {
    const twoDrafts = editable(scenario);
    const first = twoDrafts.nodes.draft as NodeOf<"agreement">;
    twoDrafts.nodes.draft2 = { ...structuredClone(first), next: { ...structuredClone(first.next), lawful: [{ to: "end-lawful" }] } };
    first.next.lawful = [{ to: "draft2" }];
    const steps: Step[] = [...TO_DRAFT, { agreement: { clauses: ["terms"] } }, { agreement: LAWFUL_DRAFT }, { agreement: { clauses: [] } }];
    const state = replay(twoDrafts, steps);
    expect(state.node).toBe("draft2");
    expect(state.mistakes.map((m) => [m.kind, m.node, m.step])).toEqual([
      ["incomplete-agreement", "draft", 3],
      ["incomplete-agreement", "draft2", 5],
    ]);
  });

  it("records an incomplete draft even after earlier mistakes of other kinds", () => {
    const state = replay(scenario, [{ choice: "promise-fix" }, { choice: "li-consent" }, { choice: "ask-consent-again" }, { choice: "explain-and-propose" }, { agreement: { clauses: ["terms"] } }]);
    expect(state.mistakes.map((m) => m.kind)).toEqual(["choice", "incomplete-agreement"]);
  });
});

describe("effects (step.ts)", () => {
  const env = () => initialPosition(scenario);

  it("applies set before add, and changes neither the scenario nor the run it is given", () => {
    const before = deepFreeze(env());
    const { vars, flags, overflows } = applyEffects(scenario, before, { set: { tension: 5, consent_li: true }, add: { tension: -2 } });
    expect(vars).toEqual({ trust_zhang: 2, trust_li: 2, tension: 3 });
    expect(flags).toEqual({ consent_zhang: false, consent_li: true });
    expect(overflows).toEqual([]);
    expect(before.vars.tension).toBe(3);
  });

  it("clamps at both ends of the range and reports what was attempted and by which effect", () => {
    expect(applyEffects(scenario, env(), { add: { tension: -5 } })).toMatchObject({
      vars: { tension: 0 },
      overflows: [{ variable: "tension", source: "add", attempted: -2, value: 0 }],
    });
    expect(applyEffects(scenario, env(), { set: { tension: 9 } })).toMatchObject({
      vars: { tension: 5 },
      overflows: [{ variable: "tension", source: "set", attempted: 9, value: 5 }],
    });
    // Landing exactly on a limit is no overflow.
    expect(applyEffects(scenario, env(), { add: { tension: 2 }, set: { trust_li: 0 } }).overflows).toEqual([]);
  });

  it("refuses names the scenario does not define", () => {
    expect(() => applyEffects(scenario, env(), { set: { consent_wang: true } })).toThrow(new ScenarioRunError("没有定义标记 consent_wang"));
    expect(() => applyEffects(scenario, env(), { set: { trust_wang: 1 } })).toThrow(new ScenarioRunError("没有定义变量 trust_wang"));
    expect(() => applyEffects(scenario, env(), { add: { trust_wang: 1 } })).toThrow(new ScenarioRunError("没有定义变量 trust_wang"));
    expect(() => applyEffects(scenario, env(), { add: { consent_li: 1 } })).toThrow(ScenarioRunError);
  });

  it("does nothing without effects", () => {
    expect(applyEffects(scenario, env(), undefined)).toEqual({ vars: env().vars, flags: env().flags, overflows: [] });
  });
});

describe("moving between nodes (step.ts)", () => {
  it("passes self-advancing nodes, returning every node visited, the first and the last included", () => {
    expect(advance(scenario, initialPosition(scenario))).toEqual({
      position: { ...initialPosition(scenario), node: "first-step" },
      visited: ["intro", "zhang-complains", "first-step"],
    });
    expect(advance(scenario, { ...initialPosition(scenario), node: "draft" }).visited).toEqual(["draft"]);
  });

  it("stops an endless loop of self-advancing nodes with an AutoLoopError naming the node", () => {
    const looping = editable(scenario);
    (looping.nodes["zhang-complains"] as NodeOf<"dialogue">).next = [{ to: "intro" }];
    let error: unknown;
    try {
      advance(looping, initialPosition(looping));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AutoLoopError);
    expect(error).toBeInstanceOf(ScenarioRunError);
    expect(error).toMatchObject({ name: "AutoLoopError", node: "intro", message: expect.stringContaining("节点 intro 会自己绕回自己") });
  });

  it("names run errors ScenarioRunError and says which node is missing", () => {
    expect(() => nodeAt(scenario, "nowhere")).toThrow(new ScenarioRunError("情景 example-boundary-wall 中没有节点 nowhere"));
    try {
      nodeAt(scenario, "nowhere");
    } catch (e) {
      expect((e as Error).name).toBe("ScenarioRunError");
    }
  });

  it("offers no choice at a node that is not a choice node", () => {
    expect(offeredChoices(scenario, { ...initialPosition(scenario), node: "draft" })).toEqual([]);
    expect(offeredChoices(scenario, { ...initialPosition(scenario), node: "end-lawful" })).toEqual([]);
  });
});

describe("conditions (condition.ts)", () => {
  const env = { vars: { a: 3 }, flags: { f: true } };

  it("takes the first branch whose condition holds, else the default", () => {
    const branches = [
      { if: { flag: "g" }, to: "one" },
      { if: { var: "a", gte: 3 }, to: "two" },
      { to: "three" },
    ];
    expect(resolveNext(branches, env)).toBe("two");
    expect(resolveNext(branches, { vars: { a: 1 }, flags: {} })).toBe("three");
  });

  it("falls back to the last branch of a list that has no default (which the schema forbids)", () => {
    expect(resolveNext([{ if: { flag: "g" }, to: "one" }, { if: { flag: "h" }, to: "two" }], env)).toBe("two");
  });

  it("compares with every comparator at its edge", () => {
    const cases: [object, boolean][] = [
      [{ gt: 2 }, true],
      [{ gte: 4 }, false],
      [{ lt: 3 }, false],
      [{ lte: 3 }, true],
      [{ lte: 2 }, false],
      [{ eq: 2 }, false],
      [{ ne: 2 }, true],
      [{ gt: 1, lt: 5, ne: 4 }, true],
    ];
    for (const [comparison, holds] of cases) {
      expect(resolveNext([{ if: { var: "a", ...comparison }, to: "yes" }, { to: "no" }], env), JSON.stringify(comparison)).toBe(holds ? "yes" : "no");
    }
  });

  it("lists the names a condition uses, with where each is written", () => {
    const condition = { all: [{ flag: "f" }, { any: [{ var: "a", gte: 1 }, { not: { flag: "g" } }] }] };
    expect(conditionRefs(condition, ["if"])).toEqual([
      { kind: "flag", name: "f", path: ["if", "all", 0, "flag"] },
      { kind: "var", name: "a", path: ["if", "all", 1, "any", 0, "var"] },
      { kind: "flag", name: "g", path: ["if", "all", 1, "any", 1, "not", "flag"] },
    ]);
    expect(conditionRefs({ var: "a", eq: 1 })).toEqual([{ kind: "var", name: "a", path: ["var"] }]);
  });
});

describe("choosing", () => {
  it("says why a choice is refused", () => {
    const state = start(scenario);
    expect(() => choose(scenario, state, "li-consent")).toThrow(new ScenarioRunError("节点 first-step 没有选项 li-consent"));
    const pressured = replay(scenario, [{ choice: "calm-and-ask-consent" }, { choice: "li-threaten" }]);
    expect(() => choose(scenario, pressured, "explain-and-propose")).toThrow(new ScenarioRunError("选项 explain-and-propose 现在不可选：条件不满足"));
    const atDraft = replay(scenario, TO_DRAFT);
    expect(() => choose(scenario, atDraft, "push-sign")).toThrow(new ScenarioRunError("当前节点 draft 不是选择节点，不能选择 push-sign"));
    expect(() => submitAgreement(scenario, state, LAWFUL_DRAFT)).toThrow(new ScenarioRunError("当前节点 first-step 不是起草协议的节点"));
  });
});

describe("resume", () => {
  it("drops the steps an edited scenario no longer allows, but lets a programming error through", () => {
    const saved = JSON.parse(JSON.stringify(replay(scenario, [...TO_DRAFT, { agreement: LAWFUL_DRAFT }])));
    // A node that the schema would refuse (no clauses): not the learner's save's fault, so no silent restart.
    const broken = editable(scenario);
    (broken.nodes.draft as { clauses?: unknown }).clauses = undefined;
    expect(() => resume(broken, saved)).toThrow(TypeError);
    const edited = editable(scenario);
    (edited.nodes.draft as NodeOf<"agreement">).clauses = (edited.nodes.draft as NodeOf<"agreement">).clauses.filter((c) => c.id !== "terms");
    expect(resume(edited, saved)).toMatchObject({ applied: 3, dropped: 1, state: { node: "draft" } });
  });
});
