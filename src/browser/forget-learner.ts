/**
 * What this browser keeps of a learner outside the progress store: unfinished quiz
 * attempts (src/lib/quiz/draft.ts) and scenario runs in progress with their notes
 * (src/lib/scenario/local-save.ts). Removing a learner from a shared computer must take
 * these too, so the next volunteer never sees them.
 */
import { clearDraftsOf } from "../lib/quiz/draft.ts";
import { clearRunsOf } from "../lib/scenario/local-save.ts";
import { localStore } from "./storage.ts";

export function forgetLearnerOnDevice(learnerId: string): void {
  const storage = localStore();
  if (!storage) return; // No storage: nothing was kept.
  clearDraftsOf(storage, learnerId);
  clearRunsOf(storage, learnerId);
}
