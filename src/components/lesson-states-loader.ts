/**
 * Loads <lesson-states> only when a learner is chosen on this device, once the page is idle:
 * a first visit (no learner) ships nothing more than this check. Pages import this file.
 */
import { currentLearnerId } from "../browser/learner.ts";

if (currentLearnerId()) {
  const load = () => void import("./lesson-states.ts");
  if ("requestIdleCallback" in window) requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}
