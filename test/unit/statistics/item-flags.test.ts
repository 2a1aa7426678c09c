/**
 * The flags of the question analysis at their exact boundaries, each case small enough to
 * work out on paper. Bank (class-fixture.ts): q1 single (1 point, key a), q2 true-false
 * (1 point, key true), q3 multiple (2 points, key a+b, half credit for a alone).
 */
import { describe, expect, it } from "vitest";
import type { QuizAttempt } from "../../../src/lib/progress/schema.ts";
import { analyseItems, MIN_ANSWERS_FOR_FLAGS } from "../../../src/lib/statistics/item-analysis.ts";
import { attempt, catalog, itemOf, learner } from "./class-fixture.ts";

/** One learner per answer sheet, ids A, B, C … in order (ids break ties in the groups). */
const classOf = (sheets: QuizAttempt["answers"][]) => sheets.map((answers, i) => learner(String.fromCharCode(65 + i), [attempt("t", answers)]));
const repeat = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

const figures = (sheets: QuizAttempt["answers"][], item: string, minAnswers?: number) => itemOf(analyseItems(classOf(sheets), catalog, minAnswers), item);

describe("too easy and too hard, at the thresholds", () => {
  it("does not flag a facility of exactly 0.9 as too easy, but flags 1", () => {
    // 9 of 10 right. Rest (q2) is 1 for all: no item–rest correlation.
    // Upper group A, B, C (all right); lower H, I, J (J wrong): upper–lower 1 − 2/3.
    const nineOfTen = figures([...repeat(9, { q1: "a", q2: true }), { q1: "b", q2: true }], "q1");
    expect(nineOfTen.attempts).toBe(MIN_ANSWERS_FOR_FLAGS);
    expect(nineOfTen.facility).toBe(0.9);
    expect(nineOfTen.itemRest).toBeUndefined();
    expect(nineOfTen.upperLower).toBeCloseTo(1 / 3, 12);
    expect(nineOfTen.flags).toEqual([]);
    // All 10 right: too easy; upper–lower is 0, which is no negative discrimination.
    const all = figures(repeat(10, { q1: "a", q2: true }), "q1");
    expect(all).toMatchObject({ facility: 1, itemRest: undefined, upperLower: 0 });
    expect(all.flags).toEqual([{ code: "too-easy" }]);
  });

  it("does not flag a facility of exactly 0.3 as too hard", () => {
    // A, B, C right (total 1), the other seven pick c (total ½): upper A–C, lower H–J.
    const threeOfTen = figures([...repeat(3, { q1: "a", q2: true }), ...repeat(7, { q1: "c", q2: true })], "q1");
    expect(threeOfTen).toMatchObject({ facility: 0.3, itemRest: undefined, upperLower: 1 });
    expect(threeOfTen.options.map((o) => [o.option, o.upperChosen, o.lowerChosen])).toEqual([
      ["a", 3, 0],
      ["b", 0, 0],
      ["c", 0, 3],
    ]);
    expect(threeOfTen.flags).toEqual([]);
  });

  it("flags with exactly the minimum number of answers, and not with one fewer", () => {
    const sheets = repeat(MIN_ANSWERS_FOR_FLAGS, { q1: "c", q2: true });
    expect(figures(sheets, "q1").flags).toEqual([{ code: "too-hard" }]);
    expect(figures(sheets.slice(1), "q1").flags).toEqual([]);
    // A smaller minimum given by the caller counts the same way.
    expect(figures(sheets.slice(0, 4), "q1", 4).flags).toEqual([{ code: "too-hard" }]);
    expect(figures(sheets.slice(0, 3), "q1", 4).flags).toEqual([]);
  });
});

describe("negative discrimination", () => {
  it("flags a negative item–rest correlation even when the groups do not differ", () => {
    // q1 right exactly when q2 is wrong: r = −1. Every total is ½, so the groups are A (upper)
    // and D (lower) by id, both right on q1: upper–lower 0.
    const q1 = figures(
      [
        { q1: "a", q2: false },
        { q1: "b", q2: true },
        { q1: "b", q2: true },
        { q1: "a", q2: false },
      ],
      "q1",
      4,
    );
    expect(q1).toMatchObject({ facility: 0.5, itemRest: -1, upperLower: 0 });
    expect(q1.flags).toEqual([{ code: "negative-discrimination" }]);
  });

  it("flags a lower facility in the upper group even when the item–rest correlation is not negative", () => {
    // Totals (of 4 points): E 4; A, B, C, D, F 1 each, ranked by id. Upper E, A (q1 right, wrong);
    // lower D, F (both right): upper–lower ½ − 1. Item–rest: q1 = 0,0,0,1,1,1 against rest
    // ⅓,⅓,⅓,0,1,0 (mean ⅓) is exactly 0 on paper.
    const q1 = figures(
      [
        { q1: "c", q2: true, q3: ["c"] },
        { q1: "b", q2: false, q3: ["a"] },
        { q1: "c", q2: true, q3: [] },
        { q1: "a", q2: false, q3: ["c"] },
        { q1: "a", q2: true, q3: ["a", "b"] },
        { q1: "a", q2: false, q3: ["c"] },
      ],
      "q1",
      6,
    );
    expect(q1.upperLower).toBe(-0.5);
    expect(Math.abs(q1.itemRest as number)).toBeLessThan(1e-12);
    expect(q1.flags).toEqual([{ code: "negative-discrimination" }]);
  });

  it("does not flag an item–rest correlation of exactly 0", () => {
    // q1 1,1,0,0 against q2 1,0,1,0: no covariance at all. Upper A (right), lower D (wrong).
    const q1 = figures(
      [
        { q1: "a", q2: true },
        { q1: "a", q2: false },
        { q1: "b", q2: true },
        { q1: "c", q2: false },
      ],
      "q1",
      4,
    );
    expect(q1).toMatchObject({ facility: 0.5, itemRest: 0, upperLower: 1 });
    expect(q1.flags).toEqual([]);
  });
});

describe("misleading options", () => {
  // Ten learners, groups of three. Upper: C (4 of 4) and A, B (3 of 4, wrong on q1);
  // middle D–G (2 of 4, right on q1); lower H, I, J (0 of 4, option c).
  const middle = repeat(4, { q1: "a", q2: false, q3: ["a"] });
  const lower = repeat(3, { q1: "c", q2: false, q3: ["c"] });
  const top = { q1: "a", q2: true, q3: ["a", "b"] };

  it("flags a wrong option the upper group chose exactly two times more than the lower group", () => {
    const q1 = figures([{ q1: "b", q2: true, q3: ["a", "b"] }, { q1: "b", q2: true, q3: ["a", "b"] }, top, ...middle, ...lower], "q1");
    expect(q1.options.map((o) => [o.option, o.chosen, o.upperChosen, o.lowerChosen])).toEqual([
      ["a", 5, 1, 0],
      ["b", 2, 2, 0],
      ["c", 3, 0, 3],
    ]);
    expect(q1.upperLower).toBeCloseTo(1 / 3, 12);
    expect(q1.flags).toEqual([{ code: "misleading-option", option: "b", index: 1 }]);
  });

  it("does not flag a margin of one learner", () => {
    const q1 = figures([{ q1: "b", q2: true, q3: ["a", "b"] }, { q1: "c", q2: true, q3: ["a", "b"] }, top, ...middle, ...lower], "q1");
    expect(q1.options.map((o) => [o.option, o.upperChosen, o.lowerChosen])).toEqual([
      ["a", 1, 0],
      ["b", 1, 0],
      ["c", 1, 3],
    ]);
    expect(q1.flags).toEqual([]);
  });

  it("asks a margin of a tenth of the group, rounded up, once the groups pass 20", () => {
    // 78 learners: groups of round(78 × 0.27) = 21, margin ceil(2.1) = 3.
    const withB = (k: number) => [
      ...repeat(k, { q1: "b", q2: true, q3: ["a", "b"] }),
      ...repeat(21 - k, top),
      ...repeat(36, { q1: "a", q2: false, q3: ["a"] }),
      ...repeat(21, { q1: "c", q2: false, q3: ["c"] }),
    ];
    const two = figures(withB(2), "q1");
    expect(two.options[1]).toMatchObject({ option: "b", upperChosen: 2, lowerChosen: 0 });
    expect(two.options[2]).toMatchObject({ option: "c", upperChosen: 0, lowerChosen: 21 });
    expect(two.flags).toEqual([]);
    const three = figures(withB(3), "q1");
    expect(three.options[1]).toMatchObject({ option: "b", upperChosen: 3, lowerChosen: 0 });
    expect(three.flags).toEqual([{ code: "misleading-option", option: "b", index: 1 }]);
  });
});

describe("a correlation that is zero on paper", () => {
  it("is 0, not rounding dust below it, so the item is not flagged as discriminating negatively", () => {
    // q3's item–rest correlation over these twelve sheets is exactly 0 worked by hand; in
    // floating point the covariance came out as −3e-17 and raised a false flag.
    const six = [
      { q1: "b", q2: true, q3: ["c"] },
      { q1: "b", q2: false, q3: ["c"] },
      { q1: "c", q2: false, q3: ["c"] },
      { q1: "c", q2: false, q3: ["a"] },
      { q1: "c", q2: false, q3: ["a", "b"] },
      { q1: "a", q2: true, q3: ["a"] },
    ];
    const q3 = figures([...six, ...six], "q3");
    expect(q3.itemRest).toBe(0);
    expect(q3.upperLower).toBeGreaterThan(0);
    expect(q3.flags).toEqual([]);
  });
});
