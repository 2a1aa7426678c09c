/**
 * The browser's ProgressBackend: IndexedDB through `idb`, following the contract written
 * at the top of store.ts. Entries are added one key each and never rewritten, so two tabs
 * appending at once both keep their records; each commit is one readwrite transaction.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { ProgressStoreError } from "./errors.ts";
import type { LearnerProfile } from "./schema.ts";
import type { Commit, ProgressBackend, StoredEntry } from "./store.ts";

export const PROGRESS_DB_NAME = "mediator-academy-progress";
const DB_VERSION = 1;

type EntryKey = [string, string, string];

interface ProgressDb extends DBSchema {
  learners: { key: string; value: LearnerProfile };
  entries: { key: EntryKey; value: StoredEntry };
}

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
      upgrade(database) {
        // Version 1. A later version migrates stored entries here (see store.ts).
        database.createObjectStore("learners", { keyPath: "id" });
        database.createObjectStore("entries", { keyPath: ["learner", "kind", "id"] });
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

  async commit(learner: string, change: Commit): Promise<{ profile: LearnerProfile; added: number }> {
    const tx = this.db.transaction(["learners", "entries"], "readwrite");
    const done = tx.done;
    // An abort rejects tx.done, possibly before we await it; mark it handled here.
    done.catch(() => undefined);
    try {
      const current = await tx.objectStore("learners").get(learner);
      // Synchronous on purpose: awaiting something else here would let the transaction commit.
      const profile = change.profile ? change.profile(current) : current;
      if (!profile) throw new ProgressStoreError("learner-not-found");
      void tx.objectStore("learners").put(profile);
      const entries = tx.objectStore("entries");
      const seen = new Set<string>();
      let added = 0;
      for (const entry of change.entries ?? []) {
        const key: EntryKey = [entry.learner, entry.kind, entry.id];
        const text = key.join("\u0000");
        if (seen.has(text)) continue;
        seen.add(text);
        if ((await entries.getKey(key)) === undefined) {
          void entries.add(entry);
          added += 1;
        }
      }
      await done;
      return { profile, added };
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
    const tx = this.db.transaction(["learners", "entries"], "readwrite");
    const existed = (await tx.objectStore("learners").getKey(learner)) !== undefined;
    if (existed) {
      void tx.objectStore("learners").delete(learner);
      void tx.objectStore("entries").delete(learnerRange(learner));
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
