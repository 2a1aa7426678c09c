/**
 * Grading at its edges: malformed responses, fallbacks when no rule is stated, what is
 * hidden without reveal, percentages and the pass mark at its exact boundary.
 */
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../../src/lib/quiz/catalog.ts";
import { checkQuizzes } from "../../../src/lib/quiz/check.ts";
import { gradeAttempt, gradeItem, hideAnswers, passes } from "../../../src/lib/quiz/grade.ts";
import { attemptsRemaining, canStartAttempt } from "../../../src/lib/quiz/policy.ts";
import type { ItemOfType, Quiz, QuizItem } from "../../../src/lib/quiz/schema.ts";
import { known, validFiles } from "./check-mutations.ts";

const { catalog } = checkQuizzes([...validFiles()].map(([file, text]) => ({ file, text })), known);
const item = <T extends QuizItem["type"]>(id: string, type: T): ItemOfType<T> => {
  const found = catalog.items.get(id)?.item;
  if (found?.type !== type) throw new Error(`fixture ${id} is not ${type}`);
  return found as ItemOfType<T>;
};
// The fixture item states no rule of its own; the bank says partial-if-no-wrong.
const multiple = item("party-rights", "multiple");
const single = item("who-may-apply", "single");
const ordering = item("procedure-steps", "ordering");
const matching = item("dispute-channels", "matching");
const right = { noise: "committee", wages: "labour", assault: "police" };

describe("feedback", () => {
  it("lists only chosen options that have feedback, never a blank for one without", () => {
    // Option a (the answer) has no feedback; b has.
    expect(gradeItem(single, "a").feedback).toEqual([]);
    // Of a, b, c only c has feedback.
    expect(gradeItem(multiple, ["a", "b"], { multiple: "partial-if-no-wrong" }).feedback).toEqual([]);
    expect(gradeItem(multiple, ["a", "c"], { multiple: "partial-if-no-wrong" }).feedback).toEqual(["人民调解不收费，也就没有交费优先。"]);
  });
});

describe("choice items", () => {
  it("treat an empty string as no answer", () => {
    expect(gradeItem(single, "")).toMatchObject({ score: 0, correctness: "unanswered", feedback: [] });
  });

  it("report the choice detail, and no feedback for true-false and ordering items", () => {
    expect(gradeItem(single, "b").detail).toEqual({ kind: "choice" });
    expect(gradeItem(item("mediation-is-free", "true-false"), true)).toMatchObject({ detail: { kind: "choice" }, feedback: [] });
    expect(gradeItem(item("mediation-is-free", "true-false"), true).detail).toEqual({ kind: "choice" });
    expect(gradeItem(ordering, ["agreement", "accept", "prepare", "session"]).feedback).toEqual([]);
  });
});

describe("multiple choice without a stated rule", () => {
  it("falls back to all-or-nothing when neither the item nor the bank states one", () => {
    const partial = gradeItem(multiple, ["a", "b"]);
    expect(partial).toMatchObject({ score: 0, correctness: "wrong", detail: { rule: "all-or-nothing", correct: 3, chosenCorrect: 2, chosenWrong: 0 } });
    expect(gradeItem(multiple, ["a", "b", "d"])).toMatchObject({ score: 1, correctness: "correct" });
  });

  it("treats a list with a non-string entry as no answer at all", () => {
    // Read as ["a"], it would score 1/3 under proportional-with-penalty.
    expect(gradeItem(multiple, ["a", 1] as never, { multiple: "proportional-with-penalty" })).toMatchObject({
      score: 0,
      correctness: "unanswered",
      detail: { chosenCorrect: 0, chosenWrong: 0 },
    });
  });
});

describe("ordering", () => {
  it("reports a full arrangement kept in order as 3 of 3 pairs, a partial one as its pairs", () => {
    expect(gradeItem(ordering, ["accept", "prepare", "session", "agreement"]).detail).toEqual({ kind: "ordering", rule: "adjacent-pairs", pairs: 3, pairsInOrder: 3 });
    // Not a permutation: no pairs are counted even though accept→prepare→session are in order.
    expect(gradeItem(ordering, ["accept", "prepare", "session"])).toMatchObject({ correctness: "wrong", detail: { pairs: 3, pairsInOrder: 0 } });
  });

  it("treats a list with a non-string step as no answer", () => {
    expect(gradeItem(ordering, ["accept", "prepare", "session", 4] as never)).toMatchObject({ score: 0, correctness: "unanswered" });
  });
});

describe("matching", () => {
  it("marks a partly filled answer as partial, not unanswered", () => {
    expect(gradeItem(matching, { noise: "committee" })).toMatchObject({ correctness: "partial", detail: { matched: 1, prompts: 3 } });
    // A wrong pick for one prompt and nothing else is still an answer.
    expect(gradeItem(matching, { noise: "police" })).toMatchObject({ score: 0, correctness: "wrong" });
  });

  it("reads null as unanswered and a record with a non-string value as no answer, never throws", () => {
    expect(gradeItem(matching, null)).toMatchObject({ score: 0, correctness: "unanswered" });
    // Taken at face value, noise would be matched (1/3).
    expect(gradeItem(matching, { ...right, wages: 7 } as never)).toMatchObject({ score: 0, correctness: "unanswered", detail: { matched: 0 } });
  });

  it("gives the feedback of the options picked for answered prompts", () => {
    const withFeedback = { ...matching, options: matching.options.map((o) => (o.id === "police" ? { ...o, feedback: "有暴力危险，先报警。" } : o)) };
    expect(gradeItem(withFeedback, { noise: "committee", assault: "police" }).feedback).toEqual(["有暴力危险，先报警。"]);
    expect(gradeItem(withFeedback, { noise: "committee" }).feedback).toEqual([]);
  });

  it("all-or-nothing gives 0 to a partial match with the detail still counting it", () => {
    expect(gradeItem(matching, { ...right, assault: "committee" }, { matching: "all-or-nothing" })).toMatchObject({
      score: 0,
      correctness: "wrong",
      detail: { rule: "all-or-nothing", matched: 2, wrongPrompts: ["assault"] },
    });
  });
});

describe("hideAnswers", () => {
  it("empties a matching item's wrong prompts, which would tell the answer", () => {
    const hidden = hideAnswers(gradeItem(matching, { ...right, assault: "committee" }));
    expect(hidden.detail).toEqual({ kind: "matching", rule: "per-pair", prompts: 3, matched: 2, wrongPrompts: [] });
    expect(hidden).not.toHaveProperty("solution");
    expect(hidden).not.toHaveProperty("explanation");
    expect(hidden.score).toBeCloseTo(2 / 3, 4);
  });

  it("leaves other details as they are", () => {
    const graded = gradeItem(multiple, ["a", "c"], { multiple: "proportional-with-penalty" });
    expect(hideAnswers(graded).detail).toEqual({ kind: "multiple", rule: "proportional-with-penalty", correct: 3, chosenCorrect: 1, chosenWrong: 1 });
    expect(hideAnswers(graded).feedback).toEqual([]);
  });
});

describe("gradeAttempt totals", () => {
  const quiz = catalog.quizzes.get("the-session-check")?.quiz as Quiz;

  it("gives a percentage with one decimal and fails below the pass mark", () => {
    // 1 (single) + 2/3 (multiple, partial-if-no-wrong from the bank) + 0 = 1.6667 of 3 = 55.6 % < 60 %.
    const result = gradeAttempt(quiz, catalog, ["who-may-apply", "party-rights", "mediation-is-free"], {
      "who-may-apply": "a",
      "party-rights": ["a", "b"],
      "mediation-is-free": true,
    });
    expect(result).toMatchObject({ score: 1.6667, max: 3, percent: 55.6, passed: false });
    expect(result.items.map((r) => r.correctness)).toEqual(["correct", "partial", "wrong"]);
  });

  it("passes at 2 of 3 (66.7 %) with a pass mark of 60", () => {
    const result = gradeAttempt(quiz, catalog, ["who-may-apply", "mediation-is-free", "agreement-refused"], {
      "who-may-apply": "a",
      "mediation-is-free": false,
      "agreement-refused": "b",
    });
    expect(result).toMatchObject({ score: 2, max: 3, percent: 66.7, passed: true });
  });

  it("gives 0 %, not NaN, for an attempt without items", () => {
    expect(gradeAttempt(quiz, buildCatalog([]), [], {})).toEqual({ quizId: "the-session-check", items: [], score: 0, max: 0, percent: 0, passed: false });
  });
});

describe("passes", () => {
  it("passes exactly at the mark even where the tolerance is lost in rounding", () => {
    // 1e8 + 1e-9 === 1e8 in floating point, so only ≥ (not >) lets the exact score pass.
    expect(passes(1_000_000, 1_000_000, 100)).toBe(true);
    expect(passes(60, 100, 60)).toBe(true);
    expect(passes(1, 1, 0)).toBe(true);
    expect(passes(0, 1, 0)).toBe(true);
  });
});

describe("attempt policy", () => {
  it("allows an attempt while some are left, and always without a limit", () => {
    expect(canStartAttempt({ attempts: 2 }, 1)).toBe(true);
    expect(canStartAttempt({ attempts: 2 }, 2)).toBe(false);
    expect(canStartAttempt({}, 1000)).toBe(true);
    expect(attemptsRemaining({ attempts: 2 }, 0)).toBe(2);
  });
});
