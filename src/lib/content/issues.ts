/** A problem found in a content file, located precisely enough for a trainer to fix it. */
export interface ContentIssue {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based column; 0 when unknown. */
  column: number;
  /** Dotted field path such as `provisions.3.summary`, or "" for the file itself. */
  field: string;
  /** What is wrong and what is expected, in zh-CN for trainers. */
  message: string;
  /**
   * The cross-file rule that found it (`course-duplicate-order`), for tests and tools;
   * absent for YAML and schema problems. Every code a checker exports has a failing fixture.
   */
  code?: string;
}

export function formatIssue(issue: ContentIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column || 1}` : issue.file;
  const field = issue.field ? `${issue.field}: ` : "";
  return `${where}  ${field}${issue.message}`;
}

export function formatIssues(issues: readonly ContentIssue[]): string {
  const sorted = [...issues].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
  return sorted.map(formatIssue).join("\n");
}

/** Thrown by loaders when a file cannot be used; carries every issue found, not just the first. */
export class ContentError extends Error {
  constructor(readonly issues: readonly ContentIssue[]) {
    super(`内容检查发现 ${issues.length} 个问题：\n${formatIssues(issues)}`);
    this.name = "ContentError";
  }
}
