/**
 * Study time, derived from the record (never stored as a total, so merged records add up
 * right; digest.ts keeps per-subject sums of these same per-entry figures).
 * Lesson time is what the lesson page measured; quizzes and scenarios count from start
 * to finish. Each entry counts at most MAX_COUNTED_SECONDS: a tab left open overnight is
 * not study. Sums are kept in whole milliseconds so that adding in any order is exact.
 */
import type { LessonEvent, ProgressRecord, QuizAttempt, ScenarioRun } from "./schema.ts";

export const MAX_COUNTED_SECONDS = 4 * 3600;

const MAX_COUNTED_MS = MAX_COUNTED_SECONDS * 1000;

const counted = (ms: number) => Math.min(MAX_COUNTED_MS, Math.max(0, Math.round(ms)));
const span = (started: string, finished: string) => counted(Date.parse(finished) - Date.parse(started));

/** The study time one entry counts for, in milliseconds. */
export function entryMilliseconds(
  entry: { kind: "lesson"; value: LessonEvent } | { kind: "attempt"; value: QuizAttempt } | { kind: "run"; value: ScenarioRun },
): number {
  return entry.kind === "lesson" ? counted(entry.value.seconds * 1000) : span(entry.value.started, entry.value.finished);
}

/** Whole seconds from a millisecond sum. */
export const secondsOf = (ms: number): number => Math.round(ms / 1000);

export function studySeconds(record: Pick<ProgressRecord, "lessons" | "attempts" | "runs">): number {
  let ms = 0;
  for (const value of record.lessons) ms += entryMilliseconds({ kind: "lesson", value });
  for (const value of record.attempts) ms += entryMilliseconds({ kind: "attempt", value });
  for (const value of record.runs) ms += entryMilliseconds({ kind: "run", value });
  return secondsOf(ms);
}

/** Whole minutes, for formatMinutes / formatHours in src/lib/curriculum/time.ts. */
export const studyMinutes = (record: Pick<ProgressRecord, "lessons" | "attempts" | "runs">): number =>
  Math.round(studySeconds(record) / 60);

export const studyHours = (record: Pick<ProgressRecord, "lessons" | "attempts" | "runs">): number => studySeconds(record) / 3600;
