/**
 * The ids a single file may refer to, as the build publishes them for the preview page
 * (`/authoring/preview/known.json`): provisions, lessons, courses and how many learning
 * objectives each lesson has. Only ids and counts travel; the preview rebuilds the
 * checker's KnownContent from them. No schema library: this module ships in the
 * preview's checker chunk and at build time.
 */
import type { KnownContent } from "../quiz/check.ts";

export interface KnownIds {
  /** `rmtjf-28`. */
  provisions: string[];
  /** `<course>/<lesson>`. */
  lessons: string[];
  courses: string[];
  /** `<course>/<lesson>` → number of its learning objectives. */
  objectives: Record<string, number>;
}

/** What the build writes: the checker's KnownContent reduced to ids and counts, sorted. */
export function knownIds(known: KnownContent): KnownIds {
  const sorted = (ids: Iterable<string>) => [...ids].sort();
  const objectives: Record<string, number> = {};
  for (const [lesson, list] of [...(known.objectives ?? [])].sort(([a], [b]) => a.localeCompare(b))) objectives[lesson] = list.length;
  return { provisions: sorted(known.provisions), lessons: sorted(known.lessons), courses: sorted(known.courses), objectives };
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");

/**
 * KnownContent from the published JSON, or undefined when it is not that shape (a stale
 * or broken download must not make every reference look unknown).
 */
export function knownFromIds(json: unknown): KnownContent | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const { provisions, lessons, courses, objectives } = json as Record<string, unknown>;
  if (!isStringArray(provisions) || !isStringArray(lessons) || !isStringArray(courses)) return undefined;
  if (typeof objectives !== "object" || objectives === null || Array.isArray(objectives)) return undefined;
  const counts = Object.entries(objectives);
  if (!counts.every(([, n]) => Number.isInteger(n) && (n as number) >= 0)) return undefined;
  return {
    provisions: new Set(provisions),
    lessons: new Set(lessons),
    courses: new Set(courses),
    // The checker reads only how many objectives a lesson has; their words stay on the lesson pages.
    objectives: new Map(counts.map(([lesson, n]) => [lesson, Array.from({ length: n as number }, () => "")])),
  };
}
