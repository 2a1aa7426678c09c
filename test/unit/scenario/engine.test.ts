/** The engine on the example scenario (test/fixtures/scenarios/example-boundary-wall.yaml). */
import { beforeEach, describe, expect, it } from "vitest";
import { checkAgreement, type AgreementDraft } from "../../../src/lib/scenario/agreement.ts";
import { evalCondition } from "../../../src/lib/scenario/condition.ts";
import { debrief } from "../../../src/lib/scenario/debrief.ts";
import {
  availableChoices,
  choose,
  isEnded,
  replay,
  resume,
  ScenarioRunError,
  start,
  submitAgreement,
} from "../../../src/lib/scenario/engine.ts";
import { MemorySaveSlot } from "../../../src/lib/scenario/save.ts";
import type { Condition, NodeOf, Scenario } from "../../../src/lib/scenario/schema.ts";
import type { RunState, Step } from "../../../src/lib/scenario/state.ts";
import { deepFreeze, example } from "./helpers.ts";

// Loaded before each test, not at module level, so that Stryker credits each test with the code it runs.
let scenario: Scenario;
let draftNode: NodeOf<"agreement">;
beforeEach(() => {
  scenario = example();
  draftNode = scenario.nodes.draft as NodeOf<"agreement">;
});

const LAWFUL: AgreementDraft = { clauses: ["parties-full", "main-facts", "responsibility", "terms", "performance"] };
const GOOD_PATH: Step[] = [{ choice: "calm-and-ask-consent" }, { choice: "li-consent" }, { choice: "explain-and-propose" }, { agreement: LAWFUL }];

const ids = (state: RunState) => availableChoices(scenario, state).map((c) => c.id);
const play = (steps: readonly Step[]) => replay(scenario, steps);

describe("start", () => {
  let state: RunState;
  beforeEach(() => {
    state = start(scenario);
  });

  it("advances through narration and dialogue to the first decision", () => {
    expect(state.node).toBe("first-step");
    expect(state.trail).toEqual([
      { node: "intro", step: -1 },
      { node: "zhang-complains", step: -1 },
      { node: "first-step", step: -1 },
    ]);
    expect(ids(state)).toEqual(["calm-and-ask-consent", "promise-fix", "tell-him-wait"]);
  });

  it("starts from the declared initial values, moods and a zero score", () => {
    expect(state.vars).toEqual({ trust_zhang: 2, trust_li: 2, tension: 3 });
    expect(state.flags).toEqual({ consent_zhang: false, consent_li: false });
    expect(state.moods).toEqual({ zhang: "angry", li: "guarded" });
    expect(state.score).toEqual({ procedure: 0, relationship: 0, outcome: 0 });
    expect(state.log).toEqual([]);
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});

describe("choose", () => {
  it("applies set, add and mood effects and the rubric points, then advances", () => {
    const state = choose(scenario, start(scenario), "calm-and-ask-consent");
    expect(state.flags.consent_zhang).toBe(true);
    expect(state.vars).toEqual({ trust_zhang: 3, trust_li: 2, tension: 2 });
    expect(state.moods.zhang).toBe("anxious");
    expect(state.score).toEqual({ procedure: 2, relationship: 1, outcome: 0 });
    expect(state.log).toEqual([{ choice: "calm-and-ask-consent" }]);
    // Dialogue line moods apply when the dialogue is shown.
    expect(state.node).toBe("li-choice");
    expect(state.moods.li).toBe("guarded");
    expect(state.trail.slice(-2)).toEqual([
      { node: "visit-li", step: 0 },
      { node: "li-choice", step: 0 },
    ]);
  });

  it("never mutates its input (the scenario and the state are deep-frozen)", () => {
    const before = deepFreeze(start(scenario));
    const copy = JSON.parse(JSON.stringify(before));
    const after = choose(scenario, before, "promise-fix");
    expect(before).toEqual(copy);
    expect(after).not.toBe(before);
  });

  it("records a mistake choice for the debrief", () => {
    const state = choose(scenario, start(scenario), "promise-fix");
    expect(state.mistakes).toEqual([{ kind: "choice", step: 0, node: "first-step", choice: "promise-fix" }]);
  });

  it("reveals evidence when an evidence node is shown", () => {
    const state = play([{ choice: "calm-and-ask-consent" }, { choice: "li-consent" }]);
    expect(state.evidence).toEqual(["site-visit"]);
    expect(state.node).toBe("joint-session");
  });

  it("offers only choices whose conditions hold", () => {
    const consented = play([{ choice: "calm-and-ask-consent" }, { choice: "li-consent" }]);
    expect(ids(consented)).toEqual(["explain-and-propose", "split-difference", "push-sign"]);
    const pressured = play([{ choice: "calm-and-ask-consent" }, { choice: "li-threaten" }]);
    expect(ids(pressured)).toEqual(["ask-consent-again", "split-difference", "push-sign"]);
  });

  it("loops back through a hub node until the condition changes", () => {
    const state = play([{ choice: "calm-and-ask-consent" }, { choice: "li-threaten" }, { choice: "ask-consent-again" }]);
    expect(state.node).toBe("joint-session");
    expect(ids(state)).toContain("explain-and-propose");
    expect(ids(state)).not.toContain("ask-consent-again");
  });

  it("follows a conditional next: pressure on top of a one-sided promise escalates", () => {
    expect(play([{ choice: "calm-and-ask-consent" }, { choice: "li-threaten" }]).node).toBe("joint-session");
    const state = play([{ choice: "promise-fix" }, { choice: "li-threaten" }]);
    expect(state.vars.tension).toBe(5);
    expect(state.node).toBe("end-escalation");
    expect(isEnded(scenario, state)).toBe(true);
  });

  it("rejects unknown, unavailable and out-of-place choices", () => {
    const state = start(scenario);
    expect(() => choose(scenario, state, "no-such-choice")).toThrow(ScenarioRunError);
    expect(() => choose(scenario, state, "li-consent")).toThrow(/没有选项 li-consent/);
    const pressured = play([{ choice: "calm-and-ask-consent" }, { choice: "li-threaten" }]);
    expect(() => choose(scenario, pressured, "explain-and-propose")).toThrow(/条件不满足/);
    const atDraft = play(GOOD_PATH.slice(0, 3));
    expect(() => choose(scenario, atDraft, "push-sign")).toThrow(/不是选择节点/);
  });
});

describe("agreement step", () => {
  let atDraft: RunState;
  beforeEach(() => {
    atDraft = play(GOOD_PATH.slice(0, 3));
  });

  it("reaches the drafting node", () => {
    expect(atDraft.node).toBe("draft");
    expect(ids(atDraft)).toEqual([]);
  });

  it("keeps the learner at the node on an incomplete draft, recording the gap once", () => {
    const once = submitAgreement(scenario, atDraft, { clauses: ["parties-nick", "terms"] });
    expect(once.node).toBe("draft");
    expect(once.mistakes.at(-1)).toEqual({ kind: "incomplete-agreement", step: 3, node: "draft", missing: ["parties", "facts", "responsibility", "performance"] });
    const twice = submitAgreement(scenario, once, { clauses: ["terms"] });
    expect(twice.mistakes).toEqual(once.mistakes);
    expect(twice.log).toHaveLength(5);
    expect(submitAgreement(scenario, twice, LAWFUL).node).toBe("end-lawful");
  });

  it("goes to next.unlawful when a clause is unlawful or coerced, each one a mistake", () => {
    const state = submitAgreement(scenario, atDraft, { clauses: [...LAWFUL.clauses, "no-lawsuit", "village-pressure"] });
    expect(state.node).toBe("end-unlawful");
    expect(state.mistakes).toEqual([
      { kind: "clause", step: 3, node: "draft", clause: "no-lawsuit", defect: "unlawful" },
      { kind: "clause", step: 3, node: "draft", clause: "village-pressure", defect: "coerced" },
    ]);
  });

  it("goes to next.lawful for a complete, lawful draft and adds the ending's points", () => {
    const state = submitAgreement(scenario, atDraft, LAWFUL);
    expect(state.node).toBe("end-lawful");
    expect(state.score).toEqual({ procedure: 6, relationship: 4, outcome: 4 });
  });

  it("accepts typed party details instead of a parties clause", () => {
    const draft = {
      clauses: ["main-facts", "responsibility", "terms", "performance"],
      parties: { zhang: { name: "张德福", address: "青石村三组 17 号" }, li: { name: "李国强", address: "青石村三组 18 号" } },
    };
    expect(checkAgreement(draftNode, scenario.parties, draft).verdict).toBe("lawful");
    expect(submitAgreement(scenario, atDraft, draft).node).toBe("end-lawful");
  });

  it("rejects clause ids the node does not offer, and submitting elsewhere", () => {
    expect(() => submitAgreement(scenario, atDraft, { clauses: ["made-up"] })).toThrow(/没有条款 made-up/);
    expect(() => submitAgreement(scenario, start(scenario), LAWFUL)).toThrow(/不是起草协议的节点/);
  });

  it("logs a copy of the draft, not the caller's object", () => {
    const draft = { clauses: [...LAWFUL.clauses, "terms"] };
    const state = submitAgreement(scenario, atDraft, draft);
    draft.clauses.push("no-lawsuit");
    expect(state.log.at(-1)).toEqual({ agreement: { clauses: LAWFUL.clauses } });
  });
});

describe("debrief", () => {
  it("gives the path, the score by rubric, and the lawful ending's text", () => {
    const result = debrief(scenario, play(GOOD_PATH));
    expect(result.ending).toMatchObject({ node: "end-lawful", outcome: "lawful-agreement", title: "新沟挖好了" });
    expect(result.lawfulPathNotTaken).toBeUndefined();
    expect(result.path.map((d) => d.node)).toEqual(["first-step", "li-choice", "joint-session", "draft"]);
    expect(result.path[0]).toMatchObject({ kind: "choice", choice: "calm-and-ask-consent", prompt: expect.stringContaining("张德福") });
    expect(result.path[3]).toMatchObject({ kind: "agreement", verdict: "lawful" });
    expect(result.rubric.map((r) => [r.name, r.score, r.max])).toEqual([
      ["程序", 6, 6],
      ["关系", 4, 4],
      ["结果", 4, 4],
    ]);
    expect(result.total).toEqual({ score: 14, max: 14 });
    expect(result.mistakes).toEqual([]);
  });

  it("explains each mistake with its law, and gives the lawful path not taken", () => {
    const state = play([
      { choice: "promise-fix" },
      { choice: "li-consent" },
      { choice: "ask-consent-again" },
      { choice: "explain-and-propose" },
      { agreement: { clauses: ["parties-nick", "terms"] } },
      { agreement: { clauses: [...LAWFUL.clauses, "no-lawsuit"] } },
    ]);
    const result = debrief(scenario, state);
    expect(result.ending.outcome).toBe("unlawful-agreement");
    expect(result.lawfulPathNotTaken).toContain("双方真实同意");
    expect(result.path.map((d) => d.node)).toEqual(["first-step", "li-choice", "joint-session", "joint-session", "draft", "draft"]);
    expect(result.path[4]).toMatchObject({ kind: "agreement", verdict: "incomplete", clauses: ["甲方老张，乙方李家。", expect.stringContaining("排水沟")] });
    expect(result.mistakes.map((m) => m.law)).toEqual([["rmtjf-21", "rmtjf-22"], ["rmtjf-29"], ["rmtjf-3", "rmtjf-32"]]);
    expect(result.mistakes[0].what).toContain("包在我身上");
    expect(result.mistakes[1].what).toBe("提交的协议书缺少：当事人的基本情况、纠纷的主要事实、争议事项和各方责任、履行方式和期限");
    expect(result.mistakes[2].explanation).toContain("起诉的权利");
  });

  it("bounds a negative dimension at 0 while keeping the raw points", () => {
    const result = debrief(scenario, play([{ choice: "tell-him-wait" }]));
    expect(result.ending.node).toBe("end-escalation");
    expect(result.rubric[0]).toMatchObject({ dimension: "procedure", score: 0, raw: -2 });
  });

  it("is only available at an ending", () => {
    expect(() => debrief(scenario, start(scenario))).toThrow(/还没有到结局/);
  });
});

describe("replay and resume", () => {
  it("replay of the log equals live play, step by step", () => {
    const steps: Step[] = [{ choice: "calm-and-ask-consent" }, { choice: "li-threaten" }, { choice: "ask-consent-again" }, { choice: "explain-and-propose" }, { agreement: { clauses: ["terms"] } }, { agreement: LAWFUL }];
    let live = start(scenario);
    for (const step of steps) {
      live = "choice" in step ? choose(scenario, live, step.choice) : submitAgreement(scenario, live, step.agreement);
      expect(replay(scenario, live.log)).toEqual(live);
    }
    expect(live.node).toBe("end-lawful");
  });

  it("resumes a run saved through a SaveSlot", async () => {
    const slot = new MemorySaveSlot();
    const key = { scenarioId: scenario.id, learnerId: "learner-1" };
    const saved = play(GOOD_PATH.slice(0, 2));
    await slot.save(key, saved);
    const resumed = resume(scenario, await slot.load(key));
    expect(resumed).toEqual({ state: saved, applied: 2, dropped: 0 });
  });

  it("starts afresh from nothing, garbage, or another scenario's save", () => {
    const fresh = start(scenario);
    for (const saved of [undefined, null, "x", { version: 2, scenario: scenario.id, log: [] }, { ...play(GOOD_PATH), scenario: "other" }]) {
      expect(resume(scenario, saved)).toEqual({ state: fresh, applied: 0, dropped: 0 });
    }
  });

  it("resumes as far as the log still fits after the scenario was edited", () => {
    const saved = JSON.parse(JSON.stringify(play(GOOD_PATH.slice(0, 3))));
    const edited: Scenario = structuredClone(scenario);
    const joint = edited.nodes["joint-session"] as NodeOf<"choice">;
    joint.choices = joint.choices.filter((c) => c.id !== "explain-and-propose");
    const resumed = resume(edited, saved);
    expect(resumed.applied).toBe(2);
    expect(resumed.dropped).toBe(1);
    expect(resumed.state.node).toBe("joint-session");
  });
});

describe("runtime guards for scenarios the checker would reject", () => {
  it("clamps an out-of-range effect and records it", () => {
    const loose: Scenario = structuredClone(scenario);
    loose.variables.trust_zhang = { ...loose.variables.trust_zhang, max: 3 };
    const first = loose.nodes["first-step"] as NodeOf<"choice">;
    first.choices[0].effects = { ...first.choices[0].effects, add: { trust_zhang: 2 } };
    const state = choose(loose, start(loose), "calm-and-ask-consent");
    expect(state.vars.trust_zhang).toBe(3);
    expect(state.clamps).toEqual([{ step: 0, node: "first-step", choice: "calm-and-ask-consent", variable: "trust_zhang", attempted: 4, value: 3 }]);
    expect(replay(loose, state.log)).toEqual(state);
  });

  it("throws instead of spinning when self-advancing nodes loop", () => {
    const looping: Scenario = structuredClone(scenario);
    looping.nodes["zhang-complains"] = { ...(looping.nodes["zhang-complains"] as NodeOf<"dialogue">), next: [{ to: "intro" }] };
    expect(() => start(looping)).toThrow(/死循环/);
  });
});

describe("conditions", () => {
  const env = { vars: { a: 3 }, flags: { f: true, g: false } };
  const cases: [Condition, boolean][] = [
    [{ flag: "f" }, true],
    [{ flag: "g" }, false],
    [{ flag: "missing" }, false],
    [{ not: { flag: "g" } }, true],
    [{ var: "a", gte: 3 }, true],
    [{ var: "a", gt: 3 }, false],
    [{ var: "a", gte: 1, lte: 2 }, false],
    [{ var: "a", eq: 3 }, true],
    [{ var: "a", ne: 3 }, false],
    [{ var: "a", lt: 4 }, true],
    [{ var: "missing", gte: 0 }, false],
    [{ all: [{ flag: "f" }, { var: "a", lte: 3 }] }, true],
    [{ all: [{ flag: "f" }, { flag: "g" }] }, false],
    [{ any: [{ flag: "g" }, { var: "a", eq: 3 }] }, true],
    [{ any: [{ flag: "g" }, { not: { flag: "f" } }] }, false],
  ];
  it.each(cases)("%j → %s", (condition, expected) => {
    expect(evalCondition(condition, env)).toBe(expected);
  });
});
