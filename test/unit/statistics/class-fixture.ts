/** A tiny hand-made bank and class, so every figure in the statistics tests can be worked out on paper. */
import type { ProgressRecord, QuizAttempt } from "../../../src/lib/progress/schema.ts";
import { buildCatalog } from "../../../src/lib/quiz/catalog.ts";
import type { QuizBankFile } from "../../../src/lib/quiz/schema.ts";

export const bank = {
  id: "t-bank",
  title: "测试题库",
  scoring: { multiple: "partial-if-no-wrong" },
  items: [
    {
      id: "q1",
      type: "single",
      points: 1,
      stem: "题一",
      options: [
        { id: "a", text: "甲" },
        { id: "b", text: "乙" },
        { id: "c", text: "丙" },
      ],
      answer: "a",
    },
    { id: "q2", type: "true-false", points: 1, stem: "题二", answer: true },
    {
      id: "q3",
      type: "multiple",
      points: 2,
      stem: "题三",
      options: [
        { id: "a", text: "甲" },
        { id: "b", text: "乙" },
        { id: "c", text: "丙" },
      ],
      answer: ["a", "b"],
    },
  ],
  quizzes: [],
} as unknown as QuizBankFile;

export const catalog = buildCatalog([bank]);

let attemptCount = 0;
export function attempt(quiz: string, answers: QuizAttempt["answers"], started = "2026-05-01T08:00:00.000Z", items = Object.keys(answers)): QuizAttempt {
  attemptCount++;
  return { id: `at-${attemptCount}`, quiz, seed: "s", items, answers, score: 0, max: 1, passed: false, started, finished: started };
}

export function learner(id: string, attempts: QuizAttempt[] = [], extra: Partial<ProgressRecord> = {}): ProgressRecord {
  return {
    version: 2,
    learner: { id, name: `学员${id}`, township: "城关镇", village: "东关村", created: "2026-04-01T00:00:00.000Z", updated: "2026-04-01T00:00:00.000Z" },
    lessons: [],
    attempts,
    runs: [],
    ...extra,
  };
}
