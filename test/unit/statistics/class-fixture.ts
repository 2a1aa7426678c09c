/**
 * A tiny hand-made bank and class, so every figure in the statistics tests can be worked out
 * on paper, and the builders the tests share: records, scenario runs, table rows, the context.
 * Builders are functions so that a test can make its fixtures inside itself (Stryker credits
 * only code a test runs to that test).
 */
import { levelSchema, type Level } from "../../../src/lib/certification/schema.ts";
import type { ProgressRecord, QuizAttempt, ScenarioRun } from "../../../src/lib/progress/schema.ts";
import { buildCatalog } from "../../../src/lib/quiz/catalog.ts";
import type { QuizBankFile } from "../../../src/lib/quiz/schema.ts";
import type { ClassLearner } from "../../../src/lib/statistics/class-files.ts";
import type { ClassContext, ClassRow } from "../../../src/lib/statistics/class-table.ts";
import type { ItemAnalysis } from "../../../src/lib/statistics/item-analysis.ts";

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

/** A lesson entry of a record (10 minutes unless told). */
export const lesson = (id: string, key: string, kind: "opened" | "completed", at: string, seconds = 600) => ({ id, lesson: key, kind, at, seconds });

/** A record as loaded from the trainer's files, with no certification application. */
export const asLearner = (record: ProgressRecord, files: string[] = []): ClassLearner => ({ record, files, applications: [] });

let runCount = 0;
/** A scenario run of the given log; ids run-1, run-2 … in the order made. */
export const run = (scenario: string, log: unknown[]): ScenarioRun => ({
  id: `run-${++runCount}`,
  scenario,
  log: log as ScenarioRun["log"],
  path: [],
  ending: "x",
  score: 0,
  max: 1,
  started: "2026-05-01T08:00:00.000Z",
  finished: "2026-05-01T08:10:00.000Z",
});
/** A log of choices, one step per choice id. */
export const choices = (...ids: string[]) => ids.map((choice) => ({ choice }));
/** A learner who played the given runs, and nothing else. */
export const player = (id: string, ...runs: ScenarioRun[]) => learner(id, [], { runs });

/** The first level: the basics course done and its final (quiz t) passed at 50 %. */
export const preJobLevel = (): Level =>
  levelSchema.parse({
    id: "pre-job",
    title: "岗前培训合格",
    summary: "学完基础课程并通过结课测试，就达到自学要求。",
    order: 1,
    requires: { courses: ["basics"], finals: [{ quiz: "t", passMark: 50 }] },
    exam: { id: "pre-job-exam", passMark: 80 },
    validityMonths: 12,
    annualReview: { hours: 10, quiz: { quiz: "t", passMark: 80 } },
  });

/** The class table's context: the basics course of two lessons, its final t, the pre-job level, and the given scenarios (id → title). */
export const classContext = (scenarios: Record<string, string> = {}): ClassContext => ({
  facts: {
    courses: { basics: { title: "基础", lessons: [{ key: "basics/one", title: "一" }, { key: "basics/two", title: "二" }] } },
    quizzes: { t: "基础 · 结课测试" },
    scenarios,
    levels: { "pre-job": "岗前培训合格" },
  },
  levels: [preJobLevel()],
  finals: ["t"],
  scenarios: Object.keys(scenarios),
});

/** A table row made by hand: nothing done, 2 lessons in the course, extra figures as given. */
export const rowOf = (learner: string, extra: Partial<ClassRow>): ClassRow => ({
  learner,
  name: `学员${learner}`,
  township: "城关镇",
  village: "东关村",
  files: [],
  lessonsDone: 0,
  lessonsTotal: 2,
  finals: {},
  scenarios: {},
  ms: 0,
  readiness: {},
  ...extra,
});

/** The figures of one item of a quiz (t unless told), or an error naming it. */
export const itemOf = (analysis: ItemAnalysis, id: string, quiz = "t") => {
  const found = analysis.items.find((i) => i.item === id && i.quiz === quiz);
  if (!found) throw new Error(`no figures for ${quiz}/${id}`);
  return found;
};
