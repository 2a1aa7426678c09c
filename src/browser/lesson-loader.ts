/**
 * The lesson page's only script before the learner does anything (a first visit with no
 * learner runs nothing else). Lit and the progress store load when needed: with a learner
 * chosen, <lesson-progress> once the page is idle; <read-aloud> on the first press of the
 * plain 朗读 button that stands in for it (which it then presses on the learner's behalf).
 * The notes of cited provisions and terms are fetched when the learner first opens one.
 */
import { fillNotesOnOpen } from "./lesson-notes.ts";

const idle = (run: () => void) => ("requestIdleCallback" in window ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run, 200));
const article = document.getElementById("lesson");
// Whether a learner is chosen, read here rather than through learner.ts and storage.ts: as
// chunks shared with other pages they would cost a lesson's first visit 0.4 KB gzip. The
// page names the key (lib/progress/current-learner.ts, data-learner-key).
const learnerKey = article?.dataset.learnerKey;
let chosen = false;
try {
  chosen = Boolean(learnerKey && localStorage.getItem(learnerKey));
} catch {
  // Storage blocked: no learner can be chosen on this browser.
}
if (chosen) idle(() => void import("../components/lesson-progress.ts"));

const start = document.querySelector<HTMLButtonElement>(".read-aloud-start");
if (start) {
  start.hidden = false;
  start.addEventListener("click", async () => {
    start.disabled = true;
    try {
      await import("../components/read-aloud.ts");
    } catch {
      start.disabled = false; // offline and not cached: the learner can try again
      return;
    }
    const reader = document.querySelector("read-aloud");
    if (!reader) return;
    await reader.updateComplete;
    start.remove();
    // The element now stands where the button was: press its own start button.
    reader.shadowRoot?.querySelector<HTMLButtonElement>("button")?.click();
  });
}

const notesUrl = article?.dataset.notes;
if (notesUrl && document.querySelector(".ref__stub")) fillNotesOnOpen(notesUrl);
