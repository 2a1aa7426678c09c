import { describe, expect, it } from "vitest";
import type { CurriculumFacts } from "../../../src/lib/certification/readiness.ts";
import type { Level } from "../../../src/lib/certification/schema.ts";
import type { QuizCatalog } from "../../../src/lib/quiz/catalog.ts";
import type { Quiz } from "../../../src/lib/quiz/schema.ts";
import { classContextOf } from "../../../src/lib/statistics/class-context.ts";

const facts: CurriculumFacts = {
  courses: {
    basics: { title: "基础", lessons: [{ key: "basics/one", title: "一" }] },
    advanced: { title: "进阶", lessons: [{ key: "advanced/one", title: "一" }] },
  },
  quizzes: {},
  scenarios: {},
  levels: {},
};

/** Only what classContextOf reads: each quiz's id, kind and bank. */
const catalogOf = (quizzes: [id: string, kind: "course-final" | "lesson-check", bank: string][]): QuizCatalog => ({
  banks: new Map(),
  items: new Map(),
  quizzes: new Map(quizzes.map(([id, kind, bank]) => [id, { bank, quiz: { id, kind } as Quiz }])),
});

const level = (id: string, order: number) => ({ id, order, title: id }) as unknown as Level;

describe("the class report's context from checked content", () => {
  // Built inside each test: Stryker credits only code run by a test to that test. Ties come
  // in both orders (in id order, and reversed), so neither a kept nor a reversed order passes.
  const context = () =>
    classContextOf({
      facts,
      catalog: catalogOf([
        ["zz-final", "course-final", "extra"],
        ["adv-final", "course-final", "advanced"],
        ["check", "lesson-check", "basics"],
        ["basics-final-a", "course-final", "basics"],
        ["basics-final-b", "course-final", "basics"],
        ["other-final", "course-final", "elsewhere"],
      ]),
      levels: new Map([
        ["a", level("a", 2)],
        ["b", level("b", 2)],
        ["y", level("y", 3)],
        ["x", level("x", 3)],
        ["z", level("z", 1)],
      ]),
      scenarios: [{ id: "wall" }, { id: "cart" }],
    });

  it("lists course finals in course order, by id within a course, finals of banks without a course last; no lesson checks", () => {
    expect(context().finals).toEqual(["basics-final-a", "basics-final-b", "adv-final", "other-final", "zz-final"]);
  });

  it("orders levels by their order, then by id", () => {
    expect(context().levels.map((l) => l.id)).toEqual(["z", "a", "b", "x", "y"]);
  });

  it("keeps the scenarios in catalogue order and passes the facts on", () => {
    expect(context().scenarios).toEqual(["wall", "cart"]);
    expect(context().facts).toBe(facts);
  });
});
