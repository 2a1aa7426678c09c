/** The catalog keeps the first of two banks, items or quizzes with one id (the checker reports the later one). */
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../../src/lib/quiz/catalog.ts";
import { checkQuizzes } from "../../../src/lib/quiz/check.ts";
import { known, validFiles } from "./check-mutations.ts";

describe("buildCatalog", () => {
  it("keeps the first occurrence of a bank, an item and a quiz id", () => {
    const { banks } = checkQuizzes([...validFiles()].map(([file, text]) => ({ file, text })), known);
    const [core, final] = banks.map((b) => b.data);
    const firstItem = core.items[0];
    const renamed = { ...firstItem, stem: "后来的同号题目" };
    const laterQuiz = { ...final.quizzes[0], id: core.quizzes[0].id, passMark: 99 };
    const catalog = buildCatalog([
      core,
      { ...core, title: "同号题库", items: [] },
      { ...final, items: [renamed], quizzes: [laterQuiz] },
    ]);
    expect(catalog.banks.get("procedure-core")).toHaveLength(core.items.length);
    expect(catalog.items.get(firstItem.id)).toEqual({ bank: "procedure-core", item: firstItem, scoring: core.scoring });
    expect(catalog.banks.get("procedure-final")).toEqual([]);
    expect(catalog.quizzes.get(core.quizzes[0].id)).toEqual({ bank: "procedure-core", quiz: core.quizzes[0] });
  });
});
