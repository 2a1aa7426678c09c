/**
 * Study time, derived from the record (never stored, so merged records add up right).
 * Lesson time is what the lesson page measured; quizzes and scenarios count from start
 * to finish. Each entry counts at most MAX_COUNTED_SECONDS: a tab left open overnight is
 * not study.
 */
import type { ProgressRecord } from "./schema.ts";

export const MAX_COUNTED_SECONDS = 4 * 3600;

const counted = (seconds: number) => Math.min(MAX_COUNTED_SECONDS, Math.max(0, seconds));
const span = (started: string, finished: string) => counted((Date.parse(finished) - Date.parse(started)) / 1000);

export function studySeconds(record: Pick<ProgressRecord, "lessons" | "attempts" | "runs">): number {
  const lessons = record.lessons.reduce((sum, e) => sum + counted(e.seconds), 0);
  const quizzes = record.attempts.reduce((sum, a) => sum + span(a.started, a.finished), 0);
  const scenarios = record.runs.reduce((sum, r) => sum + span(r.started, r.finished), 0);
  return Math.round(lessons + quizzes + scenarios);
}

/** Whole minutes, for formatMinutes / formatHours in src/lib/curriculum/time.ts. */
export const studyMinutes = (record: Pick<ProgressRecord, "lessons" | "attempts" | "runs">): number =>
  Math.round(studySeconds(record) / 60);

export const studyHours = (record: Pick<ProgressRecord, "lessons" | "attempts" | "runs">): number => studySeconds(record) / 3600;
