/**
 * Details of a run that the wider tests pass over: what stays recorded across steps, choices
 * without effects, the wording of run errors, and the odd inputs of the views and the save slot.
 */
import { describe, expect, it } from "vitest";
import { evalCondition } from "../../../src/lib/scenario/condition.ts";
import { debrief } from "../../../src/lib/scenario/debrief.ts";
import { choose, isEnded, replay, ScenarioRunError, start, submitAgreement } from "../../../src/lib/scenario/engine.ts";
import { LocalStorageSaveSlot, type StorageLike } from "../../../src/lib/scenario/local-save.ts";
import { gauges } from "../../../src/lib/scenario/player-view.ts";
import type { NodeOf } from "../../../src/lib/scenario/schema.ts";
import { editable, example, LAWFUL_DRAFT, minimal, TO_DRAFT } from "./helpers.ts";

describe("a run across steps", () => {
  it("keeps evidence revealed in an earlier step", () => {
    const scenario = example();
    expect(replay(scenario, TO_DRAFT).evidence).toEqual(["site-visit"]);
  });

  it("is not ended before an ending", () => {
    const scenario = example();
    expect(isEnded(scenario, start(scenario))).toBe(false);
    expect(isEnded(scenario, replay(scenario, TO_DRAFT))).toBe(false);
  });

  it("takes a choice that has no effects at all", () => {
    const scenario = minimal();
    const state = choose(scenario, start(scenario), "skip-consent");
    expect(state).toMatchObject({ node: "talk", vars: { trust: 1 }, flags: { consent: false }, moods: { wang: "anxious", zhao: "guarded" } });
  });

  it("names every clause the node does not offer", () => {
    const scenario = example();
    expect(() => submitAgreement(scenario, replay(scenario, TO_DRAFT), { clauses: ["terms", "made-up", "other"] })).toThrow(
      new ScenarioRunError("节点 draft 没有条款 made-up、other"),
    );
  });

  it("records the first incomplete draft even after an unlawful one sent the learner back to the same node", () => {
    const scenario = editable(example());
    (scenario.nodes.draft as NodeOf<"agreement">).next.unlawful = [{ to: "draft" }];
    const state = replay(scenario, [...TO_DRAFT, { agreement: { clauses: [...LAWFUL_DRAFT.clauses, "no-lawsuit"] } }, { agreement: { clauses: ["terms"] } }]);
    expect(state.node).toBe("draft");
    expect(state.mistakes.map((m) => m.kind)).toEqual(["clause", "incomplete-agreement"]);
  });

  it("never lets a variable the run does not have satisfy a comparison, not even ne", () => {
    expect(evalCondition({ var: "missing", ne: 3 }, { vars: {}, flags: {} })).toBe(false);
    expect(evalCondition({ var: "missing", lte: 3 }, { vars: {}, flags: {} })).toBe(false);
  });
});

describe("views of odd runs", () => {
  it("explains a coerced clause the scenario no longer has by its id", () => {
    const scenario = example();
    const state = replay(scenario, [...TO_DRAFT, { agreement: { clauses: [...LAWFUL_DRAFT.clauses, "village-pressure"] } }]);
    const edited = editable(scenario);
    const draft = edited.nodes.draft as NodeOf<"agreement">;
    draft.clauses = draft.clauses.filter((c) => c.id !== "village-pressure");
    expect(debrief(edited, state).mistakes).toEqual([{ node: "draft", what: "village-pressure", explanation: "", law: [] }]);
  });

  it("measures a gauge from its minimum", () => {
    const scenario = editable(example());
    scenario.variables.tension = { ...scenario.variables.tension, min: 1, max: 5, initial: 3 };
    expect(gauges(scenario, start(scenario))[0]).toMatchObject({ value: 3, percent: 50 });
  });
});

describe("the save slot and a full storage", () => {
  it("knows the quota error by its name alone", async () => {
    for (const name of ["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"]) {
      const storage: StorageLike = {
        getItem: () => null,
        setItem: () => {
          throw Object.assign(new Error("full"), { name });
        },
        removeItem: () => {},
      };
      expect(await new LocalStorageSaveSlot(storage).trySaveNotes({ learnerId: "a", scenarioId: "b" }, "笔记"), name).toEqual({ ok: false, reason: "quota" });
    }
  });
});
