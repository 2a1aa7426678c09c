/**
 * What a quiz page embeds (src/lib/quiz/page-data.ts): only the items the quiz can draw,
 * yet the seeded draw and the grading in the browser are the same as over every bank.
 */
import { describe, expect, test } from "vitest";
import { join } from "node:path";
import { catalogOf, drawableBanks, itemCount, type QuizPageData } from "../../../src/lib/quiz/page-data.ts";
import { answerState, clock, points } from "../../../src/lib/quiz/view.ts";
import { readContentSet } from "../../../src/lib/content/files.ts";
import { knownFromContentSet } from "../../../src/lib/quiz/check.ts";
import { drawQuiz, poolOf } from "../../../src/lib/quiz/draw.ts";
import { checkQuizDir } from "../../../src/lib/quiz/files.ts";
import { gradeAttempt, gradeItem } from "../../../src/lib/quiz/grade.ts";
import type { Response } from "../../../src/lib/quiz/response.ts";
import type { QuizItem } from "../../../src/lib/quiz/schema.ts";

const root = process.cwd();
const { set } = readContentSet({ root, content: join(root, "content") });
const { catalog } = checkQuizDir({ root, quizzes: join(root, "content", "quizzes") }, knownFromContentSet(set));
const quizzes = [...catalog.quizzes.values()];

const pageData = ({ quiz, bank }: (typeof quizzes)[number]): QuizPageData => ({ quiz, bank, banks: drawableBanks(catalog, quiz, bank), provisions: [] });

describe("quiz page data", () => {
  test.each(quizzes.map((q) => [q.quiz.id, q] as const))("%s embeds exactly the items its pools can draw", (_id, entry) => {
    const embedded = pageData(entry).banks.flatMap((b) => b.items.map((i) => i.id));
    const drawable = new Set(entry.quiz.draw.flatMap((rule) => poolOf(rule, entry.bank, catalog).map((c) => c.item.id)));
    expect(new Set(embedded)).toEqual(drawable);
    expect(embedded).toHaveLength(drawable.size);
    expect(embedded.length).toBeLessThan(catalog.items.size);
  });

  test.each(quizzes.map((q) => [q.quiz.id, q] as const))("%s draws and grades the same in the page as over every bank", (_id, entry) => {
    const small = catalogOf(pageData(entry));
    for (let n = 0; n < 40; n++) {
      const seed = `page-${n}`;
      const drawn = drawQuiz(entry.quiz.id, seed, small);
      expect(drawn).toEqual(drawQuiz(entry.quiz.id, seed, catalog));
      expect(drawn.items).toHaveLength(itemCount(entry.quiz));
      // Right answers everywhere: full marks with the page's catalog too.
      const ids = drawn.items.map((i) => i.id);
      const answers: Record<string, Response> = Object.fromEntries(ids.map((id) => [id, gradeItem(catalog.items.get(id)!.item, undefined).solution ?? null]));
      expect(gradeAttempt(entry.quiz, small, ids, answers)).toEqual(gradeAttempt(entry.quiz, catalog, ids, answers));
      expect(gradeAttempt(entry.quiz, small, ids, answers).percent).toBe(100);
    }
  });
});

describe("runner helpers", () => {
  const item = (type: QuizItem["type"]) => [...catalog.items.values()].find((c) => c.item.type === type)!.item;

  test("answerState: ordering counts once moved, matching is partly answered until every prompt is", () => {
    const matching = item("matching") as Extract<QuizItem, { type: "matching" }>;
    const [first, ...rest] = matching.prompts;
    expect(answerState(matching, undefined)).toBe("unanswered");
    expect(answerState(matching, { [first!.id]: matching.options[0]!.id })).toBe(rest.length ? "partly" : "answered");
    expect(answerState(matching, Object.fromEntries(matching.prompts.map((p) => [p.id, matching.options[0]!.id])))).toBe("answered");
    expect(answerState(item("ordering"), undefined)).toBe("unanswered");
    expect(answerState(item("ordering"), ["a", "b"])).toBe("answered");
    expect(answerState(item("multiple"), [])).toBe("unanswered");
    expect(answerState(item("true-false"), false)).toBe("answered");
    expect(answerState(item("single"), null)).toBe("unanswered");
  });

  test("clock and points", () => {
    expect(clock(30 * 60_000)).toBe("30:00");
    expect(clock(59_001)).toBe("1:00");
    expect(clock(-5)).toBe("0:00");
    expect(points(2.6667)).toBe("2.7");
    expect(points(3)).toBe("3");
  });
});
