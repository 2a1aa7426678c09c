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
  undefined: "空",
  null: "空",
  date: "日期",
};

/** One readable zh-CN sentence per zod issue: what is wrong and what is expected. */
export function describeZodIssue(issue: ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.received === "undefined") {
        return issue.message !== "Required" ? issue.message : `缺少这个字段，应填写${typeNames[issue.expected] ?? issue.expected}`;
      }
      if (issue.message !== `Expected ${issue.expected}, received ${issue.received}`) return issue.message;
      return `应为${typeNames[issue.expected] ?? issue.expected}，实际是${typeNames[issue.received] ?? issue.received}`;
    case "unrecognized_keys":
      return `不认识的字段 ${issue.keys.join("、")}：请检查拼写，或删除它`;
    case "invalid_enum_value":
      return issue.message.startsWith("Invalid enum")
        ? `只能是 ${issue.options.join(" / ")} 之一，实际是 ${JSON.stringify(issue.received)}`
        : issue.message;
    case "too_small":
    case "too_big":
    case "invalid_string":
    case "custom":
    default:
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
