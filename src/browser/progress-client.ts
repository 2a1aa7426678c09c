/**
 * The progress store as pages use it: IndexedDB when the browser allows it, otherwise the
 * in-memory twin with `fallback: true` so the page can warn that nothing will survive a
 * reload (and offer export). Opened once per page, on first use.
 *
 * One exception: a tab still running the previous version after an update finds the
 * database upgraded by a newer tab (IndexedDB VersionError). Its data is safe, so it must
 * not fall back to memory (records made there would be lost): every store call rejects
 * with ProgressStoreError("site-outdated") and the page announces PROGRESS_OUTDATED_EVENT,
 * on which <update-prompt> asks the learner to reload.
 */
import { ProgressStoreError } from "../lib/progress/errors.ts";
import { IndexedDbBackend, requestPersistentStorage } from "../lib/progress/indexeddb-backend.ts";
import { createProgressStore, type ProgressBackend, type ProgressStore } from "../lib/progress/store.ts";

export interface ProgressClient {
  store: ProgressStore;
  /** True when IndexedDB could not be opened: records live only until the page closes. */
  fallback: boolean;
  /** Whether the browser promised to keep the data (navigator.storage.persist()). */
  persistent: boolean;
  /** True when a newer version of the site upgraded the data: this tab must reload. */
  outdated: boolean;
}

/** Dispatched on window when this tab turns out to run an older version than the data. */
export const PROGRESS_OUTDATED_EVENT = "progress-outdated";

/** A backend whose every call says the site was updated. */
const outdatedBackend = (): ProgressBackend => {
  const refuse = () => Promise.reject(new ProgressStoreError("site-outdated"));
  return { listProfiles: refuse, read: refuse, readDigests: refuse, commit: refuse, remove: refuse };
};

let client: Promise<ProgressClient> | undefined;

export function progressClient(): Promise<ProgressClient> {
  client ??= (async () => {
    try {
      const backend = await IndexedDbBackend.open({ onVersionChange: () => location.reload() });
      const persistent = await requestPersistentStorage();
      return { store: createProgressStore(backend), fallback: false, persistent, outdated: false };
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name === "VersionError") {
        // Marked on the document too, for an <update-prompt> that connects after this.
        document.documentElement.dataset.progressOutdated = "";
        window.dispatchEvent(new CustomEvent(PROGRESS_OUTDATED_EVENT));
        // The prompt element may not be loaded on this page yet (it loads on demand): load it.
        void import("../components/update-prompt.ts");
        return { store: createProgressStore(outdatedBackend()), fallback: false, persistent: false, outdated: true };
      }
      // Rare (private mode, blocked storage): load the in-memory twin only then.
      const { MemoryBackend } = await import("../lib/progress/memory-backend.ts");
      return { store: createProgressStore(new MemoryBackend()), fallback: true, persistent: false, outdated: false };
    }
  })();
  return client;
}
