/**
 * The zh-CN describer for zod 4 issues (issues.ts): every issue code it words, with real
 * schemas parsed the way the store and import parse them, and no English ever shown.
 */
import { describe, expect, it } from "vitest";
import * as z from "zod/v4-mini";
import { describeIssues, issueMessage, zhCN } from "../../../src/lib/progress/issues.ts";
import { progressRecordSchema, quizAttemptSchema } from "../../../src/lib/progress/schema.ts";
import { sampleRecord } from "./sample.ts";

/** What the learner reads for `value` against `schema`. */
function lines(schema: z.ZodMiniType, value: unknown): string[] {
  const result = schema.safeParse(value, zhCN);
  if (result.success) throw new Error("expected the value to be refused");
  return describeIssues(result.error.issues);
}

const answers = z.strictObject({ a: z.string() });

describe("invalid_type", () => {
  it("a missing field says what to fill in", () => {
    expect(lines(answers, {})).toEqual(["a：缺少这个字段，应填写文字"]);
    expect(lines(z.strictObject({ n: z.number() }), {})).toEqual(["n：缺少这个字段，应填写数字"]);
  });

  it("a wrong type says what was expected and what came", () => {
    expect(lines(answers, { a: 5 })).toEqual(["a：应为文字，实际是数字"]);
    expect(lines(z.array(z.string()), { x: 1 })).toEqual(["应为列表，实际是字段组"]);
    expect(lines(z.record(z.string(), z.string()), [])).toEqual(["应为字段组，实际是列表"]);
    expect(lines(z.boolean(), null)).toEqual(["应为true 或 false，实际是空"]);
    expect(lines(z.record(z.string(), z.string()), new Map())).toEqual(["应为字段组，实际是其他对象"]);
  });

  it("integers and numbers JSON cannot hold", () => {
    expect(lines(z.int(), 1.5)).toEqual(["应为整数，实际是 1.5"]);
    expect(lines(z.number(), Number.NaN)).toEqual(["应为数字，实际是NaN"]);
    expect(lines(z.number(), Number.POSITIVE_INFINITY)).toEqual(["应为数字，实际是Infinity"]);
  });
});

describe("invalid_value", () => {
  it("lists the allowed values and shows the one given", () => {
    expect(lines(z.enum(["opened", "completed"]), "closed")).toEqual(['只能是 opened / completed 之一，实际是 "closed"']);
    expect(lines(z.literal(2), 3)).toEqual(["只能是 2，实际是 3"]);
    expect(lines(z.literal(2), { v: 2 })).toEqual(["只能是 2，实际是字段组"]);
  });

  it("a missing one says what to fill in", () => {
    expect(lines(z.strictObject({ version: z.literal(2) }), {})).toEqual(["version：缺少这个字段，应填写 2"]);
  });
});

it("unrecognized_keys names every unknown field", () => {
  expect(lines(answers, { a: "x", b: 1, c: 2 })).toEqual(["不认识的字段 b、c：请检查拼写，或删除它"]);
});

describe("too_small and too_big", () => {
  it("text is counted in characters", () => {
    expect(lines(z.string().check(z.minLength(1)), "")).toEqual(["不能为空"]);
    expect(lines(z.string().check(z.minLength(3)), "ab")).toEqual(["最少 3 个字"]);
    expect(lines(z.string().check(z.maxLength(2)), "abc")).toEqual(["最多 2 个字"]);
  });

  it("lists are counted in items", () => {
    expect(lines(z.array(z.number()).check(z.minLength(2)), [1])).toEqual(["最少 2 项"]);
    expect(lines(z.array(z.number()).check(z.maxLength(1)), [1, 2])).toEqual(["最多 1 项"]);
  });

  it("numbers say whether the bound itself is allowed", () => {
    expect(lines(z.number().check(z.minimum(0)), -1)).toEqual(["不能小于 0"]);
    expect(lines(z.number().check(z.positive()), 0)).toEqual(["应大于 0"]);
    expect(lines(z.number().check(z.maximum(100)), 101)).toEqual(["不能大于 100"]);
    expect(lines(z.number().check(z.lt(1)), 1)).toEqual(["应小于 1"]);
  });
});

it("invalid_format without a message of its own", () => {
  expect(lines(z.string().check(z.regex(/^a/)), "b")).toEqual(["格式不对"]);
});

describe("invalid_union", () => {
  const response = z.union([z.string().check(z.maxLength(3)), z.boolean(), z.array(z.string()), z.null()]);

  it("lists the allowed types when the value matches none", () => {
    expect(lines(response, 5)).toEqual(["应为 文字 / true 或 false / 列表 / 空 之一，实际是数字"]);
  });

  it("reports the findings of the one branch whose type matched, at their own path", () => {
    expect(lines(response, "abcd")).toEqual(["最多 3 个字"]);
    expect(lines(z.strictObject({ q: response }), { q: ["x", 1] })).toEqual(["q.1：应为文字，实际是数字"]);
  });
});

it("invalid_key says the field name is wrong, and why", () => {
  const keyed = z.record(z.string().check(z.regex(/^[a-z]+\/[a-z]+$/, "课时应写成 <课程编号>/<课时编号>")), z.number());
  expect(lines(keyed, { basics: 1 })).toEqual(["basics：字段名不对，课时应写成 <课程编号>/<课时编号>"]);
});

it("anything else gets a general sentence, never zod's English", () => {
  expect(lines(z.number().check(z.multipleOf(2)), 3)).toEqual(["内容不符合要求"]);
  expect(lines(z.number().check(z.refine((n) => n > 0)), -1)).toEqual(["内容不符合要求"]);
  expect(issueMessage({ code: "invalid_element", origin: "set", key: 1, issues: [], input: new Set() })).toBe("内容不符合要求");
});

describe("describing issues", () => {
  it("a schema's own message wins over the describer", () => {
    expect(lines(z.string({ error: "自定义" }), 1)).toEqual(["自定义"]);
    expect(lines(z.string().check(z.maxLength(1, "太长了")), "ab")).toEqual(["太长了"]);
  });

  it("a value of the wrong type is reported once, without its length", () => {
    expect(lines(z.array(z.string()).check(z.maxLength(2)), "abc")).toEqual(["应为列表，实际是文字"]);
  });

  it("paths are joined with dots, and the root has none", () => {
    expect(lines(z.strictObject({ list: z.array(answers) }), { list: [{ a: "x" }, { a: 1 }] })).toEqual(["list.1.a：应为文字，实际是数字"]);
    expect(lines(answers, "x")).toEqual(["应为字段组，实际是文字"]);
  });

  it("every finding in a thoroughly broken record is Chinese", () => {
    const record = sampleRecord() as unknown as Record<string, unknown> & { attempts: Record<string, unknown>[]; runs: Record<string, unknown>[] };
    Object.assign(record, { version: "2", extra: true, lessons: [{}] });
    Object.assign(record.attempts[0]!, { seed: "s".repeat(65), items: "x".repeat(300), answers: { a: 5, b: [1], c: "x".repeat(101) }, score: -1, max: 0 });
    Object.assign(record.runs[0]!, { log: [Number.NaN, { a: new Date(0) }], ending: "", outcome: 1 });
    const found = lines(progressRecordSchema, record);
    expect(found.length).toBeGreaterThan(10);
    for (const line of found) expect(line).toMatch(/[\u4e00-\u9fff]/);
    expect(found.join("\n")).not.toMatch(/Invalid|Expected|Required|must/);
  });

  it("the score refinement names its field", () => {
    expect(lines(quizAttemptSchema, { ...sampleRecord().attempts[0]!, score: 3 })).toEqual(["score：得分不能高于满分"]);
  });
});
