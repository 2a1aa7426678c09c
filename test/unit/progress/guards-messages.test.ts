/**
 * What the write-path guards (guards.ts) say, and the edges that guards.test.ts's
 * schema agreement does not reach. A refused save shows these problems to a developer
 * (see GuardProblem): each one must name the field, down to the list index or answer key,
 * and tell a missing field from one of the wrong type or out of range.
 */
import { describe, expect, it } from "vitest";
import { lessonEventProblems, quizAttemptProblems, scenarioRunProblems } from "../../../src/lib/progress/guards.ts";
import { quizAttemptSchema, scenarioRunSchema } from "../../../src/lib/progress/schema.ts";
import { sampleRecord } from "./sample.ts";

const record = sampleRecord();
const lesson = () => ({ ...record.lessons[0]! }) as Record<string, unknown>;
const attempt = () => structuredClone(record.attempts[0]!) as unknown as Record<string, unknown>;
const run = () => structuredClone(record.runs[0]!) as unknown as Record<string, unknown>;
const without = (value: Record<string, unknown>, key: string) => {
  const copy = { ...value };
  delete copy[key];
  return copy;
};

describe("problems name the field and the reason", () => {
  it("missing, or of the wrong type, for every kind of field", () => {
    expect(lessonEventProblems(without(lesson(), "lesson"))).toEqual(["lesson：缺少"]);
    expect(lessonEventProblems({ ...lesson(), lesson: 7 })).toEqual(["lesson：类型不对"]);
    expect(lessonEventProblems(without(lesson(), "at"))).toEqual(["at：缺少"]);
    expect(lessonEventProblems({ ...lesson(), at: 7 })).toEqual(["at：格式不对"]);
    expect(lessonEventProblems(without(lesson(), "seconds"))).toEqual(["seconds：缺少"]);
    expect(lessonEventProblems({ ...lesson(), seconds: "60" })).toEqual(["seconds：类型不对"]);
    expect(quizAttemptProblems(without(attempt(), "passed"))).toEqual(["passed：缺少"]);
    expect(quizAttemptProblems({ ...attempt(), passed: "yes" })).toEqual(["passed：类型不对"]);
    expect(quizAttemptProblems(without(attempt(), "answers"))).toEqual(["answers：缺少"]);
    expect(quizAttemptProblems({ ...attempt(), answers: [] })).toEqual(["answers：类型不对"]);
    expect(scenarioRunProblems(without(run(), "path"))).toEqual(["path：缺少"]);
    expect(scenarioRunProblems({ ...run(), path: "a" })).toEqual(["path：类型不对"]);
  });

  it("out of range, and unknown fields by name", () => {
    expect(lessonEventProblems({ ...lesson(), seconds: -1 })).toEqual(["seconds：超出范围"]);
    expect(lessonEventProblems({ ...lesson(), extra: 1, other: 2 })).toEqual(["多余的字段 extra、other"]);
  });

  it("down to the list index and the answer key", () => {
    expect(quizAttemptProblems({ ...attempt(), items: ["ok", "Bad_Id"] })).toEqual(["items.1：格式不对"]);
    expect(quizAttemptProblems({ ...attempt(), answers: { good: "a", bad: 5 } })).toEqual(["answers.bad：格式不对"]);
    expect(quizAttemptProblems({ ...attempt(), answers: JSON.parse('{"__proto__": "a"}') })).toContain("answers.__proto__：格式不对");
  });
});

/** The guard and the schema must agree (guards.test.ts's rule); these cases also pin the guard's answer. */
function agrees(guard: (v: unknown) => string[], schema: { safeParse(v: unknown): { success: boolean } }, value: unknown, valid: boolean) {
  expect(guard(value).length === 0, JSON.stringify(guard(value))).toBe(valid);
  expect(schema.safeParse(value).success).toBe(valid);
}

describe("edges", () => {
  it("a quiz attempt's max must be above zero, even with a score of zero", () => {
    agrees(quizAttemptProblems, quizAttemptSchema, { ...attempt(), score: 0, max: 0 }, false);
  });

  it("a score may exceed its max by float noise, never by more", () => {
    agrees(quizAttemptProblems, quizAttemptSchema, { ...attempt(), score: 0.5 + 1e-9, max: 0.5 }, true);
    agrees(quizAttemptProblems, quizAttemptSchema, { ...attempt(), score: 0.5 + 1e-8, max: 0.5 }, false);
  });

  it("every element of a list answer, and every value of a matching answer, must be short text", () => {
    agrees(quizAttemptProblems, quizAttemptSchema, { ...attempt(), answers: { a: ["p", 1] } }, false);
    agrees(quizAttemptProblems, quizAttemptSchema, { ...attempt(), answers: { a: { p: "q", r: 1 } } }, false);
    agrees(quizAttemptProblems, quizAttemptSchema, { ...attempt(), answers: { a: { ["k".repeat(100)]: "v" } } }, true);
  });

  it("a text of exactly the shortest length passes", () => {
    agrees(scenarioRunProblems, scenarioRunSchema, { ...run(), ending: "e" }, true);
  });

  it("a time must be text: an array holding one is refused", () => {
    agrees(scenarioRunProblems, scenarioRunSchema, { ...run(), started: ["2025-03-02T09:00:00.000Z"] }, false);
  });

  it("an answer object without a prototype is still a plain object", () => {
    const answers = Object.assign(Object.create(null) as Record<string, unknown>, { "who-may-apply": "a" });
    expect(quizAttemptProblems({ ...attempt(), answers })).toEqual([]);
  });
});
