/**
 * What 我的学习 shows, derived from a learner's record and the curriculum outline: course
 * completion, lessons done, study time, best quiz scores, scenario results and the next
 * recommended step. Nothing here is stored; it is recomputed from the record.
 */
import { studyMinutes } from "./hours.ts";
import type { ProgressRecord } from "./schema.ts";

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
  /** The first lesson, in course order, not yet completed; undefined when all are done. */
  next?: OutlineLesson & { course: string };
}

export function summarise(record: Pick<ProgressRecord, "lessons" | "attempts" | "runs">, outline: readonly OutlineCourse[]): ProgressSummary {
  const completed = new Set(record.lessons.filter((e) => e.kind === "completed").map((e) => e.lesson));
  const courses = outline.map((course) => {
    const done = course.lessons.filter((l) => completed.has(l.key)).length;
    const total = course.lessons.length;
    return { id: course.id, title: course.title, url: course.url, done, total, percent: total ? Math.round((done / total) * 100) : 0 };
  });
  const nextCourse = outline.find((c) => c.lessons.some((l) => !completed.has(l.key)));
  const nextLesson = nextCourse?.lessons.find((l) => !completed.has(l.key));

  const quizzes = new Map<string, QuizSummary>();
  for (const a of record.attempts) {
    const s = quizzes.get(a.quiz);
    const better = !s || a.score / a.max > s.bestScore / s.max;
    quizzes.set(a.quiz, {
      quiz: a.quiz,
      attempts: (s?.attempts ?? 0) + 1,
      bestScore: better ? a.score : s.bestScore,
      max: better ? a.max : s.max,
      passed: (s?.passed ?? false) || a.passed,
      last: !s || a.finished > s.last ? a.finished : s.last,
    });
  }
  const scenarios = new Map<string, ScenarioSummary>();
  for (const r of record.runs) {
    const s = scenarios.get(r.scenario);
    const better = !s || (r.max ? r.score / r.max : 0) > (s.max ? s.bestScore / s.max : 0);
    const later = !s || r.finished > s.last;
    scenarios.set(r.scenario, {
      scenario: r.scenario,
      runs: (s?.runs ?? 0) + 1,
      bestScore: better ? r.score : s.bestScore,
      max: better ? r.max : s.max,
      lastOutcome: later ? r.outcome : s.lastOutcome,
      last: later ? r.finished : s.last,
    });
  }
  const lessonsTotal = outline.reduce((n, c) => n + c.lessons.length, 0);
  return {
    courses,
    lessonsDone: outline.reduce((n, c) => n + c.lessons.filter((l) => completed.has(l.key)).length, 0),
    lessonsTotal,
    studyMinutes: studyMinutes(record),
    quizzes: [...quizzes.values()],
    scenarios: [...scenarios.values()],
    next: nextCourse && nextLesson ? { ...nextLesson, course: nextCourse.title } : undefined,
  };
}
