/**
 * Where a learner stands in the curriculum, for the course list, the course pages and the
 * home page's 继续学习: which lessons are done or started, and which lesson to go on with.
 * Pure: it reads lesson digests (lib/progress/digest.ts) and the curriculum order.
 */

/** A lesson the learner has completed, or opened without completing. Untouched lessons have no state. */
export type LessonState = "done" | "started";

/** The part of a lesson digest these rules read. */
export interface LessonTrace {
  kind: string;
  /** `<course>/<lesson>`. */
  subject: string;
  completed?: boolean;
  /** Latest event time (ISO 8601, so strings compare as times). */
  last: string;
}

/** Each lesson's state, by lesson key; digests of other kinds are ignored. */
export function lessonStates(digests: readonly LessonTrace[]): Map<string, LessonState> {
  const states = new Map<string, LessonState>();
  for (const d of digests) if (d.kind === "lesson") states.set(d.subject, d.completed ? "done" : "started");
  return states;
}

/** How far a course has got: lessons done and started out of its lessons. */
export interface CourseState {
  done: number;
  started: number;
  total: number;
}

export function courseState(lessons: readonly string[], states: ReadonlyMap<string, LessonState>): CourseState {
  let done = 0;
  let started = 0;
  for (const key of lessons) {
    const state = states.get(key);
    if (state === "done") done += 1;
    else if (state === "started") started += 1;
  }
  return { done, started, total: lessons.length };
}

/**
 * The lesson to go on with: the most recently opened lesson not yet done (the learner was
 * in the middle of it), else the first lesson in curriculum order not yet done. Undefined
 * when every lesson is done. `resume` tells the two apart. Lessons no longer in `order`
 * (removed from the curriculum) are never offered.
 */
export function nextLesson(
  order: readonly string[],
  digests: readonly LessonTrace[],
): { key: string; resume: boolean } | undefined {
  const known = new Set(order);
  const states = lessonStates(digests);
  let latest: LessonTrace | undefined;
  for (const d of digests) {
    if (d.kind !== "lesson" || d.completed || !known.has(d.subject)) continue;
    // On a tie the first in the list stays (digests come sorted by subject).
    if (!latest || d.last > latest.last) latest = d;
  }
  if (latest) return { key: latest.subject, resume: true };
  const first = order.find((key) => states.get(key) !== "done");
  return first === undefined ? undefined : { key: first, resume: false };
}
