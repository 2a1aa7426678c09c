/** What the runner shows (view.ts) and what an exam paper may show (question-only.ts): order kept, answers left out. */
import { describe, expect, it } from "vitest";
import { questionOnly } from "../../../src/lib/quiz/question-only.ts";
import { answerState, optionsShown, promptsShown } from "../../../src/lib/quiz/view.ts";
import { caseJudgement, matching, multiple, single, trueFalse } from "./catalog-fixture.ts";

describe("optionsShown and promptsShown", () => {
  it("follow the attempt's order, the authors' order without one, and drop unknown ids", () => {
    expect(optionsShown(single, { id: single.id, options: ["c", "zz", "a", "b"] }).map((o) => o.id)).toEqual(["c", "a", "b"]);
    expect(optionsShown(single, { id: single.id }).map((o) => o.text)).toEqual(["不得调解", "先行调解，调解后再征求意见", "报请司法所决定是否调解"]);
    expect(optionsShown(trueFalse, { id: trueFalse.id })).toEqual([]);
    expect(promptsShown(matching, { id: matching.id, prompts: ["assault", "x", "noise", "wages"] }).map((p) => p.id)).toEqual(["assault", "noise", "wages"]);
    expect(promptsShown(matching, { id: matching.id })).toEqual([
      { id: "noise", text: "邻里之间因装修噪音发生口角" },
      { id: "wages", text: "工人被拖欠工资，要求用人单位支付" },
      { id: "assault", text: "一方当场持刀威胁对方" },
    ]);
  });
});

describe("answerState", () => {
  it("counts a matching item answered only when every prompt has a choice", () => {
    expect(answerState(matching, { noise: "committee" })).toBe("partly");
    expect(answerState(matching, { noise: "committee", wages: "labour", assault: "police" })).toBe("answered");
    expect(answerState(matching, {})).toBe("unanswered");
    expect(answerState(matching, ["committee"] as never)).toBe("unanswered");
    expect(answerState(matching, null)).toBe("unanswered");
    expect(answerState(trueFalse, false)).toBe("answered");
    expect(answerState(multiple, [])).toBe("unanswered");
  });
});

describe("questionOnly", () => {
  it("keeps the question and choices, never the answer, explanation, feedback or tags", () => {
    expect(questionOnly(caseJudgement)).toEqual({
      id: "agreement-refused",
      type: "case-judgement",
      stem: caseJudgement.stem,
      points: 1,
      situation: caseJudgement.situation,
      options: caseJudgement.options.map((o) => ({ id: o.id, text: o.text })),
    });
    expect(questionOnly(trueFalse)).toEqual({ id: "mediation-is-free", type: "true-false", stem: trueFalse.stem, points: 1 });
    const shown = questionOnly(matching);
    expect(shown.prompts).toEqual(matching.prompts.map((p) => ({ id: p.id, text: p.text })));
    expect(shown).not.toHaveProperty("situation");
    expect(shown).not.toHaveProperty("scoring");
  });

  it("states a multiple-choice rule: the item's, else the bank's, else all-or-nothing", () => {
    expect(questionOnly(multiple).scoring).toBe("all-or-nothing");
    expect(questionOnly(multiple, "partial-if-no-wrong").scoring).toBe("partial-if-no-wrong");
    expect(questionOnly({ ...multiple, scoring: "proportional-with-penalty" }, "partial-if-no-wrong").scoring).toBe("proportional-with-penalty");
    expect(questionOnly(single)).not.toHaveProperty("scoring");
  });
});
