/**
 * The file picker of the trainers' pages (/trainers/class/, /authoring/preview/): a real
 * file input (keyboard, screen readers) whose label is the visible button, inside a zone
 * that also takes files dropped on it. Styles: src/styles/file-drop.css.
 */
import { html, type TemplateResult } from "lit";

export interface FileDropOptions {
  /** The input's id; its hint is `<id>-hint`. */
  id: string;
  /** The button's text. */
  label: string;
  /** The line under it (what to pick, that nothing is uploaded). */
  hint: string;
  accept: string;
  multiple?: boolean;
  /** The files picked or dropped (never none; one unless `multiple`). */
  onFiles: (files: File[]) => void;
}

const zoneOf = (event: Event) => event.currentTarget as HTMLElement;

export function fileDrop({ id, label, hint, accept, multiple = false, onFiles }: FileDropOptions): TemplateResult {
  const take = (files: File[]) => {
    const kept = multiple ? files : files.slice(0, 1);
    if (kept.length) onFiles(kept);
  };
  const onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Cleared so that picking the same file again, after an edit, reads it again.
    input.value = "";
    take(files);
  };
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    zoneOf(event).classList.add("is-dragging");
  };
  const onDragLeave = (event: DragEvent) => zoneOf(event).classList.remove("is-dragging");
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    zoneOf(event).classList.remove("is-dragging");
    take([...(event.dataTransfer?.files ?? [])]);
  };
  return html`<div class="file-drop" @dragover=${onDragOver} @dragleave=${onDragLeave} @drop=${onDrop}>
    <input id=${id} class="file-drop-input" type="file" ?multiple=${multiple} accept=${accept} @change=${onChange} aria-describedby=${`${id}-hint`} />
    <label class="button" for=${id}>${label}</label>
    <p id=${`${id}-hint`}>${hint}</p>
  </div>`;
}
