/**
 * The in-memory twin of the IndexedDB backend, for tests and for browsers where
 * IndexedDB cannot be opened (then the page must still warn: nothing here survives a
 * reload). It behaves like IndexedDB where it matters: every call yields to the event
 * loop before it runs (so calls from two "tabs" interleave), each commit is atomic, values
 * are structured-cloned in and out, and failures carry DOMException-like names.
 */
import { addToDigests, type Digest } from "./digest.ts";
import { ProgressStoreError } from "./errors.ts";
import { noEntries, type Commit, type CommitResult, type ProgressBackend, type StoredEntry } from "./store.ts";
import type { LearnerProfile } from "./schema.ts";

export interface MemoryBackendOptions {
  /** Most entries the backend holds; beyond it commits fail with QuotaExceededError. */
  maxEntries?: number;
}

const keyOf = (e: Pick<StoredEntry, "learner" | "kind" | "id">) => `${e.learner}\u0000${e.kind}\u0000${e.id}`;

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

/** A macrotask, like an IndexedDB request's success event. */
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class MemoryBackend implements ProgressBackend {
  /** Set to true to simulate storage that cannot be opened (private mode, blocked). */
  unavailable = false;
  private readonly profiles = new Map<string, LearnerProfile>();
  private readonly entries = new Map<string, StoredEntry>();
  /** learner → digestKey → digest, kept up to date by commit like the IndexedDB store. */
  private readonly digests = new Map<string, Map<string, Digest>>();

  constructor(private readonly options: MemoryBackendOptions = {}) {}

  /** Number of stored entries, for tests. */
  get size(): number {
    return this.entries.size;
  }

  private async ready(): Promise<void> {
    await turn();
    if (this.unavailable) throw named("InvalidStateError", "The database connection is closing.");
  }

  async listProfiles(): Promise<LearnerProfile[]> {
    await this.ready();
    return structuredClone([...this.profiles.values()]);
  }

  async read(learner: string): Promise<{ profile: LearnerProfile; entries: StoredEntry[] } | undefined> {
    await this.ready();
    const profile = this.profiles.get(learner);
    if (!profile) return undefined;
    const entries = [...this.entries.values()].filter((e) => e.learner === learner);
    return structuredClone({ profile, entries });
  }

  async readDigests(learner: string): Promise<{ profile: LearnerProfile; digests: Digest[] } | undefined> {
    await this.ready();
    const profile = this.profiles.get(learner);
    if (!profile) return undefined;
    return structuredClone({ profile, digests: [...(this.digests.get(learner)?.values() ?? [])] });
  }

  async commit(learner: string, change: Commit): Promise<CommitResult> {
    await this.ready();
    // From here to the end nothing awaits: the commit is atomic, as one IDB transaction is.
    const current = this.profiles.get(learner);
    const profile = change.profile ? change.profile(structuredClone(current)) : current;
    if (!profile) throw new ProgressStoreError("learner-not-found");
    const fresh = new Map<string, StoredEntry>();
    const replaced = new Map<string, StoredEntry>();
    let conflicts = 0;
    for (const entry of change.entries ?? []) {
      if (entry.learner !== learner) throw new ProgressStoreError("invalid-data");
      const key = keyOf(entry);
      const stored = fresh.get(key) ?? replaced.get(key) ?? this.entries.get(key);
      if (!stored) {
        fresh.set(key, structuredClone(entry));
        continue;
      }
      const pick = change.resolve?.(structuredClone(stored), structuredClone(entry)) ?? "same";
      if (pick !== "same") conflicts++;
      if (pick === "incoming") (fresh.has(key) ? fresh : replaced).set(key, structuredClone(entry));
    }
    const max = this.options.maxEntries;
    if (max !== undefined && this.entries.size + fresh.size > max) throw named("QuotaExceededError", "The quota has been exceeded.");
    this.profiles.set(learner, structuredClone(profile));
    for (const [key, entry] of [...fresh, ...replaced]) this.entries.set(key, entry);
    const addedKinds = noEntries();
    for (const entry of fresh.values()) addedKinds[entry.kind]++;
    if (replaced.size) {
      // A replaced entry takes its old copy out of the totals: rebuild them from the entries.
      const digests = new Map<string, Digest>();
      addToDigests(digests, [...this.entries.values()].filter((e) => e.learner === learner));
      this.digests.set(learner, digests);
    } else if (fresh.size) {
      const digests = this.digests.get(learner) ?? new Map<string, Digest>();
      addToDigests(digests, fresh.values());
      this.digests.set(learner, digests);
    }
    return { profile: structuredClone(profile), added: fresh.size, addedKinds, conflicts };
  }

  async remove(learner: string): Promise<boolean> {
    await this.ready();
    if (!this.profiles.delete(learner)) return false;
    this.digests.delete(learner);
    for (const [key, entry] of this.entries) if (entry.learner === learner) this.entries.delete(key);
    return true;
  }
}
