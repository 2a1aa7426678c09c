/**
 * Merging two copies of one learner's record (phone and township computer). Entries are
 * immutable and keyed by id, so the merge is their union. It is idempotent, commutative
 * and associative: merging in any order, any number of times, gives the same record.
 */
import { canonicalJson } from "./canonical.ts";
import { ProgressStoreError } from "./errors.ts";
import type { LearnerProfile, ProgressRecord } from "./schema.ts";

/** Deterministic pick between two versions of one thing: the greater canonical text. */
const pickStable = <T>(a: T, b: T): T => (canonicalJson(a) >= canonicalJson(b) ? a : b);

/** The most recently updated profile wins: a rename on either device is kept. */
export function mergeProfiles(a: LearnerProfile, b: LearnerProfile): LearnerProfile {
  const diff = Date.parse(a.updated) - Date.parse(b.updated);
  return diff > 0 ? a : diff < 0 ? b : pickStable(a, b);
}

/**
 * Union by id. Two entries with one id should be identical (entries never change); if they
 * differ anyway, the pick must not depend on argument order.
 */
function unionById<T extends { id: string }>(a: readonly T[], b: readonly T[], time: (entry: T) => string): T[] {
  const byId = new Map<string, T>();
  for (const entry of [...a, ...b]) {
    const other = byId.get(entry.id);
    byId.set(entry.id, other ? pickStable(other, entry) : entry);
  }
  return sortEntries([...byId.values()], time);
}

/** Chronological, ties by id: the one order every copy of a record is kept in. */
export function sortEntries<T extends { id: string }>(entries: T[], time: (entry: T) => string): T[] {
  const key = new Map(entries.map((e) => [e, Date.parse(time(e))]));
  return entries.sort((x, y) => (key.get(x) as number) - (key.get(y) as number) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** Sort a record's entries into the canonical order (what readRecord and merges return). */
export function normalizeRecord(record: ProgressRecord): ProgressRecord {
  return {
    ...record,
    lessons: sortEntries([...record.lessons], (e) => e.at),
    attempts: sortEntries([...record.attempts], (e) => e.started),
    runs: sortEntries([...record.runs], (e) => e.started),
  };
}

/** Throws ProgressStoreError("learner-mismatch") for records of two different learners. */
export function mergeRecords(a: ProgressRecord, b: ProgressRecord): ProgressRecord {
  if (a.learner.id !== b.learner.id) throw new ProgressStoreError("learner-mismatch");
  return {
    version: a.version,
    learner: mergeProfiles(a.learner, b.learner),
    lessons: unionById(a.lessons, b.lessons, (e) => e.at),
    attempts: unionById(a.attempts, b.attempts, (e) => e.started),
    runs: unionById(a.runs, b.runs, (e) => e.started),
  };
}
