/**
 * What 我的学习 shows, derived from a learner's record and the curriculum outline: course
 * completion, lessons done, study time, best quiz scores, scenario results and the next
 * recommended step. It works from the learner's digests (digest.ts: the store keeps them,
 * and `digestRecord` makes them from a whole record), so a long history costs nothing here.
 */
import { nextLesson } from "../curriculum/lesson-states.ts";
import type { Digest } from "./digest.ts";
import { secondsOf } from "./hours.ts";

export interface OutlineLesson {
  /** `<course>/<lesson>`. */
  key: string;
  title: string;
  url: string;
}

export interface OutlineCourse {
  id: string;
  title: string;
  url: string;
  lessons: OutlineLesson[];
}

export interface CourseProgress {
  id: string;
  title: string;
  url: string;
  done: number;
  total: number;
  /** 0–100, whole numbers. */
  percent: number;
}

export interface QuizSummary {
  quiz: string;
  attempts: number;
  bestScore: number;
  max: number;
  passed: boolean;
  last: string;
}

export interface ScenarioSummary {
  scenario: string;
  runs: number;
  bestScore: number;
  max: number;
  lastOutcome?: string;
  last: string;
}

export interface ProgressSummary {
  courses: CourseProgress[];
  lessonsDone: number;
  lessonsTotal: number;
  studyMinutes: number;
  quizzes: QuizSummary[];
  scenarios: ScenarioSummary[];
  /**
   * The lesson to go on with, by the same rule as the home page's 继续学习 (curriculum
   * nextLesson): the lesson last opened and not finished, else the first not done in course
   * order. Undefined when all are done.
   */
  next?: OutlineLesson & { course: string };
}

export function summarise(digests: readonly Digest[], outline: readonly OutlineCourse[]): ProgressSummary {
  const completed = new Set(digests.filter((d) => d.kind === "lesson" && d.completed).map((d) => d.subject));
  const courses = outline.map((course) => {
    const done = course.lessons.filter((l) => completed.has(l.key)).length;
    const total = course.lessons.length;
    return { id: course.id, title: course.title, url: course.url, done, total, percent: total ? Math.round((done / total) * 100) : 0 };
  });
  const goOn = nextLesson(
    outline.flatMap((c) => c.lessons.map((l) => l.key)),
    digests.filter((d) => d.kind === "lesson"),
  );
  const nextCourse = goOn && outline.find((c) => c.lessons.some((l) => l.key === goOn.key));
  const next = nextCourse?.lessons.find((l) => l.key === goOn!.key);
  const ms = digests.reduce((sum, d) => sum + d.ms, 0);
  const quizzes: QuizSummary[] = [];
  const scenarios: ScenarioSummary[] = [];
  for (const d of digests) {
    if (d.kind === "quiz") quizzes.push({ quiz: d.subject, attempts: d.attempts, bestScore: d.bestScore, max: d.max, passed: d.passed, last: d.last });
    if (d.kind === "scenario") scenarios.push({ scenario: d.subject, runs: d.runs, bestScore: d.bestScore, max: d.max, lastOutcome: d.lastOutcome, last: d.last });
  }
  // Most recent first: what the learner did last is what they look for.
  quizzes.sort((a, b) => (a.last < b.last ? 1 : a.last > b.last ? -1 : 0));
  scenarios.sort((a, b) => (a.last < b.last ? 1 : a.last > b.last ? -1 : 0));
  return {
    courses,
    lessonsDone: courses.reduce((n, c) => n + c.done, 0),
    lessonsTotal: courses.reduce((n, c) => n + c.total, 0),
    studyMinutes: Math.round(secondsOf(ms) / 60),
    quizzes,
    scenarios,
    next: nextCourse && next ? { ...next, course: nextCourse.title } : undefined,
  };
}

export interface AttemptRow {
  id: string;
  /** When it was handed in (ISO). */
  finished: string;
  score: number;
  max: number;
  passed: boolean;
}

/**
 * One quiz's attempts for 我的学习's history list, newest first, at most `limit` (the
 * total is `attempts` of the quiz's summary). Read on demand from the whole record: only
 * when the learner opens the list.
 */
export function attemptHistory(attempts: readonly { id: string; quiz: string; finished: string; score: number; max: number; passed: boolean }[], quiz: string, limit = 50): AttemptRow[] {
  return attempts
    .filter((a) => a.quiz === quiz)
    .sort((a, b) => (a.finished < b.finished ? 1 : a.finished > b.finished ? -1 : a.id.localeCompare(b.id)))
    .slice(0, limit)
    .map(({ id, finished, score, max, passed }) => ({ id, finished, score, max, passed }));
}
