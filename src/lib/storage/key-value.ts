/**
 * The parts of the Web Storage API that the rules use, so they stay pure and testable
 * with a Map (the browser passes `localStore()` from src/browser/storage.ts, or undefined
 * when storage is blocked). Also: removing every key of one kind (a learner's quiz drafts,
 * their saved scenario runs) when a learner leaves a shared device; it never throws:
 * blocked storage holds nothing to remove.
 */

/** Reading and writing one key; window.localStorage fits. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The part of Web Storage that can list and remove keys; window.localStorage fits. */
export interface ListableStorage {
  readonly length: number;
  key(index: number): string | null;
  removeItem(key: string): void;
}

/** Removes the keys that start with `prefix`; returns how many (0 when storage refuses). */
export function removeKeysWithPrefix(storage: ListableStorage | undefined, prefix: string): number {
  if (!storage) return 0;
  try {
    const keys: string[] = [];
    // Collect first: removing while iterating shifts the indexes.
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    keys.forEach((key) => storage.removeItem(key));
    return keys.length;
  } catch {
    return 0;
  }
}
