/**
 * A reference to one learning objective of a lesson: `<course>/<lesson>#<n>`, where n is
 * the objective's 1-based position in the lesson's `objectives` list
 * (`procedure/starting-mediation#2` is the second). Quiz items name the objective they
 * test this way. Positions are stable as long as a lesson's list is only appended to;
 * reordering or deleting an objective changes what the later numbers mean, and the
 * checker then reports references beyond the end of the list.
 */
import { LESSON_KEY } from "../id-patterns.ts";

/** The written form, for schemas: `procedure/starting-mediation#2`. */
export const OBJECTIVE_REF = new RegExp(`^${LESSON_KEY.source.slice(1, -1)}#[1-9]\\d*$`);

export interface ObjectiveRef {
  /** `<course>/<lesson>`. */
  lesson: string;
  /** 1-based position in the lesson's objectives. */
  n: number;
}

/** The lesson and position of a reference, or undefined when it is not written as `<course>/<lesson>#<n>`. */
export function parseObjectiveRef(ref: string): ObjectiveRef | undefined {
  if (!OBJECTIVE_REF.test(ref)) return undefined;
  const hash = ref.indexOf("#");
  return { lesson: ref.slice(0, hash), n: Number(ref.slice(hash + 1)) };
}

/** `<course>/<lesson>#<n>`. */
export const objectiveRef = (lesson: string, n: number): string => `${lesson}#${n}`;
