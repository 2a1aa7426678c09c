import { describe, expect, it } from "vitest";
import { analyseItems } from "../../../src/lib/statistics/item-analysis.ts";
import { attempt, catalog, itemOf, learner } from "./class-fixture.ts";

// Worked on paper: q1 shares 1,1,0,0 and rest (q2) 1,1,0,1 → r = 0.5 / √0.75 = 1/√3.
const classOfFour = () => [
  learner("L1", [attempt("t", { q1: "a", q2: true })]),
  learner("L2", [attempt("t", { q1: "a", q2: true })]),
  learner("L3", [attempt("t", { q1: "b", q2: false })]),
  learner("L4", [attempt("t", { q1: "c", q2: true })]),
];

describe("question analysis", () => {
  it("gives facility, item–rest correlation and upper–lower difference as worked out by hand", () => {
    const analysis = analyseItems(classOfFour(), catalog, 1);
    const q1 = itemOf(analysis, "q1");
    expect(q1).toMatchObject({ quiz: "t", attempts: 4, answered: 4, facility: 0.5, upperLower: 1 });
    expect(q1.itemRest).toBeCloseTo(1 / Math.sqrt(3), 10);
    const q2 = itemOf(analysis, "q2");
    expect(q2.facility).toBe(0.75);
    expect(q2.itemRest).toBeCloseTo(1 / Math.sqrt(3), 10);
    // Upper group L1 (total 1, wins the tie with L2 by id), lower group L3 (total 0).
    expect(q1.options).toEqual([
      { option: "a", index: 0, correct: true, chosen: 2, upperChosen: 1, lowerChosen: 0 },
      { option: "b", index: 1, correct: false, chosen: 1, upperChosen: 0, lowerChosen: 1 },
      { option: "c", index: 2, correct: false, chosen: 1, upperChosen: 0, lowerChosen: 0 },
    ]);
    expect(q2.options.map((o) => [o.option, o.correct, o.chosen])).toEqual([
      ["true", true, 3],
      ["false", false, 1],
    ]);
    expect(analysis.quizzes).toEqual([{ quiz: "t", learners: 4, meanScore: 0.625, scores: [1, 1, 0, 0.5] }]);
  });

  it("does not depend on the order of the files", () => {
    const forward = analyseItems(classOfFour(), catalog, 1);
    const backward = analyseItems(classOfFour().reverse(), catalog, 1);
    expect(backward.items).toEqual(forward.items);
  });

  it("breaks ties at the group boundary by learner, whatever the order", () => {
    // A and B both score 3 of 4; one place in the upper group (round(4 × 0.27) = 1): A, by id.
    const four = [
      learner("B", [attempt("t", { q1: "b", q2: true, q3: ["a", "b"] })]),
      learner("C", [attempt("t", { q1: "c", q2: false, q3: ["c"] })]),
      learner("A", [attempt("t", { q1: "a", q2: false, q3: ["a", "b"] })]),
      learner("D", [attempt("t", { q1: "c", q2: true, q3: [] })]),
    ];
    for (const order of [four, [...four].reverse()]) {
      const q1 = itemOf(analyseItems(order, catalog, 1), "q1");
      expect(q1.options.map((o) => [o.option, o.upperChosen, o.lowerChosen])).toEqual([
        ["a", 1, 0],
        ["b", 0, 0],
        ["c", 0, 1],
      ]);
    }
  });

  it("counts partial credit as a share of the item's points", () => {
    const analysis = analyseItems(
      [learner("L1", [attempt("t", { q3: ["a"] })]), learner("L2", [attempt("t", { q3: ["a", "b"] })]), learner("L3", [attempt("t", { q3: ["a", "c"] })])],
      catalog,
      1,
    );
    // partial-if-no-wrong: ½, 1, 0 (a wrong option chosen).
    expect(itemOf(analysis, "q3").facility).toBe(0.5);
    expect(itemOf(analysis, "q3").options.map((o) => o.chosen)).toEqual([3, 1, 1]);
  });

  it("counts an item nobody answered as shown, unanswered, facility 0", () => {
    const analysis = analyseItems([learner("L1", [attempt("t", { q2: true }, undefined, ["q1", "q2"])]), learner("L2", [attempt("t", { q2: false }, undefined, ["q1", "q2"])])], catalog, 1);
    expect(itemOf(analysis, "q1")).toMatchObject({ attempts: 2, answered: 0, facility: 0, itemRest: undefined });
    expect(itemOf(analysis, "q1").options.every((o) => o.chosen === 0)).toBe(true);
  });

  it("with one learner gives facility but no discrimination", () => {
    const q1 = itemOf(analyseItems([learner("L1", [attempt("t", { q1: "a", q2: true })])], catalog, 1), "q1");
    expect(q1).toMatchObject({ attempts: 1, facility: 1, itemRest: undefined, upperLower: undefined });
  });

  it("with everyone right has no correlation to compute and flags the item as too easy", () => {
    const all = ["A", "B", "C"].map((id, i) => learner(id, [attempt("t", { q1: "a", q2: i > 0 })]));
    const q1 = itemOf(analyseItems(all, catalog, 3), "q1");
    expect(q1.itemRest).toBeUndefined();
    expect(q1.flags).toEqual([{ code: "too-easy" }]);
  });

  it("uses each learner's first attempt only, and counts learners once", () => {
    const again = learner("L1", [attempt("t", { q1: "a", q2: true }, "2026-05-02T08:00:00.000Z"), attempt("t", { q1: "b", q2: false }, "2026-05-01T08:00:00.000Z")]);
    const analysis = analyseItems([again], catalog, 1);
    expect(itemOf(analysis, "q1")).toMatchObject({ attempts: 1, facility: 0 });
    expect(analysis.quizzes[0].learners).toBe(1);
  });

  it("lists items no longer in the banks and leaves them out of the scores", () => {
    const analysis = analyseItems([learner("L1", [attempt("t", { q1: "a", gone: "x" })])], catalog, 1);
    expect(analysis.unknownItems).toEqual(["gone"]);
    expect(analysis.quizzes[0].scores).toEqual([1]);
  });

  it("flags too hard, negative discrimination and a wrong option the strong learners prefer", () => {
    // Strong learners (q2 right) pick b on q1; weak ones pick a, the key.
    const strong = ["S1", "S2", "S3", "S4", "S5"].map((id) => learner(id, [attempt("t", { q1: "b", q2: true, q3: ["a", "b"] })]));
    const weak = ["W1", "W2", "W3", "W4", "W5"].map((id) => learner(id, [attempt("t", { q1: "a", q2: false, q3: ["c"] })]));
    const q1 = itemOf(analyseItems([...strong, ...weak], catalog, 10), "q1");
    expect(q1.facility).toBe(0.5);
    expect(q1.flags).toEqual([{ code: "negative-discrimination" }, { code: "misleading-option", option: "b", index: 1 }]);
    const hard = ["H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9", "H10"].map((id, i) => learner(id, [attempt("t", { q1: i < 2 ? "a" : "c", q2: i < 5 })]));
    expect(itemOf(analyseItems(hard, catalog, 10), "q1").flags).toEqual([{ code: "too-hard" }]);
  });

  it("flags nothing below the minimum number of answers", () => {
    const all = ["A", "B", "C"].map((id) => learner(id, [attempt("t", { q1: "a", q2: true })]));
    expect(itemOf(analyseItems(all, catalog), "q1").flags).toEqual([]);
  });
});
