/**
 * The 大字 (large text) preference. Stored per device so that older volunteers set it
 * once; read before first paint by an inline script in the page head (same key).
 */
import type { KeyValueStore } from "../storage/key-value.ts";

export const TEXT_SIZE_KEY = "ma.textSize";
export type TextSize = "normal" | "large";

export function readTextSize(store: KeyValueStore | undefined): TextSize {
  try {
    return store?.getItem(TEXT_SIZE_KEY) === "large" ? "large" : "normal";
  } catch {
    return "normal"; // Storage can be blocked (private mode); fall back without failing.
  }
}

/** Returns false when the preference could not be saved (it still applies to this page). */
export function writeTextSize(store: KeyValueStore | undefined, size: TextSize): boolean {
  try {
    store?.setItem(TEXT_SIZE_KEY, size);
    return Boolean(store);
  } catch {
    return false;
  }
}
