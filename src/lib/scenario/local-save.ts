/**
 * A SaveSlot over the browser's localStorage for runs in progress (a finished run goes
 * into the learner's record in the progress store, see run-record.ts). Pure over an
 * injected Storage-like object, so it is tested without a browser.
 *
 * Each run is one entry under a versioned key, holding the run and the learner's notes:
 *
 *     ma.scenarioRun.v1:<learnerId>:<scenarioId>  →  { "version": 1, "run": RunState, "notes": "…" }
 *
 * Storage is a boundary: it may be missing (private mode, disabled), full, or hold data
 * from an older version or another tab. Nothing here throws: reads of anything unexpected
 * return undefined, and the `try…` writes return a SaveResult the player can show as a
 * warning. (`save` and `clear` are the SaveSlot methods, whose contract returns nothing;
 * they call the `try…` versions and drop the result.)
 */
import { removeKeysWithPrefix, type KeyValueStore, type ListableStorage } from "../storage/key-value.ts";
import type { RunKey, SaveSlot } from "./save.ts";
import type { RunState } from "./state.ts";

/** The part of the Web Storage API the slot uses; window.localStorage fits. */
export interface StorageLike extends KeyValueStore {
  removeItem(key: string): void;
}

/** `ok: false` when the write did not happen: the run then lives only in the page. */
export type SaveResult = { ok: true } | { ok: false; reason: "quota" | "unavailable" };

/** Bump when the stored shape changes; entries of other versions are ignored, not misread. */
export const LOCAL_SAVE_VERSION = 1;
export const LOCAL_SAVE_PREFIX = `ma.scenarioRun.v${LOCAL_SAVE_VERSION}:`;

interface Stored {
  version: typeof LOCAL_SAVE_VERSION;
  run?: unknown;
  notes?: string;
}

/** Ids never contain ":" today, but encoding keeps keys unambiguous whatever they hold. */
export const localSaveKey = (key: RunKey): string =>
  `${LOCAL_SAVE_PREFIX}${encodeURIComponent(key.learnerId)}:${encodeURIComponent(key.scenarioId)}`;

/** Browsers name the error differently: QuotaExceededError, or NS_ERROR_DOM_QUOTA_REACHED (old Firefox). */
function isQuotaError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22 || code === 1014;
}

export class LocalStorageSaveSlot implements SaveSlot {
  /** `storage` may be undefined (no localStorage at all): every save then reports `unavailable`. */
  constructor(private readonly storage: StorageLike | undefined) {}

  /** The saved run (pass it to resume(), which validates it), or undefined. */
  async load(key: RunKey): Promise<unknown> {
    return this.read(key)?.run;
  }

  /** The notes saved with the run, or "" if there are none. */
  async loadNotes(key: RunKey): Promise<string> {
    const notes = this.read(key)?.notes;
    return typeof notes === "string" ? notes : "";
  }

  /** Saves the run after a step; notes already saved with it are kept. */
  async trySave(key: RunKey, state: RunState): Promise<SaveResult> {
    return this.write(key, { ...this.read(key), version: LOCAL_SAVE_VERSION, run: state });
  }

  /** Saves the learner's notes beside the run (the run already saved is kept). */
  async trySaveNotes(key: RunKey, notes: string): Promise<SaveResult> {
    return this.write(key, { ...this.read(key), version: LOCAL_SAVE_VERSION, notes });
  }

  /** Forgets the run and its notes. */
  async tryClear(key: RunKey): Promise<SaveResult> {
    if (!this.storage) return { ok: false, reason: "unavailable" };
    try {
      this.storage.removeItem(localSaveKey(key));
      return { ok: true };
    } catch {
      return { ok: false, reason: "unavailable" };
    }
  }

  async save(key: RunKey, state: RunState): Promise<void> {
    await this.trySave(key, state);
  }

  async clear(key: RunKey): Promise<void> {
    await this.tryClear(key);
  }

  private read(key: RunKey): Stored | undefined {
    let text: string | null;
    try {
      text = this.storage?.getItem(localSaveKey(key)) ?? null;
    } catch {
      return undefined; // Blocked storage reads throw a SecurityError in some browsers.
    }
    if (text === null) return undefined;
    try {
      const data: unknown = JSON.parse(text);
      if (typeof data !== "object" || data === null || (data as Stored).version !== LOCAL_SAVE_VERSION) return undefined;
      return data as Stored;
    } catch {
      return undefined;
    }
  }

  private write(key: RunKey, value: Stored): SaveResult {
    if (!this.storage) return { ok: false, reason: "unavailable" };
    try {
      this.storage.setItem(localSaveKey(key), JSON.stringify(value));
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: isQuotaError(error) ? "quota" : "unavailable" };
    }
  }
}

/** Remove every saved run (and its notes) of one learner: when the learner is removed from the device. */
export const clearRunsOf = (storage: ListableStorage | undefined, learnerId: string): number =>
  removeKeysWithPrefix(storage, `${LOCAL_SAVE_PREFIX}${encodeURIComponent(learnerId)}:`);
