/**
 * The zh-CN describer (issues.ts) on the inputs issues.test.ts does not reach: dates,
 * functions and prototype-less objects; a long text shown cut; true/false shown as given;
 * sets; a union none of whose branches could be named by type.
 */
import { describe, expect, it } from "vitest";
import * as z from "zod/v4-mini";
import { describeIssues, zhCN } from "../../../src/lib/progress/issues.ts";
import { quizAttemptSchema } from "../../../src/lib/progress/schema.ts";
import { sampleRecord } from "./sample.ts";

function lines(schema: z.ZodMiniType, value: unknown): string[] {
  const result = schema.safeParse(value, zhCN);
  if (result.success) throw new Error("expected the value to be refused");
  return describeIssues(result.error.issues);
}

describe("what came instead", () => {
  it("names dates, functions and objects without a prototype", () => {
    expect(lines(z.string(), new Date(0))).toEqual(["应为文字，实际是日期"]);
    expect(lines(z.string(), () => 1)).toEqual(["应为文字，实际是函数"]);
    expect(lines(z.string(), Object.create(null))).toEqual(["应为文字，实际是字段组"]);
  });

  it("shows a given text, cut after 40 characters, and a given true or false", () => {
    expect(lines(z.enum(["opened", "completed"]), "x".repeat(41))).toEqual([`只能是 opened / completed 之一，实际是 "${"x".repeat(40)}…"`]);
    expect(lines(z.enum(["opened", "completed"]), "x".repeat(40))).toEqual([`只能是 opened / completed 之一，实际是 "${"x".repeat(40)}"`]);
    expect(lines(z.literal(true), false)).toEqual(["只能是 true，实际是 false"]);
  });

  it("an integer expected: a number is shown, anything else is named", () => {
    expect(lines(z.int(), 2.5)).toEqual(["应为整数，实际是 2.5"]);
    expect(lines(z.int(), true)).toEqual(["应为数字，实际是true 或 false"]);
    expect(lines(z.int(), "abc")).toEqual(["应为数字，实际是文字"]);
  });

  it("a missing single allowed value says what to fill in", () => {
    expect(lines(z.strictObject({ algorithm: z.literal("SHA-256") }), {})).toEqual(["algorithm：缺少这个字段，应填写 SHA-256"]);
  });
});

describe("sizes", () => {
  it("sets are counted in items; a text of at least two characters says how many", () => {
    expect(lines(z.set(z.string()).check(z.minSize(2)), new Set(["a"]))).toEqual(["最少 2 项"]);
    expect(lines(z.set(z.string()).check(z.maxSize(1)), new Set(["a", "b"]))).toEqual(["最多 1 项"]);
    expect(lines(z.string().check(z.minLength(2)), "a")).toEqual(["最少 2 个字"]);
    expect(lines(z.array(z.string()).check(z.minLength(1)), [])).toEqual(["最少 1 项"]);
  });

  it("numbers: a strict lower bound says 'greater than'", () => {
    expect(lines(z.number().check(z.gt(0)), 0)).toEqual(["应大于 0"]);
    expect(lines(z.number().check(z.gte(1)), 0)).toEqual(["不能小于 1"]);
    expect(lines(z.number().check(z.lte(1)), 2)).toEqual(["不能大于 1"]);
  });
});

describe("unions", () => {
  it("branches of one type that both refuse the value: a general sentence, not a list of types", () => {
    const either = z.union([z.string().check(z.regex(/^a/)), z.string().check(z.regex(/^b/))]);
    expect(lines(either, "c")).toEqual(["内容不符合要求"]);
  });

  it("an answer that is too long names the length limit, though the list branch also complains about its length", () => {
    // responseSchema: text (at most 100), true/false, a list (at most 20), a record, null. A
    // 101-character text is too long for the text branch and of the wrong type (and too long)
    // for the list: only the text branch's finding is useful.
    expect(lines(quizAttemptSchema, { ...sampleRecord().attempts[0]!, answers: { "who-may-apply": "x".repeat(101) } })).toEqual(["answers.who-may-apply：最多 100 个字"]);
  });

  it("a missing value where a union belongs is named as missing, like any missing field", () => {
    expect(lines(z.strictObject({ a: z.union([z.string(), z.number()]) }), {})).toEqual(["a：缺少这个字段，应填写文字 / 数字 之一"]);
  });

  it("a value of none of the types: each type once, with the path", () => {
    const field = z.strictObject({ a: z.union([z.string(), z.number(), z.string().check(z.minLength(3))]) });
    expect(lines(field, { a: null })).toEqual(["a：应为 文字 / 数字 之一，实际是空"]);
  });
});
