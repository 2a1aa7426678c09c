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

/** The fields a learner edits; each keeps its own newest value in a merge. */
export const PROFILE_FIELDS = ["name", "township", "village"] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];

/** When `field` last changed: its own time, or the profile's `updated` when none is kept. */
export const fieldTime = (p: LearnerProfile, field: ProfileField): string => p.changed?.[field] ?? p.updated;

/** The later of two times; on the same instant the greater spelling, so order never matters. */
const laterTime = (a: string, b: string): string => {
  const diff = Date.parse(a) - Date.parse(b);
  return diff > 0 ? a : diff < 0 ? b : a >= b ? a : b;
};

/**
 * A profile's field times in their one written form: `changed` holds only the fields whose
 * time differs from `updated`, and is left out when none does.
 */
export function withFieldTimes(profile: Omit<LearnerProfile, "changed">, times: Record<ProfileField, string>): LearnerProfile {
  const { changed: _changed, ...rest } = profile as LearnerProfile;
  const changed: NonNullable<LearnerProfile["changed"]> = {};
  for (const field of PROFILE_FIELDS) if (Date.parse(times[field]) !== Date.parse(rest.updated)) changed[field] = times[field];
  return Object.keys(changed).length ? { ...rest, changed } : rest;
}

/**
 * Each of name, township and village keeps its newest value: a rename on the phone and a
 * change of village later on the computer both survive. Ties (same instant) go to the
 * greater text, so the result never depends on the order of the arguments.
 */
export function mergeProfiles(a: LearnerProfile, b: LearnerProfile): LearnerProfile {
  const fields = {} as Record<ProfileField, string>;
  const times = {} as Record<ProfileField, string>;
  for (const field of PROFILE_FIELDS) {
    const ta = fieldTime(a, field);
    const tb = fieldTime(b, field);
    const diff = Date.parse(ta) - Date.parse(tb);
    const fromA = diff > 0 || (diff === 0 && (ta > tb || (ta === tb && a[field] >= b[field])));
    fields[field] = fromA ? a[field] : b[field];
    times[field] = fromA ? ta : tb;
  }
  // The earlier creation: the other of the two, unless both are the same text.
  const created = laterTime(a.created, b.created) === a.created ? b.created : a.created;
  return withFieldTimes({ id: a.id, ...fields, created, updated: laterTime(a.updated, b.updated) }, times);
}

/**
 * Two copies of one entry (same id): "same" when identical, else which one every device
 * keeps — the same stable pick mergeRecords makes, so importing in any order agrees.
 */
export function pickCopy<T>(stored: T, incoming: T): "same" | "stored" | "incoming" {
  const a = canonicalJson(stored);
  const b = canonicalJson(incoming);
  return a === b ? "same" : a > b ? "stored" : "incoming";
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
