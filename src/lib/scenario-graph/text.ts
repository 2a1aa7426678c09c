/**
 * Text for build-time SVG: there is no browser to measure with, so widths are estimated
 * from the characters (a Chinese character is about 1 em, Latin letters about 0.6 em),
 * on the generous side so that labels fit in any of the system fonts the site uses.
 */

/** Estimated advance of one character, in em. */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x2e80 || (code >= 0x2000 && code <= 0x206f && char !== " ")) return 1; // CJK, full-width, general punctuation (…, —)
  if (/[A-Z0-9]/.test(char)) return 0.66;
  if (/[mw]/.test(char)) return 0.86;
  if (/[il.,:;'!|]/.test(char)) return 0.32;
  return 0.58;
}

/** Estimated width in px of `text` at `fontSize` px; bold adds 5 %. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const char of text) em += charWidth(char);
  return em * fontSize * (bold ? 1.05 : 1);
}

const ELLIPSIS = "…";

/** `text` shortened with "…" so that it fits in `maxWidth` px. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const room = maxWidth - textWidth(ELLIPSIS, fontSize, bold);
  let out = "";
  let width = 0;
  for (const char of text) {
    const w = charWidth(char) * fontSize * (bold ? 1.05 : 1);
    if (width + w > room) break;
    out += char;
    width += w;
  }
  return out.trimEnd() + ELLIPSIS;
}

/** Escape for SVG/XML text and attribute values. */
export const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
