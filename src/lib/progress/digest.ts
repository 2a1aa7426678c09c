/**
 * Digests: one small running total per learner and subject (a lesson, a quiz, a
 * scenario), so 我的学习, the quiz page and the lesson page read a few dozen small values
 * instead of every answer ever given (a learner with 2,000 attempts is a real case on a
 * shared township computer).
 *
 * A digest is a cache of the entries, never the truth: the backend updates it in the same
 * transaction that adds an entry, only for entries that were really new, and rebuilds it
 * from the entries when the database is upgraded. `combine` is associative and
 * commutative with a deterministic tie-break, so digesting entries one at a time, in any
 * order or in batches (two tabs, a merge on import), gives the same result as digesting
 * the whole record at once (`digestRecord`); the unit tests check exactly that.
 */
import { better } from "./best-score.ts";
import { entryMilliseconds } from "./hours.ts";
import type { LessonEvent, ProgressRecord, QuizAttempt, ScenarioRun } from "./schema.ts";

export interface LessonDigest {
  kind: "lesson";
  /** `<course>/<lesson>`. */
  subject: string;
  /** "opened" events. */
  visits: number;
  completed: boolean;
  /** Earliest completion; undefined while not completed. */
  completedAt?: string;
  /** Counted study time in milliseconds (hours.ts caps each entry). */
  ms: number;
  /** Latest event time. */
  last: string;
}

export interface QuizDigest {
  kind: "quiz";
  /** Quiz id. */
  subject: string;
  attempts: number;
  bestScore: number;
  /** The max of the best attempt (score ÷ max decides "best"). */
  max: number;
  passed: boolean;
  ms: number;
  /** Latest finish time. */
  last: string;
}

export interface ScenarioDigest {
  kind: "scenario";
  /** Scenario id. */
  subject: string;
  runs: number;
  bestScore: number;
  max: number;
  /** Outcome of the latest run. */
  lastOutcome?: string;
  ms: number;
  last: string;
}

export type Digest = LessonDigest | QuizDigest | ScenarioDigest;
export type DigestKind = Digest["kind"];

/** What a backend stores: the digest plus its owner, keyed [learner, kind, subject]. */
export type StoredDigest = Digest & { learner: string };

export type DigestSource =
  | { kind: "lesson"; value: LessonEvent }
  | { kind: "attempt"; value: QuizAttempt }
  | { kind: "run"; value: ScenarioRun };

const later = (a: string, b: string) => (a >= b ? a : b);
/** The digest of one entry. */
export function digestOf(source: DigestSource): Digest {
  const ms = entryMilliseconds(source);
  switch (source.kind) {
    case "lesson": {
      const e = source.value;
      const completed = e.kind === "completed";
      return { kind: "lesson", subject: e.lesson, visits: e.kind === "opened" ? 1 : 0, completed, completedAt: completed ? e.at : undefined, ms, last: e.at };
    }
    case "attempt": {
      const a = source.value;
      return { kind: "quiz", subject: a.quiz, attempts: 1, bestScore: a.score, max: a.max, passed: a.passed, ms, last: a.finished };
    }
    case "run": {
      const r = source.value;
      return { kind: "scenario", subject: r.scenario, runs: 1, bestScore: r.score, max: r.max, lastOutcome: r.outcome, ms, last: r.finished };
    }
  }
}

/** Two digests of the same kind and subject as one. Associative and commutative. */
export function combine<D extends Digest>(a: D, b: D): D {
  if (a.kind !== b.kind || a.subject !== b.subject) throw new Error(`cannot combine digests of ${a.kind}:${a.subject} and ${b.kind}:${b.subject}`);
  const ms = a.ms + b.ms;
  const last = later(a.last, b.last);
  if (a.kind === "lesson" && b.kind === "lesson") {
    const completedAt = a.completedAt && b.completedAt ? (a.completedAt <= b.completedAt ? a.completedAt : b.completedAt) : (a.completedAt ?? b.completedAt);
    return { kind: "lesson", subject: a.subject, visits: a.visits + b.visits, completed: a.completed || b.completed, completedAt, ms, last } as D;
  }
  if (a.kind === "quiz" && b.kind === "quiz") {
    const best = better(a, b);
    return { kind: "quiz", subject: a.subject, attempts: a.attempts + b.attempts, bestScore: best.bestScore, max: best.max, passed: a.passed || b.passed, ms, last } as D;
  }
  if (a.kind === "scenario" && b.kind === "scenario") {
    const best = better(a, b);
    // The latest run's outcome; on equal times the greater outcome, so order never matters.
    const lastOutcome = a.last !== b.last ? (a.last > b.last ? a.lastOutcome : b.lastOutcome) : [a.lastOutcome, b.lastOutcome].filter((o) => o !== undefined).sort().pop();
    return { kind: "scenario", subject: a.subject, runs: a.runs + b.runs, bestScore: best.bestScore, max: best.max, lastOutcome, ms, last } as D;
  }
  throw new Error("unreachable");
}

/** Map key of a digest within one learner. */
export const digestKey = (d: Pick<Digest, "kind" | "subject">) => `${d.kind}\u0000${d.subject}`;

/** Fold entries into `into` (a map by digestKey), returning the digests that changed. */
export function addToDigests(into: Map<string, Digest>, sources: Iterable<DigestSource>): Digest[] {
  const changed = new Map<string, Digest>();
  for (const source of sources) {
    const d = digestOf(source);
    const key = digestKey(d);
    const current = into.get(key);
    const next = current ? combine(current, d) : d;
    into.set(key, next);
    changed.set(key, next);
  }
  return [...changed.values()];
}

/** Every digest of a whole record, in a stable order (kind, then subject). */
export function digestRecord(record: Pick<ProgressRecord, "lessons" | "attempts" | "runs">): Digest[] {
  const map = new Map<string, Digest>();
  addToDigests(map, [
    ...record.lessons.map((value) => ({ kind: "lesson" as const, value })),
    ...record.attempts.map((value) => ({ kind: "attempt" as const, value })),
    ...record.runs.map((value) => ({ kind: "run" as const, value })),
  ]);
  return sortDigests([...map.values()]);
}

const kindOrder: Record<DigestKind, number> = { lesson: 0, quiz: 1, scenario: 2 };

export function sortDigests<D extends Digest>(digests: D[]): D[] {
  return digests.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}

/** A stored digest without its owner, in the shape digestRecord returns. */
export function withoutOwner(stored: StoredDigest): Digest {
  const { learner: _learner, ...digest } = stored;
  return digest as Digest;
}
