/**
 * The progress store as pages use it: IndexedDB when the browser allows it, otherwise the
 * in-memory twin with `fallback: true` so the page can warn that nothing will survive a
 * reload (and offer export). Opened once per page, on first use.
 */
import { IndexedDbBackend, requestPersistentStorage } from "../lib/progress/indexeddb-backend.ts";
import { createProgressStore, type ProgressStore } from "../lib/progress/store.ts";

export interface ProgressClient {
  store: ProgressStore;
  /** True when IndexedDB could not be opened: records live only until the page closes. */
  fallback: boolean;
  /** Whether the browser promised to keep the data (navigator.storage.persist()). */
  persistent: boolean;
}

let client: Promise<ProgressClient> | undefined;

export function progressClient(): Promise<ProgressClient> {
  client ??= (async () => {
    try {
      const backend = await IndexedDbBackend.open({ onVersionChange: () => location.reload() });
      const persistent = await requestPersistentStorage();
      return { store: createProgressStore(backend), fallback: false, persistent };
    } catch {
      // Rare (private mode, blocked storage): load the in-memory twin only then.
      const { MemoryBackend } = await import("../lib/progress/memory-backend.ts");
      return { store: createProgressStore(new MemoryBackend()), fallback: true, persistent: false };
    }
  })();
  return client;
}
