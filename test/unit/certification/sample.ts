/** Hand-built levels, curriculum facts and learner records for the certification tests. */
import type { CurriculumFacts } from "../../../src/lib/certification/readiness.ts";
import { levelSchema, type Level } from "../../../src/lib/certification/schema.ts";
import type { LessonEvent, ProgressRecord, QuizAttempt, ScenarioRun } from "../../../src/lib/progress/schema.ts";

export const facts: CurriculumFacts = {
  courses: {
    basics: { title: "人民调解基础", lessons: [{ key: "basics/one", title: "第一课" }, { key: "basics/two", title: "第二课" }, { key: "basics/three", title: "第三课" }] },
  },
  quizzes: { "basics-final": "基础 · 结课测试" },
  scenarios: { ditch: "排水沟", referral: "分流" },
  levels: { "pre-job": "岗前培训合格", review: "年度复训合格" },
};

export const level: Level = levelSchema.parse({
  id: "pre-job",
  title: "岗前培训合格",
  summary: "测试用的岗前级别，要求一门课。",
  order: 1,
  requires: {
    courses: ["basics"],
    finals: [{ quiz: "basics-final", passMark: 80 }],
    scenarios: [
      { scenario: "ditch", minScore: 20 },
      { scenario: "referral", outcomes: ["correct-referral", "lawful-agreement"] },
    ],
    hours: 2,
  },
  exam: { id: "pre-job-exam", passMark: 80 },
  validityMonths: 12,
  annualReview: { hours: 20, quiz: { quiz: "basics-final", passMark: 80 } },
});

const T0 = Date.parse("2026-03-01T08:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
let n = 0;
const id = () => `e${++n}`;

export const completed = (lesson: string, seconds: number): LessonEvent => ({ id: id(), lesson, kind: "completed", at: at(n), seconds });
export const attempt = (quiz: string, score: number, max: number, minutes = 0, offset = 0): QuizAttempt => ({
  id: id(),
  quiz,
  seed: "s",
  items: [],
  answers: {},
  score,
  max,
  passed: score / max >= 0.6,
  started: at(offset),
  finished: at(offset + minutes),
});
export const run = (scenario: string, score: number, outcome: string, offset = 0): ScenarioRun => ({
  id: id(),
  scenario,
  log: [],
  path: [],
  ending: "end",
  outcome,
  score,
  max: 34,
  started: at(offset),
  finished: at(offset),
});

/** A record meeting every self-study requirement, with study time exactly 2 hours. */
export function allMet(): Pick<ProgressRecord, "lessons" | "attempts" | "runs"> {
  return {
    lessons: [completed("basics/one", 2400), completed("basics/two", 2400), completed("basics/three", 2400)],
    attempts: [attempt("basics-final", 8, 10)],
    runs: [run("ditch", 20, "lawful-agreement", 10), run("referral", 5, "correct-referral", 20)],
  };
}

export function withLearner(entries: Pick<ProgressRecord, "lessons" | "attempts" | "runs">): ProgressRecord {
  return {
    version: 2,
    learner: { id: "Lr0aKq3vV2xY9bC1", name: "张秀兰", township: "城关镇", village: "东关村", created: "2026-02-01T08:00:00.000Z", updated: "2026-02-01T08:00:00.000Z" },
    ...entries,
  };
}
