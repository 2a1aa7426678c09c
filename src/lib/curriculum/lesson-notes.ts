/**
 * The notes of a lesson's <Law> and <Term> citations. The lesson page carries, for each
 * provision or term it cites, a popover holding only a plain link to the full entry; the
 * notes themselves (heading, summary, related entries) are a separate small page per lesson
 * (`courses/<course>/<lesson>/notes/`), fetched when the learner first opens a note. This
 * keeps the text of every cited provision out of a lesson's first visit.
 */
import { scanComponents } from "../content/body-scan.ts";

export type NoteKind = "law" | "term";

export interface NoteRef {
  kind: NoteKind;
  /** Provision id (`rmtjf-28`) or glossary term id (`sifa-queren`). */
  id: string;
}

/** The element id of a note, the same on the lesson page and on its notes page. */
export const noteElementId = (kind: NoteKind, id: string): string => `note-${kind}-${id}`;

/** Site path of a lesson's notes page, relative to the base ("courses/basics/principles/notes/"). */
export const lessonNotesPath = (courseId: string, lessonId: string): string => `courses/${courseId}/${lessonId}/notes/`;

/**
 * Every provision and term an MDX lesson body cites with <Law id> or <Term id>, each once,
 * in order of first citation. Uses without an id are skipped (the content check reports them).
 */
export function citedNotes(body: string): NoteRef[] {
  const seen = new Set<string>();
  const notes: NoteRef[] = [];
  for (const use of scanComponents(body)) {
    const kind = use.name === "Law" ? "law" : use.name === "Term" ? "term" : undefined;
    const id = use.attributes.id;
    if (!kind || !id || seen.has(`${kind}:${id}`)) continue;
    seen.add(`${kind}:${id}`);
    notes.push({ kind, id });
  }
  return notes;
}
