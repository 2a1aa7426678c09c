import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { joinFoldedText } from "./fold.ts";
import type { ContentIssue } from "./issues.ts";

export type FieldPath = readonly (string | number)[];

/** A parsed YAML text that can say on which line any field sits. */
export interface YamlSource {
  data: unknown;
  /** YAML syntax errors, already located. */
  issues: ContentIssue[];
  /**
   * Line and column of the value at `path` (or the closest existing parent); with
   * `{ key: true }`, of the key itself (for "unknown field" errors).
   */
  locate(path: FieldPath, options?: { key?: boolean }): { line: number; column: number };
}

/**
 * Parse YAML keeping positions. `lineOffset` shifts reported lines, for YAML that is
 * embedded in another file (MDX frontmatter starts after the opening `---`). Folded text
 * (`>-`) joins lines of Chinese without a space (fold.ts): every YAML content kind is read here.
 */
export function parseYamlSource(text: string, file: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const issues: ContentIssue[] = doc.errors.map((error) => ({
    file,
    ...position(error.pos[0]),
    field: "",
    message: `YAML 格式错误：${describeYamlError(error.code, error.message)}`,
  }));
  if (!issues.length) joinFoldedText(doc, text);

  const locate = (path: FieldPath, options: { key?: boolean } = {}) => {
    // Walk down as far as the path exists, so a missing field points at its parent.
    let node: unknown = doc.contents;
    let found: Node | null = (doc.contents as Node | null) ?? null;
    for (const [depth, key] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (item.key as { value?: unknown })?.value === key);
        if (!pair) break;
        node = pair.value;
        const wantKey = options.key && depth === path.length - 1;
        found = wantKey ? (pair.key as Node) : ((pair.value as Node | null) ?? (pair.key as Node));
      } else if (isSeq(node) && typeof key === "number" && node.items[key] !== undefined) {
        node = node.items[key];
        found = node as Node;
      } else break;
    }
    const range = found?.range;
    return range ? position(range[0]) : { line: 1 + lineOffset, column: 1 };
  };

  return { data: issues.length ? undefined : doc.toJS(), issues, locate };
}

function describeYamlError(code: string, message: string): string {
  const hints: Record<string, string> = {
    DUPLICATE_KEY: "同一层级出现了重复的字段名，请删除或合并其中一个",
    BAD_INDENT: "缩进不一致，同一层级的字段请用相同数量的空格对齐（不要用 Tab）",
    TAB_AS_INDENT: "不能用 Tab 缩进，请改用空格",
    MISSING_CHAR: "缺少必要的符号（如冒号后的空格或成对的引号）",
    BLOCK_AS_IMPLICIT_KEY: "字段名写法有误，检查上一行是否缺少冒号或缩进错误",
    MULTILINE_IMPLICIT_KEY: "字段名不能跨行，检查是否缺少冒号",
    UNEXPECTED_TOKEN: "出现了意外的符号",
  };
  const firstLine = message.split("\n")[0];
  return hints[code] ? `${hints[code]}（${firstLine}）` : firstLine;
}

/** Split an MDX/Markdown file into its frontmatter YAML and body, remembering line offsets. */
export function splitFrontmatter(text: string): {
  frontmatter: string | null;
  /** Line (0-based) in the file where the frontmatter YAML starts. */
  frontmatterOffset: number;
  body: string;
  /** Line (0-based) in the file where the body starts. */
  bodyOffset: number;
} {
  // Editors on Windows may save a byte order mark; Astro accepts it, so do we.
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m.exec(text);
  if (!match) return { frontmatter: null, frontmatterOffset: 0, body: text, bodyOffset: 0 };
  const bodyOffset = match[0].split("\n").length - 1;
  return { frontmatter: match[1], frontmatterOffset: 1, body: text.slice(match[0].length), bodyOffset };
}
