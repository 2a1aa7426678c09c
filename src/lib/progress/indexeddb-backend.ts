/**
 * The browser's ProgressBackend: IndexedDB through `idb`, following the contract written
 * at the top of store.ts. Entries are added one key each and never rewritten, so two tabs
 * appending at once both keep their records; each commit is one readwrite transaction.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from "idb";
import { addToDigests, combine, withoutOwner, type Digest, type StoredDigest } from "./digest.ts";
import { ProgressStoreError } from "./errors.ts";
import type { LearnerProfile } from "./schema.ts";
import { noEntries, type Commit, type CommitResult, type ProgressBackend, type StoredEntry } from "./store.ts";

export const PROGRESS_DB_NAME = "mediator-academy-progress";
/** 1: learners and entries. 2: adds digests, built from the entries on upgrade. */
const DB_VERSION = 2;

type EntryKey = [string, string, string];
type DigestKey = [string, string, string];

interface ProgressDb extends DBSchema {
  learners: { key: string; value: LearnerProfile };
  entries: { key: EntryKey; value: StoredEntry };
  digests: { key: DigestKey; value: StoredDigest };
}

type UpgradeTransaction = IDBPTransaction<ProgressDb, StoreNames<ProgressDb>[], "versionchange">;

/** Version 1 → 2: every learner's digests from the entries already stored. */
async function buildDigests(tx: UpgradeTransaction): Promise<void> {
  const byLearner = new Map<string, Map<string, Digest>>();
  let cursor = await tx.objectStore("entries").openCursor();
  while (cursor) {
    const entry = cursor.value;
    const digests = byLearner.get(entry.learner) ?? new Map<string, Digest>();
    addToDigests(digests, [entry]);
    byLearner.set(entry.learner, digests);
    cursor = await cursor.continue();
  }
  const store = tx.objectStore("digests");
  for (const [learner, digests] of byLearner) for (const digest of digests.values()) void store.put({ ...digest, learner });
}

/** A request whose result nobody needs: its failure aborts the transaction, which tx.done reports. */
const quiet = (request: Promise<unknown>): void => void request.catch(() => undefined);

/** Every key of one learner: [learner] sorts before and [learner, []] after all of them. */
const learnerRange = (learner: string) => IDBKeyRange.bound([learner], [learner, []]);

export interface IndexedDbOptions {
  /** Database name; tests use a fresh one each. */
  name?: string;
  /** Another tab upgraded the database: this connection was closed; reload to continue. */
  onVersionChange?: () => void;
  /** An older tab keeps the database open and blocks an upgrade here. */
  onBlocked?: () => void;
}

export class IndexedDbBackend implements ProgressBackend {
  private constructor(private readonly db: IDBPDatabase<ProgressDb>) {}

  static async open(options: IndexedDbOptions = {}): Promise<IndexedDbBackend> {
    const db = await openDB<ProgressDb>(options.name ?? PROGRESS_DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion, _newVersion, transaction) {
        // Each step brings one older version forward; a new database takes them all.
        if (oldVersion < 1) {
          database.createObjectStore("learners", { keyPath: "id" });
          database.createObjectStore("entries", { keyPath: ["learner", "kind", "id"] });
        }
        if (oldVersion < 2) {
          database.createObjectStore("digests", { keyPath: ["learner", "kind", "subject"] });
          // Only IndexedDB requests are awaited inside, so the upgrade transaction stays open.
          void buildDigests(transaction);
        }
      },
      blocked: () => options.onBlocked?.(),
      terminated: () => options.onVersionChange?.(),
    });
    db.addEventListener("versionchange", () => {
      db.close();
      options.onVersionChange?.();
    });
    return new IndexedDbBackend(db);
  }

  close(): void {
    this.db.close();
  }

  async listProfiles(): Promise<LearnerProfile[]> {
    return this.db.getAll("learners");
  }

  async read(learner: string): Promise<{ profile: LearnerProfile; entries: StoredEntry[] } | undefined> {
    const tx = this.db.transaction(["learners", "entries"], "readonly");
    const [profile, entries] = await Promise.all([
      tx.objectStore("learners").get(learner),
      tx.objectStore("entries").getAll(learnerRange(learner)),
      tx.done,
    ]);
    return profile ? { profile, entries } : undefined;
  }

  async readDigests(learner: string): Promise<{ profile: LearnerProfile; digests: Digest[] } | undefined> {
    const tx = this.db.transaction(["learners", "digests"], "readonly");
    const [profile, digests] = await Promise.all([
      tx.objectStore("learners").get(learner),
      tx.objectStore("digests").getAll(learnerRange(learner)),
      tx.done,
    ]);
    return profile ? { profile, digests: digests.map(withoutOwner) } : undefined;
  }

  async commit(learner: string, change: Commit): Promise<CommitResult> {
    const tx = this.db.transaction(["learners", "entries", "digests"], "readwrite");
    const done = tx.done;
    // An abort rejects tx.done, possibly before we await it; mark it handled here.
    done.catch(() => undefined);
    try {
      const current = await tx.objectStore("learners").get(learner);
      // Synchronous on purpose: awaiting something else here would let the transaction commit.
      const profile = change.profile ? change.profile(current) : current;
      if (!profile) throw new ProgressStoreError("learner-not-found");
      quiet(tx.objectStore("learners").put(profile));
      const entries = tx.objectStore("entries");
      const seen = new Map<string, StoredEntry>();
      const fresh: StoredEntry[] = [];
      let replaced = 0;
      let conflicts = 0;
      for (const entry of change.entries ?? []) {
        if (entry.learner !== learner) throw new ProgressStoreError("invalid-data");
        const key: EntryKey = [entry.learner, entry.kind, entry.id];
        const text = key.join("\u0000");
        // Only read the stored copy when someone will compare it; appends need the key alone.
        const stored = seen.get(text) ?? (change.resolve ? await entries.get(key) : (await entries.getKey(key)) === undefined ? undefined : entry);
        if (!stored) {
          quiet(entries.add(entry));
          fresh.push(entry);
          seen.set(text, entry);
          continue;
        }
        const pick = change.resolve?.(stored, entry) ?? "same";
        if (pick !== "same") conflicts++;
        if (pick === "incoming") {
          quiet(entries.put(entry));
          seen.set(text, entry);
          // An entry added earlier in this commit is still new, with its new content.
          const i = fresh.indexOf(stored);
          if (i >= 0) fresh[i] = entry;
          else replaced++;
        }
      }
      const digests = tx.objectStore("digests");
      if (replaced) {
        // A replaced entry takes its old copy out of the totals: rebuild them from the entries.
        const all = await entries.getAll(learnerRange(learner));
        quiet(digests.delete(learnerRange(learner)));
        for (const digest of addToDigests(new Map(), all)) quiet(digests.put({ ...digest, learner }));
      } else {
        // Only what was really added counts, so a re-import or a retried write changes no total.
        const changed = addToDigests(new Map(), fresh);
        const stored = await Promise.all(changed.map((d) => digests.get([learner, d.kind, d.subject])));
        changed.forEach((digest, i) => {
          const current = stored[i];
          quiet(digests.put({ ...(current ? combine(withoutOwner(current), digest) : digest), learner }));
        });
      }
      await done;
      const addedKinds = noEntries();
      for (const entry of fresh) addedKinds[entry.kind]++;
      return { profile, added: fresh.length, addedKinds, conflicts };
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted by the browser (e.g. QuotaExceededError).
      }
      await done.catch(() => undefined);
      throw error;
    }
  }

  async remove(learner: string): Promise<boolean> {
    const tx = this.db.transaction(["learners", "entries", "digests"], "readwrite");
    const existed = (await tx.objectStore("learners").getKey(learner)) !== undefined;
    if (existed) {
      void tx.objectStore("learners").delete(learner);
      void tx.objectStore("entries").delete(learnerRange(learner));
      void tx.objectStore("digests").delete(learnerRange(learner));
    }
    await tx.done;
    return existed;
  }
}

/**
 * Ask the browser to keep this site's data when space runs low. Returns whether storage is
 * persistent; false (or no API) means the page should remind learners to export.
 */
export async function requestPersistentStorage(storage: Pick<StorageManager, "persist" | "persisted"> | undefined = globalThis.navigator?.storage): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    return false;
  }
}
