/** Grading every item type, every partial-credit rule, and whole attempts. */
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../../src/lib/quiz/catalog.ts";
import { drawQuiz } from "../../../src/lib/quiz/draw.ts";
import { adjacentPairsInOrder, gradeAttempt, gradeItem, multipleFraction, passes } from "../../../src/lib/quiz/grade.ts";
import { attemptsRemaining, canStartAttempt, deadline } from "../../../src/lib/quiz/policy.ts";
import type { Responses } from "../../../src/lib/quiz/response.ts";
import type { Quiz } from "../../../src/lib/quiz/schema.ts";
import { caseJudgement, catalog, matching, multiple, ordering, single, trueFalse } from "./catalog-fixture.ts";

describe("single choice", () => {
  it("scores the answer, nothing else", () => {
    expect(gradeItem(single, "a")).toMatchObject({ score: 1, max: 1, correctness: "correct", solution: "a" });
    expect(gradeItem(single, "b")).toMatchObject({ score: 0, correctness: "wrong" });
    expect(gradeItem(single, null)).toMatchObject({ score: 0, correctness: "unanswered" });
    expect(gradeItem(single, undefined)).toMatchObject({ correctness: "unanswered" });
  });

  it("gives the chosen option's feedback, and the explanation", () => {
    const result = gradeItem(single, "b");
    expect(result.feedback).toEqual(["当事人一方明确拒绝的，不得调解，不能先调后问。"]);
    expect(result.explanation).toContain("第十七条");
  });

  it("treats a malformed response as wrong, never throws", () => {
    expect(gradeItem(single, ["a"])).toMatchObject({ score: 0, correctness: "unanswered" });
    expect(gradeItem(single, "zz")).toMatchObject({ score: 0, correctness: "wrong" });
    expect(gradeItem(single, true)).toMatchObject({ score: 0 });
  });
});

describe("case judgement", () => {
  it("is graded like single choice, with every option's feedback", () => {
    expect(gradeItem(caseJudgement, "a")).toMatchObject({ score: 1, correctness: "correct", feedback: [expect.stringContaining("正确")] });
    expect(gradeItem(caseJudgement, "c")).toMatchObject({ score: 0, correctness: "wrong", feedback: [expect.stringContaining("自愿")] });
  });
});

describe("true-false", () => {
  it("compares booleans", () => {
    expect(gradeItem(trueFalse, false)).toMatchObject({ score: 1, correctness: "correct", solution: false });
    expect(gradeItem(trueFalse, true)).toMatchObject({ score: 0, correctness: "wrong" });
    expect(gradeItem(trueFalse, "false")).toMatchObject({ score: 0, correctness: "unanswered" });
  });
});

describe("multiple choice partial credit (3 correct of 4: a, b, d)", () => {
  // [chosen, all-or-nothing, partial-if-no-wrong, proportional-with-penalty]
  const table: [string[], number, number, number][] = [
    [["a", "b", "d"], 1, 1, 1],
    [["a", "b"], 0, 2 / 3, 2 / 3],
    [["a"], 0, 1 / 3, 1 / 3],
    [["a", "b", "c"], 0, 0, 1 / 3],
    [["a", "b", "c", "d"], 0, 0, 2 / 3],
    [["a", "c"], 0, 0, 0],
    [["c"], 0, 0, 0],
  ];
  for (const [chosen, allOrNothing, noWrong, penalty] of table) {
    it(`[${chosen}] → ${allOrNothing} / ${noWrong.toFixed(2)} / ${penalty.toFixed(2)}`, () => {
      const score = (rule: NonNullable<typeof multiple.scoring>) => gradeItem({ ...multiple, scoring: rule }, chosen).score;
      expect(score("all-or-nothing")).toBeCloseTo(allOrNothing, 4);
      expect(score("partial-if-no-wrong")).toBeCloseTo(noWrong, 4);
      expect(score("proportional-with-penalty")).toBeCloseTo(penalty, 4);
    });
  }

  it("uses the bank rule when the item states none, and the item's own rule over the bank's", () => {
    expect(gradeItem(multiple, ["a", "b"], { multiple: "partial-if-no-wrong" }).score).toBeCloseTo(0.6667, 4);
    expect(gradeItem(multiple, ["a", "b"], { multiple: "all-or-nothing" }).score).toBe(0);
    expect(gradeItem({ ...multiple, scoring: "all-or-nothing" }, ["a", "b"], { multiple: "partial-if-no-wrong" }).score).toBe(0);
  });

  it("reports counts, marks partial answers, and gives feedback of chosen options", () => {
    const result = gradeItem(multiple, ["a", "c"], { multiple: "proportional-with-penalty" });
    expect(result.detail).toEqual({ kind: "multiple", rule: "proportional-with-penalty", correct: 3, chosenCorrect: 1, chosenWrong: 1 });
    expect(result.correctness).toBe("wrong");
    expect(result.feedback).toEqual(["人民调解不收费，也就没有交费优先。"]);
    expect(gradeItem(multiple, ["a"], { multiple: "partial-if-no-wrong" }).correctness).toBe("partial");
    expect(gradeItem(multiple, [], { multiple: "partial-if-no-wrong" }).correctness).toBe("unanswered");
  });

  it("ignores a repeated choice", () => {
    expect(gradeItem(multiple, ["a", "a", "a"], { multiple: "proportional-with-penalty" }).score).toBeCloseTo(1 / 3, 4);
  });

  it("multiplies by the item's points", () => {
    expect(gradeItem({ ...multiple, points: 3 }, ["a", "b"], { multiple: "partial-if-no-wrong" })).toMatchObject({ score: 2, max: 3 });
  });

  it("has the documented formulas", () => {
    expect(multipleFraction("proportional-with-penalty", 2, 2, 2)).toBe(0);
    expect(multipleFraction("partial-if-no-wrong", 4, 3, 0)).toBe(0.75);
  });
});

describe("ordering", () => {
  const correct = ["accept", "prepare", "session", "agreement"];

  it("counts neighbouring pairs kept in order", () => {
    expect(adjacentPairsInOrder(correct, correct)).toBe(3);
    expect(adjacentPairsInOrder(correct, ["agreement", "accept", "prepare", "session"])).toBe(2);
    expect(adjacentPairsInOrder(correct, ["agreement", "session", "prepare", "accept"])).toBe(0);
  });

  it("adjacent-pairs (the default) gives the share of pairs in order", () => {
    expect(gradeItem(ordering, correct)).toMatchObject({ score: 1, correctness: "correct", solution: correct });
    // One step moved from last to first keeps 2 of 3 pairs; a position rule would give 0.
    const moved = gradeItem(ordering, ["agreement", "accept", "prepare", "session"]);
    expect(moved.score).toBeCloseTo(2 / 3, 4);
    expect(moved).toMatchObject({ correctness: "partial", detail: { kind: "ordering", rule: "adjacent-pairs", pairs: 3, pairsInOrder: 2 } });
    expect(gradeItem(ordering, [...correct].reverse())).toMatchObject({ score: 0, correctness: "wrong" });
  });

  it("counts a pair only when its steps are next to each other, not merely in relative order", () => {
    // accept, session, prepare, agreement: accept is before prepare and session before agreement,
    // but neither pair is adjacent, and prepare→session is reversed. Counting pairs in relative
    // order would give 2 of 3 (and all pairs in relative order 5 of 6); neighbouring pairs give 0.
    const split = ["accept", "session", "prepare", "agreement"];
    expect(adjacentPairsInOrder(correct, split)).toBe(0);
    expect(gradeItem(ordering, split)).toMatchObject({ score: 0, correctness: "wrong", detail: { pairsInOrder: 0 } });
    // One adjacent pair kept (session→agreement) among steps that are otherwise only in relative order.
    const oneKept = ["prepare", "accept", "session", "agreement"];
    expect(adjacentPairsInOrder(correct, oneKept)).toBe(1);
    expect(gradeItem(ordering, oneKept).score).toBeCloseTo(1 / 3, 4);
  });

  it("all-or-nothing from the item or the bank", () => {
    const moved = ["agreement", "accept", "prepare", "session"];
    expect(gradeItem({ ...ordering, scoring: "all-or-nothing" }, moved).score).toBe(0);
    expect(gradeItem(ordering, moved, { ordering: "all-or-nothing" }).score).toBe(0);
    expect(gradeItem(ordering, correct, { ordering: "all-or-nothing" }).score).toBe(1);
  });

  it("scores 0 for anything but a full arrangement of exactly these steps", () => {
    expect(gradeItem(ordering, ["accept", "prepare", "session"]).score).toBe(0);
    expect(gradeItem(ordering, ["accept", "prepare", "session", "session"]).score).toBe(0);
    expect(gradeItem(ordering, ["accept", "prepare", "session", "hearing"]).score).toBe(0);
    expect(gradeItem(ordering, null).correctness).toBe("unanswered");
  });
});

describe("matching", () => {
  const right = { noise: "committee", wages: "labour", assault: "police" };

  it("per-pair (the default) gives the share of prompts matched", () => {
    expect(gradeItem(matching, right)).toMatchObject({ score: 1, correctness: "correct", solution: right });
    const oneWrong = gradeItem(matching, { ...right, assault: "committee" });
    expect(oneWrong.score).toBeCloseTo(2 / 3, 4);
    expect(oneWrong).toMatchObject({ correctness: "partial", detail: { kind: "matching", matched: 2, prompts: 3, wrongPrompts: ["assault"] } });
    const missing = gradeItem(matching, { noise: "committee" });
    expect(missing.score).toBeCloseTo(1 / 3, 4);
    expect(missing.detail).toMatchObject({ wrongPrompts: ["wages", "assault"] });
  });

  it("all-or-nothing", () => {
    expect(gradeItem({ ...matching, scoring: "all-or-nothing" }, { ...right, assault: "committee" }).score).toBe(0);
    expect(gradeItem(matching, right, { matching: "all-or-nothing" }).score).toBe(1);
  });

  it("an option may fit several prompts; unknown prompts are ignored", () => {
    expect(gradeItem(matching, { ...right, stray: "police" }).score).toBe(1);
    expect(gradeItem(matching, {}).correctness).toBe("unanswered");
    expect(gradeItem(matching, ["committee"]).correctness).toBe("unanswered");
  });
});

describe("a whole attempt", () => {
  const lessonCheck = catalog.quizzes.get("the-session-check")?.quiz as Quiz;
  const finalTest = catalog.quizzes.get("procedure-final-test")?.quiz as Quiz;

  it("totals, percentages and pass/fail against the pass mark", () => {
    const drawn = drawQuiz(lessonCheck.id, "seed-1", catalog);
    const ids = drawn.items.map((i) => i.id);
    const solutions: Record<string, unknown> = {
      "who-may-apply": "a",
      "party-rights": ["a", "b", "d"],
      "mediation-is-free": false,
      "procedure-steps": ["accept", "prepare", "session", "agreement"],
      "dispute-channels": { noise: "committee", wages: "labour", assault: "police" },
      "agreement-refused": "a",
    };
    const all = Object.fromEntries(ids.map((id) => [id, solutions[id]])) as Responses;
    const perfect = gradeAttempt(lessonCheck, catalog, ids, all);
    expect(perfect).toMatchObject({ quizId: "the-session-check", score: 4, max: 4, percent: 100, passed: true });
    expect(perfect.items.every((r) => r.solution !== undefined && r.explanation)).toBe(true);

    const none = gradeAttempt(lessonCheck, catalog, ids, {});
    expect(none).toMatchObject({ score: 0, max: 4, percent: 0, passed: false });
    expect(none.items.every((r) => r.correctness === "unanswered")).toBe(true);
  });

  it("passes exactly at the pass mark, despite floating point", () => {
    expect(passes(0.6 * 3, 3, 60)).toBe(true);
    expect(passes(0.29 * 100, 100, 29)).toBe(true);
    expect(passes(59.99, 100, 60)).toBe(false);
    expect(passes(0, 0, 60)).toBe(false);
  });

  it("hides solutions, explanations and feedback when the quiz does not reveal answers", () => {
    const drawn = drawQuiz(finalTest.id, "seed-2", catalog);
    const ids = drawn.items.map((i) => i.id);
    const result = gradeAttempt(finalTest, catalog, ids, Object.fromEntries(ids.map((id) => [id, "b"])));
    expect(result.items).toHaveLength(5);
    for (const r of result.items) {
      expect(r).not.toHaveProperty("solution");
      expect(r).not.toHaveProperty("explanation");
      expect(r.feedback).toEqual([]);
    }
  });

  it("refuses an item that is not in the catalog", () => {
    expect(() => gradeAttempt(lessonCheck, buildCatalog([]), ["who-may-apply"], {})).toThrow(/not in the catalog/);
  });
});

describe("attempt policy", () => {
  it("counts attempts left and the deadline", () => {
    expect(attemptsRemaining({ attempts: 3 }, 1)).toBe(2);
    expect(attemptsRemaining({ attempts: 3 }, 5)).toBe(0);
    expect(canStartAttempt({ attempts: 2 }, 2)).toBe(false);
    expect(attemptsRemaining({}, 40)).toBe(Infinity);
    expect(deadline({ timeLimit: 20 }, 1_000)).toBe(1_000 + 20 * 60_000);
    expect(deadline({}, 1_000)).toBeUndefined();
  });
});
