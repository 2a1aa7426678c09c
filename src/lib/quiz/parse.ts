/** Question bank text → typed value plus located issues. Pure, like content/parse.ts. */
import type { ContentIssue } from "../content/issues.ts";
import { parseYamlSource, type FieldPath } from "../content/source.ts";
import { zodIssues } from "../content/zod-issues.ts";
import { bankFileSchema, type QuizBankFile } from "./schema.ts";

export type Locate = (path: FieldPath) => { line: number; column: number };

export interface ParsedBank {
  value: QuizBankFile | undefined;
  issues: ContentIssue[];
  locate: Locate;
}

export function parseBankText(text: string, file: string): ParsedBank {
  const source = parseYamlSource(text, file);
  if (source.issues.length) return { value: undefined, issues: source.issues, locate: source.locate };
  if (source.data === undefined || source.data === null) {
    return { value: undefined, issues: [{ file, line: 1, column: 1, field: "", message: "文件是空的" }], locate: source.locate };
  }
  const result = bankFileSchema.safeParse(source.data);
  return result.success
    ? { value: result.data, issues: [], locate: source.locate }
    : { value: undefined, issues: zodIssues(result.error, file, source.locate), locate: source.locate };
}
