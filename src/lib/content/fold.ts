/**
 * Folded YAML text (`>-`) joins its lines with a space. Between two lines of Chinese that
 * space shows on the page (“调解员， 要先确认”), so folded text is joined again here: a line
 * break between two wide (CJK) characters disappears, everywhere else it stays a space.
 * The rule is CSS Text 3's segment-break transformation (a break between two East Asian
 * wide characters, Hangul excepted, is removed), with one addition for Chinese text: the
 * punctuation of ambiguous width (“ ” ‘ ’ — … ·) counts as wide when the other side is wide.
 * parseYamlSource applies it once, so scenarios, banks, law, glossary and every other
 * YAML content kind read the same text.
 */
import { isScalar, parseDocument, Scalar, visit, type Document } from "yaml";

/** Han, kana, bopomofo, CJK symbols and punctuation, full-width forms (not Hangul). */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u2e80-\u2fdf\u3000-\u303f\u3200-\u32ff\u31c0-\u31ef\uff01-\uff60\uffe0-\uffe6]/u;
/** Punctuation Chinese text shares with Latin text; its width depends on its neighbours. */
const AMBIGUOUS = /[\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/u;

export const isWide = (char: string): boolean => WIDE.test(char);

/** What a folded line break between `before` and `after` (single characters) becomes. */
export function foldJoiner(before: string, after: string): "" | " " {
  const wideBefore = isWide(before);
  const wideAfter = isWide(after);
  if (wideBefore && (wideAfter || AMBIGUOUS.test(after))) return "";
  if (wideAfter && AMBIGUOUS.test(before)) return "";
  return " ";
}

/**
 * `folded` is YAML's value of a folded block, `literal` the same block read as literal
 * (`|`, line breaks kept). They differ only where YAML folded: a single line break became
 * a space, and a run of n line breaks became n − 1. Each folding space is replaced by
 * `foldJoiner` of the characters around the line break it stands for.
 */
export function joinFoldedLines(folded: string, literal: string): string {
  let out = "";
  let i = 0;
  for (let j = 0; j < literal.length; j++) {
    const l = literal[j];
    if (folded[i] === l) {
      out += l;
      i++;
    } else if (l === "\n" && folded[i] === " ") {
      // A folded single line break: between two non-empty lines, so both neighbours exist.
      out += foldJoiner(literal.charAt(j - 1), literal.charAt(j + 1));
      i++;
    } else if (l !== "\n") {
      return folded; // not the same block after all: keep YAML's value
    } // else: one of a run of line breaks that folding shortened
  }
  return i === folded.length ? out : folded;
}

/** The literal reading of the folded block scalar at `range` in `text`; undefined when it cannot be read alone. */
function literalOf(text: string, range: readonly number[]): string | undefined {
  const block = text.slice(range[0], range[1]);
  // An explicit indentation indicator (`>2`) is relative to the parent: not readable alone.
  if (/\d/.test(block.slice(1, 3))) return undefined;
  const doc = parseDocument(`|${block.slice(1)}`);
  return doc.errors.length === 0 && isScalar(doc.contents) ? String(doc.contents.value) : undefined;
}

/** Re-join every folded block scalar of `doc` (parsed from `text`) with `joinFoldedLines`. */
export function joinFoldedText(doc: Document, text: string): void {
  visit(doc, {
    Scalar(_key, node) {
      // Only `>` blocks: plain text spread over several lines is folded too, but the guides teach `>-`.
      if (node.type !== Scalar.BLOCK_FOLDED || !node.range) return;
      const literal = literalOf(text, node.range);
      if (literal !== undefined) node.value = joinFoldedLines(String(node.value), literal);
    },
  });
}
