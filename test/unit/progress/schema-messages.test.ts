/**
 * What a learner reads when an imported record is refused (schema.ts through migrate.ts):
 * one line per field at fault, its path down to the entry, and a zh-CN reason that says
 * what is expected. Each case breaks one rule of one field.
 */
import { describe, expect, it } from "vitest";
import { describeIssues, zhCN } from "../../../src/lib/progress/issues.ts";
import { migrateRecord } from "../../../src/lib/progress/migrate.ts";
import { progressRecordSchema } from "../../../src/lib/progress/schema.ts";
import { sampleRecord, sampleV1 } from "./sample.ts";

type Editable = Record<string, unknown> & { learner: Record<string, unknown>; lessons: Record<string, unknown>[]; attempts: Record<string, unknown>[]; runs: Record<string, unknown>[] };

/** The details of the refusal of the sample record after `edit`, as the import reports them. */
function details(edit: (r: Editable) => void): string[] {
  const record = structuredClone(sampleRecord()) as unknown as Editable;
  edit(record);
  const result = migrateRecord(record);
  if (result.ok) throw new Error("expected the record to be refused");
  expect(result.problem).toMatchObject({ code: "invalid", message: "学习记录的内容不完整或格式不对，没有导入。" });
  return result.problem.details;
}

const ISO_HINT = "时间应为 ISO 8601 格式，例如 2025-03-01T08:30:00.000Z";

describe("the profile", () => {
  it("id", () => {
    expect(details((r) => delete r.learner.id)).toEqual(["learner.id：缺少编号 id"]);
    expect(details((r) => (r.learner.id = "张秀兰"))).toEqual(["learner.id：编号只能由 1 到 100 个字母、数字和 . _ : - 组成"]);
    expect(details((r) => (r.learner.id = 7))).toEqual(["learner.id：应为文字，实际是数字"]);
  });

  it("name, township and village", () => {
    expect(details((r) => delete r.learner.name)).toEqual(["learner.name：缺少姓名"]);
    expect(details((r) => (r.learner.name = 7))).toEqual(["learner.name：姓名应为文字"]);
    expect(details((r) => (r.learner.name = "  "))).toEqual(["learner.name：姓名不能为空"]);
    expect(details((r) => (r.learner.name = "名".repeat(41)))).toEqual(["learner.name：姓名最多 40 个字"]);
    expect(details((r) => (r.learner.township = "镇".repeat(41)))).toEqual(["learner.township：乡镇（街道）最多 40 个字"]);
    expect(details((r) => delete r.learner.village)).toEqual(["learner.village：缺少村（社区）"]);
  });

  it("times", () => {
    expect(details((r) => delete r.learner.created)).toEqual(["learner.created：缺少时间"]);
    expect(details((r) => (r.learner.updated = "昨天"))).toEqual([`learner.updated：${ISO_HINT}`]);
    expect(details((r) => (r.learner.changed = { name: "昨天" }))).toEqual([`learner.changed.name：${ISO_HINT}`]);
    expect(details((r) => (r.learner.changed = { age: "2025-03-01T08:00:00.000Z" }))).toEqual(["learner.changed：不认识的字段 age：请检查拼写，或删除它"]);
  });
});

describe("lesson events", () => {
  it("lesson and kind", () => {
    expect(details((r) => (r.lessons[0]!.lesson = "procedure"))).toEqual(["lessons.0.lesson：课时应写成 <课程编号>/<课时编号>"]);
    expect(details((r) => (r.lessons[1]!.kind = "closed"))).toEqual(['lessons.1.kind：只能是 opened / completed 之一，实际是 "closed"']);
  });

  it("seconds: whole, not negative, at most a day", () => {
    expect(details((r) => (r.lessons[0]!.seconds = 1.5))).toEqual(["lessons.0.seconds：秒数应为整数"]);
    expect(details((r) => (r.lessons[0]!.seconds = "60"))).toEqual(["lessons.0.seconds：应为数字，实际是文字"]);
    expect(details((r) => (r.lessons[0]!.seconds = -1))).toEqual(["lessons.0.seconds：秒数不能为负"]);
    expect(details((r) => (r.lessons[0]!.seconds = 86_401))).toEqual(["lessons.0.seconds：一次学习最多记 24 小时"]);
    expect(details((r) => delete r.lessons[0]!.seconds)).toEqual(["lessons.0.seconds：缺少这个字段，应填写数字"]);
  });

  it("an id used twice", () => {
    expect(details((r) => (r.lessons[1]!.id = "ev-open-1"))).toEqual(["lessons.1.id：学习记录编号 ev-open-1 重复"]);
  });
});

describe("quiz attempts", () => {
  it("quiz, seed, items", () => {
    expect(details((r) => delete r.attempts[0]!.quiz)).toEqual(["attempts.0.quiz：缺少编号"]);
    expect(details((r) => (r.attempts[0]!.quiz = "The_Quiz"))).toEqual(["attempts.0.quiz：编号只能用小写字母、数字和连字符，例如 written-agreement"]);
    expect(details((r) => (r.attempts[0]!.seed = "s".repeat(65)))).toEqual(["attempts.0.seed：最多 64 个字"]);
    expect(details((r) => (r.attempts[0]!.items = Array(201).fill("x")))).toEqual(["attempts.0.items：最多 200 项"]);
  });

  it("answers with a reserved key", () => {
    expect(details((r) => (r.attempts[0]!.answers = JSON.parse('{"__proto__": "a"}')))).toEqual([
      "attempts.0.answers：作答里的题目和选项编号不能是 __proto__、constructor、prototype",
    ]);
  });

  it("score and max", () => {
    expect(details((r) => (r.attempts[0]!.score = 3))).toEqual(["attempts.0.score：得分不能高于满分"]);
    expect(details((r) => (r.attempts[0]!.score = -1))).toEqual(["attempts.0.score：不能小于 0"]);
    expect(details((r) => Object.assign(r.attempts[0]!, { score: 0, max: 0 }))).toEqual(["attempts.0.max：应大于 0"]);
    // Both rules at once: each is reported.
    expect(details((r) => (r.attempts[0]!.max = 0))).toEqual(["attempts.0.max：应大于 0", "attempts.0.score：得分不能高于满分"]);
  });

  it("an id used twice", () => {
    expect(details((r) => r.attempts.push({ ...r.attempts[0]! }))).toEqual(["attempts.1.id：测验记录编号 at-1 重复"]);
  });
});

describe("scenario runs", () => {
  it("log, path, ending, outcome, max", () => {
    expect(details((r) => (r.runs[0]!.log = [Number.NaN]))).toEqual(["runs.0.log.0：应为 JSON 值，嵌套最多 64 层，且不能有 __proto__、constructor、prototype 这样的字段名"]);
    expect(details((r) => (r.runs[0]!.log = Array(2001).fill(1)))).toEqual(["runs.0.log：最多 2000 项"]);
    expect(details((r) => (r.runs[0]!.path = ["n".repeat(101)]))).toEqual(["runs.0.path.0：最多 100 个字"]);
    expect(details((r) => (r.runs[0]!.path = Array(2001).fill("n")))).toEqual(["runs.0.path：最多 2000 项"]);
    expect(details((r) => (r.runs[0]!.ending = ""))).toEqual(["runs.0.ending：不能为空"]);
    expect(details((r) => (r.runs[0]!.ending = "e".repeat(101)))).toEqual(["runs.0.ending：最多 100 个字"]);
    expect(details((r) => (r.runs[0]!.outcome = "o".repeat(41)))).toEqual(["runs.0.outcome：最多 40 个字"]);
    expect(details((r) => (r.runs[0]!.max = -1))).toEqual(["runs.0.max：不能小于 0"]);
  });

  it("an id used twice", () => {
    expect(details((r) => r.runs.push({ ...r.runs[0]! }))).toEqual(["runs.1.id：案例模拟记录编号 run-1 重复"]);
  });
});

describe("the record", () => {
  it("a version-2 record must say version 2", () => {
    const result = progressRecordSchema.safeParse({ ...sampleRecord(), version: 1 }, zhCN);
    expect(result.success || describeIssues(result.error.issues)).toEqual(["version：只能是 2，实际是 1"]);
  });

  it("a duplicate is reported along with what else is wrong with the entry; entries that are not objects are reported alone", () => {
    expect(details((r) => r.lessons.push({ ...r.lessons[0]!, seconds: -1 }))).toEqual(["lessons.2.seconds：秒数不能为负", "lessons.2.id：学习记录编号 ev-open-1 重复"]);
    expect(details((r) => (r.lessons = [null, null] as never))).toEqual(["lessons.0：应为字段组，实际是空", "lessons.1：应为字段组，实际是空"]);
  });
});

describe("version 1 records", () => {
  type V1 = Record<string, unknown> & { learner: Record<string, unknown>; quizScores: Record<string, unknown>[] };
  function v1Details(edit: (r: V1) => void): string[] {
    const record = structuredClone(sampleV1()) as unknown as V1;
    edit(record);
    const result = migrateRecord(record);
    if (result.ok) throw new Error("expected the record to be refused");
    return result.problem.details;
  }

  it("place, times and percentages", () => {
    expect(v1Details((r) => (r.learner.place = "镇".repeat(81)))).toEqual(["learner.place：最多 80 个字"]);
    expect(v1Details((r) => (r.learner.created = -1))).toEqual(["learner.created：不能小于 0"]);
    expect(v1Details((r) => (r.learner.created = 8.64e15 + 1))).toEqual(["learner.created：不能大于 8640000000000000"]);
    expect(v1Details((r) => (r.learner.created = 1.5))).toEqual(["learner.created：应为整数，实际是 1.5"]);
    expect(v1Details((r) => (r.quizScores[0]!.percent = 101))).toEqual(["quizScores.0.percent：不能大于 100"]);
    expect(v1Details((r) => (r.quizScores[0]!.percent = -1))).toEqual(["quizScores.0.percent：不能小于 0"]);
    expect(v1Details((r) => (r.lessonsCompleted = { basics: 1 }))).toEqual(["lessonsCompleted.basics：字段名不对，课时应写成 <课程编号>/<课时编号>"]);
  });

  it("a place is trimmed before it is split", () => {
    const result = migrateRecord({ ...sampleV1(), learner: { ...sampleV1().learner, place: "  城关镇  " } });
    expect(result.ok && [result.record.learner.township, result.record.learner.village]).toEqual(["城关镇", ""]);
  });
});
