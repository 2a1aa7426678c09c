/**
 * zh-CN wording for what zod 4 finds wrong in a learner record. The record schemas use
 * zod/v4-mini, which loads no locale: an issue whose schema gave no message of its own
 * would read "Invalid input". Parsing with `zhCN` words every such issue from its code
 * and data instead, so a learner never sees English. (Content files are checked with
 * zod 3 and worded by content/zod-issues.ts, in the same style.)
 */
import type * as z from "zod/v4-mini";

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;

const typeNames: Record<string, string> = {
  string: "文字",
  number: "数字",
  int: "整数",
  boolean: "true 或 false",
  array: "列表",
  object: "字段组",
  record: "字段组",
  null: "空",
  undefined: "空",
  date: "日期",
  instance: "其他对象",
  function: "函数",
};

const typeName = (type: string) => typeNames[type] ?? type;

/** zod 4 issues carry the input, not its type: name it the way typeNames does. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value instanceof Date ? "date" : "instance";
  }
  return typeof value;
}

/** "实际是数字"; with `verbatim`, a short text, number or true/false is shown itself: 实际是 "closed". */
function actual(value: unknown, verbatim = false): string {
  if (verbatim && typeof value === "string") return `实际是 ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (verbatim && (typeof value === "number" || typeof value === "boolean")) return `实际是 ${value}`;
  return `实际是${typeName(kindOf(value))}`;
}

const pathText = (path: readonly PropertyKey[]) => path.map(String).join(".");

function tooSmall(issue: Extract<RawIssue, { code: "too_small" }>): string {
  const n = Number(issue.minimum);
  switch (issue.origin) {
    case "string":
      return n <= 1 ? "不能为空" : `最少 ${n} 个字`;
    case "array":
    case "set":
      return `最少 ${n} 项`;
    default:
      return issue.inclusive === false ? `应大于 ${n}` : `不能小于 ${n}`;
  }
}

function tooBig(issue: Extract<RawIssue, { code: "too_big" }>): string {
  const n = Number(issue.maximum);
  switch (issue.origin) {
    case "string":
      return `最多 ${n} 个字`;
    case "array":
    case "set":
      return `最多 ${n} 项`;
    default:
      return issue.inclusive === false ? `应小于 ${n}` : `不能大于 ${n}`;
  }
}

/**
 * A failed union keeps every branch's issues. Our unions' branches differ by type, so at
 * most one got past the type check; when one did, its findings are the useful ones (an
 * answer that is too long), not "wrong type" from all the others.
 */
const wrongTypeHere = (i: Issue): i is z.core.$ZodIssueInvalidType => i.code === "invalid_type" && i.path.length === 0;

function matchingBranch(issue: { errors: Issue[][] }): Issue[] | undefined {
  const near = issue.errors.filter((branch) => !branch.some(wrongTypeHere));
  return near.length === 1 ? near[0] : undefined;
}

function unionMessage(issue: Extract<RawIssue, { code: "invalid_union" }>): string {
  const branch = matchingBranch(issue);
  if (branch) return describeIssues(branch).join("；");
  const allowed = new Set(issue.errors.flat().flatMap((i) => (wrongTypeHere(i) ? [typeName(i.expected)] : [])));
  if (!allowed.size) return "内容不符合要求";
  const choice = `${[...allowed].join(" / ")} 之一`;
  return issue.input === undefined ? `缺少这个字段，应填写${choice}` : `应为 ${choice}，${actual(issue.input)}`;
}

/** One readable zh-CN sentence for an issue whose schema set no message: what is wrong, what is expected. */
export function issueMessage(issue: RawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      // zod 4 reports a missing key as the wrong type with no input.
      if (issue.input === undefined) return `缺少这个字段，应填写${typeName(issue.expected)}`;
      // A number that is not an integer is worth showing: 应为整数，实际是 1.5.
      return `应为${typeName(issue.expected)}，${actual(issue.input, issue.expected === "int")}`;
    case "invalid_value": {
      const allowed = issue.values.map(String).join(" / ");
      const choice = issue.values.length > 1 ? `${allowed} 之一` : allowed;
      return issue.input === undefined ? `缺少这个字段，应填写 ${choice}` : `只能是 ${choice}，${actual(issue.input, true)}`;
    }
    case "unrecognized_keys":
      return `不认识的字段 ${issue.keys.join("、")}：请检查拼写，或删除它`;
    case "too_small":
      return tooSmall(issue);
    case "too_big":
      return tooBig(issue);
    case "invalid_format":
      // Our patterns all bring their own message; this is for one that does not.
      return "格式不对";
    case "invalid_union":
      return unionMessage(issue);
    case "invalid_key":
      // The path already ends in the key; say that the key, not its value, is wrong.
      return `字段名不对，${issue.issues.map((i) => i.message).join("；")}`;
    default:
      // custom (refinements always bring their own message), not_multiple_of, invalid_element: none in our schemas.
      return "内容不符合要求";
  }
}

/** Parse options: `schema.safeParse(value, zhCN)` gives every issue a zh-CN message. */
export const zhCN = { error: issueMessage } as const satisfies z.core.ParseContext<Issue>;

/** `learner.name：缺少姓名`, one line per finding, from the issues of a parse with `zhCN`. */
export function describeIssues(issues: readonly Issue[]): string[] {
  // zod 4 runs length checks even on a value of the wrong type (a long string where a
  // list belongs); the wrong type is the finding, the length is noise.
  const wrongType = new Set(issues.flatMap((i) => (i.code === "invalid_type" ? [pathText(i.path)] : [])));
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_type" && wrongType.has(pathText(issue.path))) return [];
    const branch = issue.code === "invalid_union" ? matchingBranch(issue) : undefined;
    // Report the matching branch's findings at their own path (answers.q1.0), not the union's.
    if (branch) return describeIssues(branch.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
    return [`${issue.path.length ? `${pathText(issue.path)}：` : ""}${issue.message}`];
  });
}
