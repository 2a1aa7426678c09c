/**
 * The zh-CN sentence of each zod 3 issue the content schemas can raise (content/zod-issues.ts):
 * a trainer reads these, so none may be zod's English or its "'a' | 'b'" notation.
 */
import { z } from "astro/zod";
import { describe, expect, it } from "vitest";
import { describeZodIssue } from "../../../src/lib/content/zod-issues.ts";
import { checkQuizText, type KnownContent } from "../../../src/lib/quiz/check.ts";
import { multipleScoringRules } from "../../../src/lib/quiz/schema.ts";

/** The messages of `value` against `schema`, in zod's order. */
function messages(schema: z.ZodTypeAny, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map(describeZodIssue);
}

describe("describeZodIssue", () => {
  const kind = z.object({ kind: z.enum(["town", "county"]) }).strict();

  it("names the allowed words of a list when the value has the wrong type or is missing", () => {
    expect(messages(kind, { kind: 5 })).toEqual(["只能是 town / county 之一，实际是数字"]);
    expect(messages(kind, { kind: ["town"] })).toEqual(["只能是 town / county 之一，实际是列表（每项以 - 开头）"]);
    expect(messages(kind, {})).toEqual(["缺少这个字段，可写 town / county 之一"]);
  });

  it("names every allowed word, and reads only a whole list of quoted words as one", () => {
    expect(messages(z.object({ level: z.enum(["easy", "medium", "hard"]) }), { level: 2 })).toEqual(["只能是 easy / medium / hard 之一，实际是数字"]);
    // Not a list of words: a type name after a word, a word after a type name.
    const wrongType = (expected: string) => describeZodIssue({ code: "invalid_type", expected, received: "number", path: [], message: `Expected ${expected}, received number` } as never);
    expect(wrongType("'easy' | string")).toBe("应为'easy' | string，实际是数字");
    expect(wrongType("string | 'easy'")).toBe("应为string | 'easy'，实际是数字");
  });

  it("names a wrong word and the allowed ones", () => {
    expect(messages(kind, { kind: "city" })).toEqual(['只能是 town / county 之一，实际是 "city"']);
  });

  it("names plain types in words", () => {
    const schema = z.object({ title: z.string(), count: z.number(), done: z.boolean() });
    expect(messages(schema, { title: 1, count: "1", done: null })).toEqual(["应为文字，实际是数字", "应为数字，实际是文字", "应为true 或 false，实际是空"]);
    expect(messages(schema, { count: 1, done: true })).toEqual(["缺少这个字段，应填写文字"]);
  });

  it("keeps a schema's own message, and names unknown fields", () => {
    expect(messages(z.string({ required_error: "缺少标题 title", invalid_type_error: "标题应为文字" }), 3)).toEqual(["标题应为文字"]);
    expect(messages(z.string({ required_error: "缺少标题 title" }), undefined)).toEqual(["缺少标题 title"]);
    expect(messages(kind, { kind: "town", kinds: 1, extra: 2 })).toEqual(["不认识的字段 kinds、extra：请检查拼写，或删除它"]);
  });

  const nothingKnown: KnownContent = { provisions: new Set(), lessons: new Set(), courses: new Set() };

  it("is what a trainer reads for a bank-wide scoring rule written as a number", () => {
    const { issues } = checkQuizText("id: demo\ntitle: 示例题库\nscoring:\n  multiple: 1\n", "content/quizzes/demo.yaml", nothingKnown);
    expect(issues.map((i) => `${i.line}:${i.column} ${i.field} ${i.message}`)).toEqual([
      `4:13 scoring.multiple 多选题计分规则只能是 ${multipleScoringRules.join(" / ")} 之一，实际是数字`,
    ]);
  });
});
