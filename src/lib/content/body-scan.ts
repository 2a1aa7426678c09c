/** Finds the components an author used in an MDX body, with their line numbers. */

export interface ComponentUse {
  /** Component name, e.g. `Law`. */
  name: string;
  /** Attributes written as plain strings: id="rmtjf-28" → { id: "rmtjf-28" }. */
  attributes: Record<string, string>;
  /** 0-based line within the body. */
  line: number;
  column: number;
}

const tagPattern = /<([A-Z][A-Za-z0-9]*)((?:\s+[A-Za-z][\w-]*(?:=(?:"[^"]*"|'[^']*'|\{[^}]*\}))?)*)\s*\/?>/g;
const attributePattern = /([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|(\{[^}]*\})))?/g;

export function scanComponents(body: string): ComponentUse[] {
  const uses: ComponentUse[] = [];
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - lineStarts[lo] + 1 };
  };
  const code = blankOutCode(body);
  for (const match of code.matchAll(tagPattern)) {
    const attributes: Record<string, string> = {};
    for (const attr of match[2].matchAll(attributePattern)) {
      attributes[attr[1]] = attr[2] ?? attr[3] ?? attr[4] ?? "";
    }
    uses.push({ name: match[1], attributes, ...lineOf(match.index ?? 0) });
  }
  return uses;
}

/**
 * Replace code and MDX comments with spaces (keeping offsets) so that examples are not
 * scanned: fences of three or more backticks or tildes (indented too, closed by a fence
 * at least as long), inline code of any backtick count, and {/* comments *\/}.
 */
function blankOutCode(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  return body
    .replace(/^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?^[ \t]*\1[`~]*[ \t]*$/gm, blank)
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank);
}
