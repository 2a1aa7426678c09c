import type { ZodError, ZodIssue } from "zod";
import type { ContentIssue } from "./issues.ts";
import type { FieldPath } from "./source.ts";

type Locate = (path: FieldPath, options?: { key?: boolean }) => { line: number; column: number };

const typeNames: Record<string, string> = {
  string: "文字",
  number: "数字",
  boolean: "true 或 false",
  array: "列表（每项以 - 开头）",
  object: "字段组",
  null: "空",
};

/** A zod type name (`number`) in a trainer's words (数字). */
export const typeWord = (type: string): string => typeNames[type] ?? type;

/** An enum's options, which zod 3 spells in `expected` as "'a' | 'b'"; undefined for a type name. */
const enumOptions = (expected: string): string[] | undefined =>
  /^'[^']*'(?: \| '[^']*')*$/.test(expected) ? (expected.match(/'[^']*'/g) as string[]).map((quoted) => quoted.slice(1, -1)) : undefined;

/** One readable zh-CN sentence per zod issue: what is wrong and what is expected. */
export function describeZodIssue(issue: ZodIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      // A value of the wrong type for a list of allowed words (kind: 5) names the words, not zod's "'a' | 'b'".
      const options = enumOptions(issue.expected);
      if (issue.received === "undefined") {
        if (issue.message !== "Required") return issue.message;
        return options ? `缺少这个字段，可写 ${options.join(" / ")} 之一` : `缺少这个字段，应填写${typeWord(issue.expected)}`;
      }
      if (issue.message !== `Expected ${issue.expected}, received ${issue.received}`) return issue.message;
      const received = typeWord(issue.received);
      return options ? `只能是 ${options.join(" / ")} 之一，实际是${received}` : `应为${typeWord(issue.expected)}，实际是${received}`;
    }
    case "unrecognized_keys":
      return `不认识的字段 ${issue.keys.join("、")}：请检查拼写，或删除它`;
    case "invalid_enum_value":
      return issue.message.startsWith("Invalid enum")
        ? `只能是 ${issue.options.join(" / ")} 之一，实际是 ${JSON.stringify(issue.received)}`
        : issue.message;
    default:
      // too_small, too_big, invalid_string, custom: the schemas word these themselves.
      return issue.message;
  }
}

/** Turn a ZodError into located content issues; `prefix` is prepended to each field path. */
export function zodIssues(error: ZodError, file: string, locate: Locate, prefix: FieldPath = []): ContentIssue[] {
  return error.issues.map((issue) => {
    // For unknown keys, point at the key itself rather than the parent object.
    const path =
      issue.code === "unrecognized_keys" ? [...prefix, ...issue.path, issue.keys[0]] : [...prefix, ...issue.path];
    return {
      file,
      ...locate(path, { key: issue.code === "unrecognized_keys" }),
      field: path.join("."),
      message: describeZodIssue(issue),
    };
  });
}
