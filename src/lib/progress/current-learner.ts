/**
 * Which learner is using this device right now. Several volunteers may share one township
 * computer, so the choice is explicit and kept per browser (not per tab: switching applies
 * everywhere). Pure over an injected key-value store.
 */
import type { KeyValueStore } from "../storage/key-value.ts";

export const CURRENT_LEARNER_KEY = "ma.currentLearner";

export function readCurrentLearner(store: KeyValueStore | undefined): string | undefined {
  try {
    return store?.getItem(CURRENT_LEARNER_KEY) || undefined;
  } catch {
    return undefined;
  }
}

export function writeCurrentLearner(store: (KeyValueStore & { removeItem?(key: string): void }) | undefined, id: string | undefined): boolean {
  try {
    if (!store) return false;
    if (id) store.setItem(CURRENT_LEARNER_KEY, id);
    else store.removeItem?.(CURRENT_LEARNER_KEY);
    return true;
  } catch {
    return false;
  }
}
