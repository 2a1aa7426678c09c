/**
 * The progress store: what pages and components call. It sits on a small ProgressBackend
 * (IndexedDB in the browser, memory in tests) and owns validation, ids and errors.
 *
 * Why no write can be lost, even with two tabs open:
 * - A record is never written as one document. Each lesson event, quiz attempt and
 *   scenario run is its own stored entry, keyed by (learner, kind, id) with a random id,
 *   and is only ever added, never rewritten. Two tabs adding at once add two keys.
 * - The only read-modify-write is the profile (rename), done inside one backend
 *   transaction; a concurrent rename in another tab is last-writer-wins on the profile
 *   alone and cannot touch entries.
 * - Adding entries checks, in the same transaction, that the learner still exists, so a
 *   learner removed in one tab does not leave orphan entries written by the other.
 * - Every backend failure is rethrown as a typed ProgressStoreError (storage-full,
 *   storage-unavailable, …); nothing is swallowed, so the page can warn and offer export.
 *
 * - Pages that only need totals (我的学习, the quiz and lesson pages) read the learner's
 *   digests (digest.ts), a few dozen small values, not every answer: the backend keeps
 *   them in the same transaction that adds entries, counting only entries that were new.
 *
 * IndexedDB adapter, to keep these guarantees: object stores `learners` (keyPath "id"),
 * `entries` (keyPath ["learner", "kind", "id"]) and `digests` (keyPath ["learner",
 * "kind", "subject"]); `commit` is ONE readwrite transaction over all three: get the
 * profile, call change.profile synchronously (no awaits inside but IndexedDB requests of
 * this transaction: anything else lets it auto-commit), put it, then for each entry `add`
 * it only if its key is absent (an existing key is left as it is), then fold the entries
 * that were added into their digests (get, combine, put); abort on any throw.
 * `read` is one readonly transaction: the profile plus a key-range scan
 * [learner] … [learner, []]; `readDigests` the same over `digests`; `remove` deletes the
 * profile and both key ranges in one transaction. Reject with the request's or transaction's error (its name, e.g.
 * QuotaExceededError, is mapped by toStoreError). Open the database with
 * navigator.storage.persist() requested, and surface `blocked`/`versionchange`.
 */
import { sortDigests, type Digest } from "./digest.ts";
import { ProgressStoreError, toStoreError } from "./errors.ts";
import { lessonEventProblems, quizAttemptProblems, scenarioRunProblems, type GuardProblem } from "./guards.ts";
import { newId } from "./new-id.ts";
import type {
  LearnerProfile,
  LessonEvent,
  ProgressRecord,
  QuizAttempt,
  ScenarioRun,
} from "./schema.ts";
import { CURRENT_VERSION } from "./version.ts";

// ── Backend: what an adapter implements ───────────────────────────────────────

export type StoredEntry =
  | { learner: string; kind: "lesson"; id: string; value: LessonEvent }
  | { learner: string; kind: "attempt"; id: string; value: QuizAttempt }
  | { learner: string; kind: "run"; id: string; value: ScenarioRun };

export type EntryKind = StoredEntry["kind"];

/** One atomic change to one learner. */
export interface Commit {
  /**
   * Runs inside the transaction with the stored profile (undefined if none) and returns
   * the profile to keep. Synchronous and pure; it may throw to abort. When absent, the
   * profile is left as it is and must exist.
   */
  profile?: (current: LearnerProfile | undefined) => LearnerProfile;
  /** Entries to add; one whose key already exists is left untouched, unless `resolve` says otherwise. */
  entries?: readonly StoredEntry[];
  /**
   * For an entry whose key is already stored: compares the two copies, synchronously and
   * inside the transaction. "same" or "stored" leaves the stored one; "incoming" replaces
   * it (and the learner's digests are rebuilt). Any answer but "same" counts as a conflict.
   */
  resolve?: (stored: StoredEntry, incoming: StoredEntry) => "same" | "stored" | "incoming";
}

/** What one commit changed. */
export interface CommitResult {
  profile: LearnerProfile;
  /** Entries new to the store. */
  added: number;
  /** The same, by kind of entry. */
  addedKinds: Record<EntryKind, number>;
  /** Entries whose id was stored with other content (see Commit.resolve). */
  conflicts: number;
}

export const noEntries = (): Record<EntryKind, number> => ({ lesson: 0, attempt: 0, run: 0 });

export interface ProgressBackend {
  listProfiles(): Promise<LearnerProfile[]>;
  read(learner: string): Promise<{ profile: LearnerProfile; entries: StoredEntry[] } | undefined>;
  /** The profile and the learner's digests, without reading any entry. */
  readDigests(learner: string): Promise<{ profile: LearnerProfile; digests: Digest[] } | undefined>;
  /** Atomic; rejects with ProgressStoreError("learner-not-found") when no profile results. */
  commit(learner: string, change: Commit): Promise<CommitResult>;
  /** Removes the profile and all its entries atomically; false when there was none. */
  remove(learner: string): Promise<boolean>;
}

// ── Store: what the site calls ────────────────────────────────────────────────

export interface LearnerInput {
  name: string;
  township: string;
  village: string;
}

/** New entries: the id may be given, so a retried write stays one entry. */
export type NewLessonEvent = Omit<LessonEvent, "id"> & { id?: string };
export type NewQuizAttempt = Omit<QuizAttempt, "id"> & { id?: string };
export type NewScenarioRun = Omit<ScenarioRun, "id"> & { id?: string };

export interface LearnerOverview {
  learner: LearnerProfile;
  /** Sorted by kind, then subject. */
  digests: Digest[];
}

export interface ImportOutcome {
  learner: LearnerProfile;
  /** True when the learner was not on this device before. */
  created: boolean;
  /** True when the name, township or village here changed (a newer value came with the record). */
  profileChanged: boolean;
  /** Entries that were new to this device. */
  added: number;
  /** The same, by kind: lesson events, quiz attempts, scenario runs. */
  addedKinds: Record<EntryKind, number>;
  /**
   * Entries that this device held with the same id but other content. Both copies are
   * compared the same way on every device (merge.ts pickCopy), so whichever order two
   * devices import each other's files in, they end with the same entry.
   */
  conflicts: number;
}

export interface ProgressStore {
  /** Oldest first. */
  listLearners(): Promise<LearnerProfile[]>;
  createLearner(input: LearnerInput): Promise<LearnerProfile>;
  /** Change name, township or village. */
  renameLearner(id: string, changes: Partial<LearnerInput>): Promise<LearnerProfile>;
  /** Idempotent: false when the learner was already gone (e.g. removed in another tab). */
  removeLearner(id: string): Promise<boolean>;
  appendLessonEvent(learner: string, event: NewLessonEvent): Promise<LessonEvent>;
  appendAttempt(learner: string, attempt: NewQuizAttempt): Promise<QuizAttempt>;
  appendRun(learner: string, run: NewScenarioRun): Promise<ScenarioRun>;
  /** The learner's whole record, entries in chronological order (for export). */
  readRecord(learner: string): Promise<ProgressRecord>;
  /** The profile and its digests (totals per lesson, quiz and scenario): cheap at any record size. */
  readOverview(learner: string): Promise<LearnerOverview>;
  /**
   * Add a validated record (from export.ts): creates the learner, or merges into the one
   * already here (union of entries, each profile field's newest value, conflicting copies
   * of an entry settled the same way on every device). Atomic: all or nothing.
   */
  importRecord(record: ProgressRecord): Promise<ImportOutcome>;
}

export interface StoreOptions {
  now?: () => Date;
  newId?: () => string;
}

/**
 * Checked with guards.ts, which accept exactly what schema.ts accepts, not with the
 * schema itself: this runs on every lesson, quiz and scenario page, and a schema library
 * would be most of what those pages download (see guards.ts).
 */
function refuse(problems: GuardProblem[]): never {
  throw new ProgressStoreError("invalid-data", `学习记录的内容不完整或格式不对，没有保存：${problems.join("；")}`);
}

function checked<T>(value: T, problems: GuardProblem[]): T {
  if (problems.length) refuse(problems);
  return value;
}

/** Profiles are edited on 我的学习 only: other pages never load these checks. */
async function fieldsOf(input: unknown, partial: boolean): Promise<Partial<LearnerInput>> {
  const { learnerFields } = await import("./learner-guards.ts");
  const result = learnerFields(input, partial);
  if (!result.ok) refuse(result.problems);
  return result.fields;
}

/** Run a backend call; whatever it throws comes out typed. */
async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toStoreError(error);
  }
}

export function createProgressStore(backend: ProgressBackend, options: StoreOptions = {}): ProgressStore {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const makeId = options.newId ?? newId;

  /** One entry, one put: never a rewrite of the learner's record. */
  async function append(entry: StoredEntry) {
    await guard(() => backend.commit(entry.learner, { entries: [entry] }));
  }

  return {
    async listLearners() {
      const profiles = await guard(() => backend.listProfiles());
      return profiles.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
    },

    async createLearner(input) {
      const fields = (await fieldsOf(input, false)) as LearnerInput;
      const at = now();
      const profile: LearnerProfile = { id: makeId(), ...fields, created: at, updated: at };
      const stored = await guard(() =>
        backend.commit(profile.id, {
          profile: (current) => {
            if (current) throw new ProgressStoreError("learner-exists");
            return profile;
          },
        }),
      );
      return stored.profile;
    },

    async renameLearner(id, changes) {
      const fields = await fieldsOf(changes, true);
      const { PROFILE_FIELDS, fieldTime, withFieldTimes } = await import("./merge.ts");
      const at = now();
      const stored = await guard(() =>
        backend.commit(id, {
          profile: (current) => {
            if (!current) throw new ProgressStoreError("learner-not-found");
            const next = { ...current, ...fields, updated: at };
            // Each field keeps the time it really changed, so a merge keeps each one's newest value.
            const times = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, next[f] !== current[f] ? at : fieldTime(current, f)])) as Record<(typeof PROFILE_FIELDS)[number], string>;
            return withFieldTimes(next, times);
          },
        }),
      );
      return stored.profile;
    },

    removeLearner: (id) => guard(() => backend.remove(id)),

    async appendLessonEvent(learner, event) {
      const value: LessonEvent = { ...event, id: event.id ?? makeId() };
      checked(value, lessonEventProblems(value));
      await append({ learner, kind: "lesson", id: value.id, value });
      return value;
    },

    async appendAttempt(learner, attempt) {
      const value: QuizAttempt = { ...attempt, id: attempt.id ?? makeId() };
      checked(value, quizAttemptProblems(value));
      await append({ learner, kind: "attempt", id: value.id, value });
      return value;
    },

    async appendRun(learner, run) {
      const value: ScenarioRun = { ...run, id: run.id ?? makeId() };
      checked(value, scenarioRunProblems(value));
      await append({ learner, kind: "run", id: value.id, value });
      return value;
    },

    async readRecord(learner) {
      const stored = await guard(() => backend.read(learner));
      if (!stored) throw new ProgressStoreError("learner-not-found");
      const pick = <K extends EntryKind>(kind: K) =>
        stored.entries.filter((e): e is Extract<StoredEntry, { kind: K }> => e.kind === kind).map((e) => e.value as Extract<StoredEntry, { kind: K }>["value"]);
      // Loaded on demand, like the import below: pages that only append never need them.
      const { normalizeRecord } = await import("./merge.ts");
      return normalizeRecord({ version: CURRENT_VERSION, learner: stored.profile, lessons: pick("lesson"), attempts: pick("attempt"), runs: pick("run") });
    },

    async readOverview(learner) {
      const stored = await guard(() => backend.readDigests(learner));
      if (!stored) throw new ProgressStoreError("learner-not-found");
      return { learner: stored.profile, digests: sortDigests(stored.digests) };
    },

    async importRecord(input) {
      const [{ recordProblems }, { mergeProfiles, pickCopy }] = await Promise.all([import("./record-guards.ts"), import("./merge.ts")]);
      const record = checked(input, recordProblems(input, CURRENT_VERSION));
      const learner = record.learner.id;
      const entries: StoredEntry[] = [
        ...record.lessons.map((value) => ({ learner, kind: "lesson" as const, id: value.id, value })),
        ...record.attempts.map((value) => ({ learner, kind: "attempt" as const, id: value.id, value })),
        ...record.runs.map((value) => ({ learner, kind: "run" as const, id: value.id, value })),
      ];
      let created = false;
      let profileChanged = false;
      const stored = await guard(() =>
        backend.commit(learner, {
          profile: (current) => {
            created = !current;
            if (!current) return record.learner;
            const merged = mergeProfiles(current, record.learner);
            profileChanged = merged.name !== current.name || merged.township !== current.township || merged.village !== current.village;
            return merged;
          },
          entries,
          resolve: (storedCopy, incoming) => pickCopy(storedCopy.value, incoming.value),
        }),
      );
      return { learner: stored.profile, created, profileChanged, added: stored.added, addedKinds: stored.addedKinds, conflicts: stored.conflicts };
    },
  };
}
