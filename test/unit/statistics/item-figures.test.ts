/** The question analysis' figures beyond the flags: item types, first attempts, the rest score, ordering of the output. */
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../../src/lib/quiz/catalog.ts";
import type { QuizBankFile } from "../../../src/lib/quiz/schema.ts";
import { analyseItems } from "../../../src/lib/statistics/item-analysis.ts";
import { attempt, catalog, itemOf, learner } from "./class-fixture.ts";

/** What the fixture bank lacks: a case judgement, a statement that is false, option ids that contain one another, an ordering. */
const otherTypes = buildCatalog([
  {
    id: "u-bank",
    title: "其他题型",
    scoring: {},
    items: [
      {
        id: "cj",
        type: "case-judgement",
        points: 1,
        stem: "调解员应当怎么做？",
        situation: "两户村民因宅基地边界发生争执，一方要求调解员立即表态支持自己。",
        options: [
          { id: "x", text: "当场表态", feedback: "不能先下结论。" },
          { id: "y", text: "先分别听取双方陈述", feedback: "对。" },
          { id: "z", text: "让他们去法院", feedback: "还可以调解。" },
        ],
        answer: "y",
      },
      { id: "tf", type: "true-false", points: 1, stem: "调解必须收费。", answer: false },
      {
        id: "sub",
        type: "single",
        points: 1,
        stem: "先问谁的意愿？",
        options: [
          { id: "ask", text: "只问申请人" },
          { id: "ask-both", text: "分别问双方" },
        ],
        answer: "ask-both",
      },
      {
        id: "ord",
        type: "ordering",
        points: 1,
        stem: "排列调解步骤",
        options: [
          { id: "s1", text: "受理" },
          { id: "s2", text: "调查" },
          { id: "s3", text: "调解" },
        ],
        answer: ["s1", "s2", "s3"],
      },
    ],
    quizzes: [],
  } as unknown as QuizBankFile,
]);

describe("option figures by item type", () => {
  it("counts a case judgement's options like a single choice, keys a false statement's 'false', and gives an ordering no options", () => {
    const analysis = analyseItems(
      [
        learner("A", [attempt("u", { cj: "y", tf: false, ord: ["s1", "s2", "s3"] })]),
        learner("B", [attempt("u", { cj: "x", tf: true, ord: ["s3", "s2", "s1"] })]),
      ],
      otherTypes,
      1,
    );
    // A has everything right (upper group), B nothing (lower group).
    expect(itemOf(analysis, "cj", "u").options).toEqual([
      { option: "x", index: 0, correct: false, chosen: 1, upperChosen: 0, lowerChosen: 1 },
      { option: "y", index: 1, correct: true, chosen: 1, upperChosen: 1, lowerChosen: 0 },
      { option: "z", index: 2, correct: false, chosen: 0, upperChosen: 0, lowerChosen: 0 },
    ]);
    expect(itemOf(analysis, "tf", "u").options).toEqual([
      { option: "true", index: 0, correct: false, chosen: 1, upperChosen: 0, lowerChosen: 1 },
      { option: "false", index: 1, correct: true, chosen: 1, upperChosen: 1, lowerChosen: 0 },
    ]);
    expect(itemOf(analysis, "ord", "u")).toMatchObject({ type: "ordering", attempts: 2, answered: 2, facility: 0.5, options: [] });
  });

  it("keys only the option whose id is the answer, not one whose id is part of it", () => {
    const analysis = analyseItems([learner("A", [attempt("u", { sub: "ask" })])], otherTypes, 1);
    expect(itemOf(analysis, "sub", "u").options.map((o) => [o.option, o.correct, o.chosen])).toEqual([
      ["ask", false, 1],
      ["ask-both", true, 0],
    ]);
    expect(itemOf(analysis, "sub", "u").facility).toBe(0);
  });
});

describe("first attempts", () => {
  const at = (id: string, started: string, q1: string) => ({ ...attempt("t", { q1 }, started), id });

  it("takes the earliest start whatever the order of the record", () => {
    for (const attempts of [
      [at("x1", "2026-05-01T08:00:00.000Z", "a"), at("x2", "2026-05-02T08:00:00.000Z", "b")],
      [at("x2", "2026-05-02T08:00:00.000Z", "b"), at("x1", "2026-05-01T08:00:00.000Z", "a")],
      // Entry ids are not in time order: a later attempt may have the smaller id.
      [at("x9", "2026-05-01T08:00:00.000Z", "a"), at("x1", "2026-05-02T08:00:00.000Z", "b")],
    ]) {
      expect(itemOf(analyseItems([learner("L", attempts)], catalog, 1), "q1").facility).toBe(1);
    }
  });

  it("takes the smaller attempt id when two started at the same moment", () => {
    const same = "2026-05-01T08:00:00.000Z";
    for (const attempts of [
      [at("at-a", same, "a"), at("at-b", same, "b")],
      [at("at-b", same, "b"), at("at-a", same, "a")],
    ]) {
      const analysis = analyseItems([learner("L", attempts)], catalog, 1);
      expect(itemOf(analysis, "q1")).toMatchObject({ attempts: 1, facility: 1 });
      expect(analysis.quizzes[0]).toMatchObject({ learners: 1, scores: [1] });
    }
  });
});

describe("the rest score and the groups", () => {
  it("leaves an item shown alone out of the correlation, and takes the rest as a share of the other items' points", () => {
    const analysis = analyseItems(
      [
        learner("A", [attempt("t", { q1: "a" })]), // q1 alone: no rest
        learner("B", [attempt("t", { q1: "a", q3: ["a"] })]), // q1 right, rest 1 of 2 points
        learner("C", [attempt("t", { q1: "b", q2: true })]), // wrong, rest 1 of 1
        learner("D", [attempt("t", { q1: "c", q3: ["c"] })]), // wrong, rest 0 of 2
        learner("E", [attempt("t", { q1: "a", q2: true })]), // right, rest 1 of 1
      ],
      catalog,
      1,
    );
    // Over B–E: q1 1,0,0,1 and rest ½,1,0,1 → sxy = ¼, sxx = 1, syy = 11/16, r = 1/√11.
    const q1 = itemOf(analysis, "q1");
    expect(q1.attempts).toBe(5);
    expect(q1.itemRest).toBeCloseTo(1 / Math.sqrt(11), 12);
  });

  it("ranks learners by their share of the attempt, however many items it showed", () => {
    // A 1 of 1, F 3 of 4, G 0 of 2: upper A, lower G (one each of three).
    const analysis = analyseItems(
      [
        learner("A", [attempt("t", { q1: "a" })]),
        learner("F", [attempt("t", { q1: "b", q2: true, q3: ["a", "b"] })]),
        learner("G", [attempt("t", { q1: "c", q2: false })]),
      ],
      catalog,
      1,
    );
    expect(itemOf(analysis, "q1").options.map((o) => [o.option, o.upperChosen, o.lowerChosen])).toEqual([
      ["a", 1, 0],
      ["b", 0, 0],
      ["c", 0, 1],
    ]);
    expect(itemOf(analysis, "q1").upperLower).toBe(1);
  });

  it("with two learners puts one in each group", () => {
    const q1 = itemOf(analyseItems([learner("A", [attempt("t", { q1: "a", q2: true })]), learner("B", [attempt("t", { q1: "b", q2: false })])], catalog, 1), "q1");
    expect(q1.upperLower).toBe(1);
    expect(q1.options.map((o) => [o.upperChosen, o.lowerChosen])).toEqual([
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
  });

  it("with one learner puts nobody in either group", () => {
    const q1 = itemOf(analyseItems([learner("A", [attempt("t", { q1: "b", q2: true })])], catalog, 1), "q1");
    expect(q1.options.map((o) => [o.chosen, o.upperChosen, o.lowerChosen])).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 0, 0],
    ]);
  });

  it("gives upper minus lower, not their sum", () => {
    // Three learners, groups of one: upper A (3 of 4), lower C (1 of 4), both right on q1: 1 − 1.
    const q1 = itemOf(
      analyseItems(
        [
          learner("A", [attempt("t", { q1: "a", q2: true, q3: ["a"] })]),
          learner("B", [attempt("t", { q1: "b", q2: true, q3: ["a"] })]),
          learner("C", [attempt("t", { q1: "a", q2: false, q3: ["c"] })]),
        ],
        catalog,
        1,
      ),
      "q1",
    );
    expect(q1.upperLower).toBe(0);
  });
});

describe("what the analysis lists, and in which order", () => {
  it("sorts quizzes, items and unknown items by id, and skips an attempt with no item left in the banks", () => {
    const analysis = analyseItems(
      [
        learner("A", [attempt("z", { q2: true, q1: "a" }), attempt("m", { gone2: "x", gone1: "y" })]),
        learner("B", [attempt("m", { q1: "b" })]),
      ],
      catalog,
      1,
    );
    expect(analysis.quizzes).toEqual([
      { quiz: "m", learners: 1, meanScore: 0, scores: [0] },
      { quiz: "z", learners: 1, meanScore: 1, scores: [1] },
    ]);
    expect(analysis.items.map((i) => [i.quiz, i.item, i.attempts])).toEqual([
      ["m", "q1", 1],
      ["z", "q1", 1],
      ["z", "q2", 1],
    ]);
    expect(analysis.unknownItems).toEqual(["gone1", "gone2"]);
  });
});
