/**
 * Fills a lesson's note popovers. The lesson page holds, for each cited provision or term, a
 * popover with only a link to the full entry (`.ref__stub`, astro-parts/mdx/Reference.astro);
 * the notes are the lesson's notes page. The first time the learner opens a note, that page
 * is fetched (once for the whole lesson) and each note opened is filled from it. If the
 * fetch fails (offline, the lesson not saved) the popover keeps its link, and the next
 * opening tries again.
 */
export function fillNotesOnOpen(notesUrl: string): void {
  let notes: Promise<Document> | undefined;
  // Popovers' toggle events do not bubble: listen in the capture phase.
  document.addEventListener(
    "toggle",
    (event) => {
      const note = event.target as HTMLElement;
      if ((event as ToggleEvent).newState !== "open" || !note.classList?.contains("ref__stub")) return;
      notes ??= fetch(notesUrl)
        .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${response.status}`))))
        .then((html) => new DOMParser().parseFromString(html, "text/html"));
      notes.then(
        (doc) => {
          const full = doc.getElementById(note.id);
          if (!full || !note.classList.contains("ref__stub")) return;
          note.classList.remove("ref__stub");
          note.replaceChildren(...full.childNodes);
        },
        () => (notes = undefined),
      );
    },
    true,
  );
}
