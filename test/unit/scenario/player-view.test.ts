/** What the player shows (src/lib/scenario/player-view.ts), on the example scenario. */
import { beforeEach, describe, expect, it } from "vitest";
import {
  changesBetween,
  choiceQuality,
  citedLaw,
  gauges,
  lastDraftAt,
  needsPartyForm,
  previewMissing,
  runHistory,
  stepView,
  trailOfStep,
} from "../../../src/lib/scenario/player-view.ts";
import { replay, start, submitAgreement } from "../../../src/lib/scenario/engine.ts";
import type { NodeOf, Scenario } from "../../../src/lib/scenario/schema.ts";
import type { RunState, Step } from "../../../src/lib/scenario/state.ts";
import { example } from "./helpers.ts";

let scenario: Scenario;
let draft: NodeOf<"agreement">;
/** The example with a hidden variable and no clause that states the parties. */
let variant: Scenario;
beforeEach(() => {
  scenario = example();
  draft = scenario.nodes.draft as NodeOf<"agreement">;
  variant = {
    ...scenario,
    variables: { ...scenario.variables, secret: { label: "隐藏的计数", min: 0, max: 9, initial: 0, hidden: true } },
    nodes: { ...scenario.nodes, draft: { ...draft, clauses: draft.clauses.filter((c) => c.id !== "parties-full") } },
  };
});
const TO_DRAFT: Step[] = [{ choice: "calm-and-ask-consent" }, { choice: "li-consent" }, { choice: "explain-and-propose" }];


describe("citedLaw", () => {
  it("lists the scenario's own law first, then every other provision cited, once each", () => {
    const ids = citedLaw(scenario);
    expect(ids.slice(0, scenario.law.length)).toEqual(scenario.law);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ["rmtjgzrgd-30", "rmtjf-21", "rmtjf-32", "mfd-150", "rmtjf-31", "rmtjf-33"]) expect(ids).toContain(id);
  });
});

describe("runHistory and stepView", () => {
  let state: RunState;
  let history: RunState[];
  beforeEach(() => {
    state = replay(scenario, TO_DRAFT);
    history = runHistory(scenario, state);
  });

  it("holds the run before each step and after the last", () => {
    expect(history).toHaveLength(TO_DRAFT.length + 1);
    expect(history[0]).toEqual(start(scenario));
    expect(history.at(-1)).toEqual(state);
  });

  it("describes a choice with its prompt, feedback, law and the visible changes", () => {
    const view = stepView(scenario, history, 0);
    expect(view).toMatchObject({ kind: "choice", node: "first-step", law: ["rmtjf-17", "rmtjf-23", "rmtjgzrgd-30"] });
    expect(view.prompt).toMatch(/你先怎么做/);
    expect(view.kind === "choice" && view.feedback).toMatch(/自愿为前提/);
    expect(view.changes).toEqual([
      { kind: "var", name: "trust_zhang", label: "张德福的信任", delta: 1 },
      { kind: "var", name: "tension", label: "紧张程度", delta: -1 },
      { kind: "mood", party: "zhang", name: "张德福", mood: "anxious" },
    ]);
  });

  it("describes an incomplete draft with what it lacked and 第二十九条", () => {
    const after = submitAgreement(scenario, state, { clauses: ["main-facts"] });
    const view = stepView(scenario, [...history, after], TO_DRAFT.length);
    expect(view).toMatchObject({ kind: "agreement", verdict: "incomplete", missing: ["parties", "responsibility", "terms", "performance"], law: ["rmtjf-29"] });
    expect(lastDraftAt(after, "draft")).toEqual({ clauses: ["main-facts"] });
    expect(lastDraftAt(state, "draft")).toBeUndefined();
  });

  it("groups the trail by the step that revealed it", () => {
    expect(trailOfStep(state, -1)).toEqual(["intro", "zhang-complains", "first-step"]);
    expect(trailOfStep(state, 1)).toEqual(["site-visit", "joint-session"]);
  });
});

describe("choiceQuality", () => {
  it("calls a choice good when it is no mistake and loses no points, gains or not", () => {
    expect(choiceQuality({ mistake: false })).toBe("good");
    expect(choiceQuality({ mistake: false, score: { procedure: 2, relationship: 1 } })).toBe("good");
    expect(choiceQuality({ mistake: false, score: { procedure: 1, relationship: -1 } })).toBe("good");
  });

  it("calls a choice poor when it loses points or is a mistake that costs less than HARMFUL_LOSS", () => {
    expect(choiceQuality({ mistake: false, score: { procedure: -1 } })).toBe("poor");
    expect(choiceQuality({ mistake: true })).toBe("poor");
    expect(choiceQuality({ mistake: true, score: { procedure: -1, relationship: -1 } })).toBe("poor");
    expect(choiceQuality({ mistake: false, score: { procedure: -3, relationship: -2 } })).toBe("poor");
  });

  it("calls a mistake harmful from a loss of HARMFUL_LOSS (3) points in all", () => {
    expect(choiceQuality({ mistake: true, score: { procedure: -2, relationship: -1 } })).toBe("harmful");
    expect(choiceQuality({ mistake: true, score: { procedure: -3 } })).toBe("harmful");
    expect(choiceQuality({ mistake: true, score: { procedure: -4, relationship: 1 } })).toBe("harmful");
    expect(choiceQuality({ mistake: true, score: { procedure: -2, outcome: 0 } })).toBe("poor");
  });

  it("goes into the step view of a choice", () => {
    const history = runHistory(scenario, replay(scenario, TO_DRAFT));
    const chosen = Object.values(scenario.nodes).flatMap((n) => (n.kind === "choice" ? n.choices : [])).find((c) => c.id === "calm-and-ask-consent")!;
    expect(stepView(scenario, history, 0)).toMatchObject({ kind: "choice", quality: choiceQuality(chosen) });
  });
});

describe("gauges and changes leave hidden variables out", () => {
  it("shows each party's gauges beside them and the others apart", () => {
    const state = start(variant);
    expect(gauges(variant, state, "zhang").map((g) => g.name)).toEqual(["trust_zhang"]);
    expect(gauges(variant, state).map((g) => [g.name, g.percent])).toEqual([["tension", 60]]);
  });

  it("never reports a hidden variable's change", () => {
    const before = start(variant);
    const after = { ...before, vars: { ...before.vars, secret: 3 } };
    expect(changesBetween(variant, before, after)).toEqual([]);
  });
});

describe("drafting", () => {
  it("asks for typed party details only when no lawful clause states them", () => {
    expect(needsPartyForm(draft)).toBe(false);
    expect(needsPartyForm(variant.nodes.draft as NodeOf<"agreement">)).toBe(true);
  });

  it("previews the same gaps as the engine when no clause is defective", () => {
    const missing = previewMissing(draft, scenario.parties, { clauses: ["main-facts", "terms"] }).map((m) => m.element);
    expect(missing).toEqual(["parties", "responsibility", "performance"]);
  });

  it("never gives away a defective clause by calling what it claims missing", () => {
    const coerced = {
      ...draft,
      clauses: draft.clauses.map((c) => (c.id === "village-pressure" ? { ...c, satisfies: ["performance" as const] } : c)),
    };
    const chosen = { clauses: ["parties-full", "main-facts", "responsibility", "terms", "village-pressure"] };
    expect(previewMissing(coerced, scenario.parties, chosen)).toEqual([]);
  });
});
