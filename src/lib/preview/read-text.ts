/**
 * A dropped file's bytes as text, or why not: the preview refuses what `npm run check`
 * could never read (not UTF-8) and what no content file is (over 1 MB), instead of
 * showing garbage or freezing a phone.
 */
export const MAX_FILE_BYTES = 1024 * 1024;

export type ReadText = { ok: true; text: string } | { ok: false; code: "too-big" | "not-utf8" | "empty" };

export function readText(bytes: Uint8Array): ReadText {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, code: "too-big" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, code: "not-utf8" };
  }
  // A NUL never appears in a text file; it means a picture or a document was picked.
  if (text.includes("\0")) return { ok: false, code: "not-utf8" };
  if (text.trim() === "") return { ok: false, code: "empty" };
  return { ok: true, text };
}
