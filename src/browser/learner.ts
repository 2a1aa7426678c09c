/**
 * The current learner on this browser (tiny: no store, no zod), shared by every page.
 * Switching applies to every open tab through the storage event.
 */
import { localStore } from "./storage.ts";
import { CURRENT_LEARNER_KEY, readCurrentLearner, writeCurrentLearner } from "../lib/progress/current-learner.ts";

export const currentLearnerId = (): string | undefined => readCurrentLearner(localStore());

export function setCurrentLearnerId(id: string | undefined): void {
  writeCurrentLearner(localStore(), id);
  window.dispatchEvent(new CustomEvent("learner-change", { detail: { id } }));
}

/** Calls `listener` when the current learner changes in this tab or another. */
export function onLearnerChange(listener: (id: string | undefined) => void): () => void {
  const local = (event: Event) => listener((event as CustomEvent<{ id?: string }>).detail.id);
  const other = (event: StorageEvent) => {
    if (event.key === CURRENT_LEARNER_KEY) listener(event.newValue || undefined);
  };
  window.addEventListener("learner-change", local);
  window.addEventListener("storage", other);
  return () => {
    window.removeEventListener("learner-change", local);
    window.removeEventListener("storage", other);
  };
}
