/**
 * What the learner reads after a run and while playing: the debrief (debrief.ts) and the
 * player's views (player-view.ts), on edits of the example where the plain run says too little.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { debrief, rubricNames } from "../../../src/lib/scenario/debrief.ts";
import { choose, replay, start, submitAgreement } from "../../../src/lib/scenario/engine.ts";
import {
  changesBetween,
  citedLaw,
  gauges,
  HARMFUL_LOSS,
  lastDraftAt,
  previewMissing,
  runHistory,
  signers,
  stepView,
} from "../../../src/lib/scenario/player-view.ts";
import type { NodeOf, Scenario } from "../../../src/lib/scenario/schema.ts";
import { editable, example, LAWFUL_DRAFT, minimal, TO_DRAFT } from "./helpers.ts";

let scenario: Scenario;
beforeEach(() => {
  scenario = example();
});

const UNLAWFUL_RUN = [...TO_DRAFT, { agreement: { clauses: [...LAWFUL_DRAFT.clauses, "village-pressure"] } }];

describe("debrief", () => {
  it("names the rubric dimensions in zh-CN and shows what earns each", () => {
    expect(rubricNames).toEqual({ procedure: "程序", relationship: "关系", outcome: "结果" });
    const result = debrief(scenario, replay(scenario, [...TO_DRAFT, { agreement: LAWFUL_DRAFT }]));
    expect(result.rubric.map((r) => r.about)).toEqual([scenario.rubric.procedure.about, scenario.rubric.relationship.about, scenario.rubric.outcome.about]);
    expect(result.ending.law).toEqual((scenario.nodes["end-lawful"] as NodeOf<"ending">).law);
    expect(result.ending.text).toBe((scenario.nodes["end-lawful"] as NodeOf<"ending">).text);
    expect(result.ending.debrief).toBe((scenario.nodes["end-lawful"] as NodeOf<"ending">).debrief);
    expect(result.clamps).toEqual([]);
  });

  it("bounds a dimension at its full marks, and totals the bounded scores", () => {
    const strict = editable(scenario);
    strict.rubric.outcome.max = 2;
    const result = debrief(strict, replay(strict, [...TO_DRAFT, { agreement: LAWFUL_DRAFT }]));
    expect(result.rubric[2]).toMatchObject({ dimension: "outcome", name: "结果", score: 2, raw: 4, max: 2 });
    expect(result.total).toEqual({ score: 12, max: 12 });
  });

  it("totals each dimension bounded below at 0", () => {
    const result = debrief(scenario, replay(scenario, [{ choice: "tell-him-wait" }]));
    expect(result.rubric.map((r) => [r.score, r.raw])).toEqual([
      [0, -2],
      [0, 0],
      [0, 0],
    ]);
    expect(result.total).toEqual({ score: 0, max: 14 });
  });

  it("explains a coerced clause with its own explanation and law", () => {
    const result = debrief(scenario, replay(scenario, UNLAWFUL_RUN));
    const clause = (scenario.nodes.draft as NodeOf<"agreement">).clauses.find((c) => c.id === "village-pressure")!;
    expect(result.mistakes).toEqual([{ node: "draft", what: clause.text, explanation: clause.coerced, law: ["rmtjf-3", "mfd-150"] }]);
    expect(result.lawfulPathNotTaken).toBe((scenario.nodes["end-unlawful"] as NodeOf<"ending">).lawfulPath);
    expect(result.path.at(-1)).toMatchObject({ kind: "agreement", node: "draft", verdict: "unlawful", prompt: (scenario.nodes.draft as NodeOf<"agreement">).prompt });
  });

  it("cites 第二十九条 for an incomplete draft and says why the elements matter", () => {
    const state = replay(scenario, [...TO_DRAFT, { agreement: { clauses: ["terms"] } }, { agreement: LAWFUL_DRAFT }]);
    const mistake = debrief(scenario, state).mistakes[0];
    expect(mistake).toMatchObject({ node: "draft", law: ["rmtjf-29"] });
    expect(mistake.explanation).toContain("《人民调解法》第二十九条");
    expect(mistake.explanation).toContain("缺少当事人的基本情况、纠纷的主要事实、争议事项和各方责任、履行方式和期限");
  });

  it("falls back to the ids of choices and clauses the scenario no longer has (a run replayed before an edit)", () => {
    const state = replay(scenario, [{ choice: "promise-fix" }, { choice: "li-consent" }, { choice: "ask-consent-again" }, { choice: "explain-and-propose" }, { agreement: { clauses: [...LAWFUL_DRAFT.clauses, "no-lawsuit"] } }]);
    const edited = editable(scenario);
    const first = edited.nodes["first-step"] as NodeOf<"choice">;
    first.choices = first.choices.filter((c) => c.id !== "promise-fix");
    const draft = edited.nodes.draft as NodeOf<"agreement">;
    draft.clauses = draft.clauses.filter((c) => c.id !== "no-lawsuit" && c.id !== "terms");
    const result = debrief(edited, state);
    expect(result.path[0]).toMatchObject({ kind: "choice", choice: "promise-fix", text: "promise-fix" });
    expect(result.path.at(-1)).toMatchObject({ kind: "agreement", clauses: expect.arrayContaining(["terms", "no-lawsuit"]) });
    expect(result.mistakes[0]).toEqual({ node: "first-step", what: "promise-fix", explanation: "", law: [] });
    expect(result.mistakes[1]).toEqual({ node: "draft", what: "no-lawsuit", explanation: "", law: [] });
  });

  it("keeps the variables clamped during the run", () => {
    const loose = editable(scenario);
    (loose.nodes["first-step"] as NodeOf<"choice">).choices[2].effects = { add: { tension: 4 } };
    const result = debrief(loose, choose(loose, start(loose), "tell-him-wait"));
    expect(result.clamps).toEqual([{ step: 0, node: "first-step", choice: "tell-him-wait", variable: "tension", attempted: 7, value: 5 }]);
  });
});

describe("the player's views", () => {
  it("adds 第二十九条 to the cited law only when the scenario has an agreement node", () => {
    expect(citedLaw(scenario)).toContain("rmtjf-29");
    const plain = minimal();
    expect(citedLaw(plain)).toEqual(["rmtjf-17", "rmtjf-26"]);
  });

  it("fills a gauge from the run, or from its initial value when the run lacks it", () => {
    const state = replay(scenario, [{ choice: "calm-and-ask-consent" }]);
    expect(gauges(scenario, state, "zhang")).toEqual([{ name: "trust_zhang", label: "张德福的信任", value: 3, min: 0, max: 5, percent: 60 }]);
    const older = { ...state, vars: { tension: 1 } };
    expect(gauges(scenario, older, "li")[0]).toMatchObject({ value: 2, percent: 40 });
    expect(gauges(scenario, older)[0]).toMatchObject({ name: "tension", value: 1, percent: 20 });
  });

  it("rounds a gauge's percentage", () => {
    const thirds = editable(scenario);
    thirds.variables.tension = { ...thirds.variables.tension, min: 0, max: 3, initial: 1 };
    expect(gauges(thirds, start(thirds))[0].percent).toBe(33);
    thirds.variables.tension.initial = 2;
    expect(gauges(thirds, start(thirds))[0].percent).toBe(67);
  });

  it("reports a gauge that moved and a mood that changed, and nothing that stayed", () => {
    const before = start(scenario);
    const after = { ...before, vars: { ...before.vars, trust_li: 0 }, moods: { ...before.moods, li: "angry" as const } };
    expect(changesBetween(scenario, before, after)).toEqual([
      { kind: "var", name: "trust_li", label: "李国强的信任", delta: -2 },
      { kind: "mood", party: "li", name: "李国强", mood: "angry" },
    ]);
    expect(changesBetween(scenario, before, before)).toEqual([]);
    // A variable missing on one side counts from 0.
    const { tension: _dropped, ...rest } = before.vars;
    expect(changesBetween(scenario, { ...before, vars: rest }, before)).toEqual([{ kind: "var", name: "tension", label: "紧张程度", delta: 3 }]);
  });

  it("shows a lawful draft's clauses in the order offered, with no gaps and no law to cite", () => {
    const state = replay(scenario, [...TO_DRAFT, { agreement: { clauses: [...LAWFUL_DRAFT.clauses].reverse() } }]);
    const view = stepView(scenario, runHistory(scenario, state), TO_DRAFT.length);
    const offered = (scenario.nodes.draft as NodeOf<"agreement">).clauses;
    expect(view).toEqual({
      kind: "agreement",
      node: "draft",
      prompt: (scenario.nodes.draft as NodeOf<"agreement">).prompt,
      clauses: offered.filter((c) => LAWFUL_DRAFT.clauses.includes(c.id)).map((c) => c.text),
      verdict: "lawful",
      missing: [],
      law: [],
      changes: [],
    });
  });

  it("lists no gaps for an unlawful draft, even an incomplete one: the defect is what counts", () => {
    const state = replay(scenario, [...TO_DRAFT, { agreement: { clauses: ["terms", "no-lawsuit"] } }]);
    const view = stepView(scenario, runHistory(scenario, state), TO_DRAFT.length);
    expect(view).toMatchObject({ verdict: "unlawful", missing: [], law: [] });
  });

  it("shows a choice the scenario no longer has by its id, as good, with no feedback", () => {
    const history = runHistory(scenario, replay(scenario, [{ choice: "promise-fix" }]));
    const edited = editable(scenario);
    const first = edited.nodes["first-step"] as NodeOf<"choice">;
    first.choices = first.choices.filter((c) => c.id !== "promise-fix");
    expect(stepView(edited, history, 0)).toMatchObject({ kind: "choice", text: "promise-fix", feedback: "", quality: "good", law: [] });
    expect(stepView(scenario, history, 0)).toMatchObject({ kind: "choice", quality: "poor", prompt: first.prompt });
  });

  it("offers the last draft for revision only right after an incomplete submission at that node", () => {
    const atDraft = replay(scenario, TO_DRAFT);
    expect(lastDraftAt(atDraft, "draft")).toBeUndefined();
    const incomplete = submitAgreement(scenario, atDraft, { clauses: ["terms"] });
    expect(lastDraftAt(incomplete, "draft")).toEqual({ clauses: ["terms"] });
    expect(lastDraftAt(incomplete, "joint-session")).toBeUndefined();
    expect(lastDraftAt(start(scenario), "first-step")).toBeUndefined();
  });

  it("hides only what a chosen defective clause claims, not what an unchosen one claims", () => {
    const draft = editable(scenario).nodes.draft as NodeOf<"agreement">;
    draft.clauses = draft.clauses.map((c) => (c.id === "village-pressure" ? { ...c, satisfies: ["performance"] } : c));
    const without = previewMissing(draft, scenario.parties, { clauses: ["parties-full", "main-facts", "responsibility", "terms"] });
    expect(without.map((m) => m.element)).toEqual(["performance"]);
  });

  it("lists as signers only the parties who sign, and calls a loss of 3 points harmful", () => {
    const withCadre = [...scenario.parties, { ...scenario.parties[0], id: "wang", signsAgreement: false }];
    expect(signers(withCadre).map((p) => p.id)).toEqual(["zhang", "li"]);
    expect(HARMFUL_LOSS).toBe(3);
  });
});
