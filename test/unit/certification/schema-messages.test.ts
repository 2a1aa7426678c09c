/**
 * What a trainer reads for each mistake in a certification level file, field by field:
 * every message of the level schema, through the content checker's wording (zod-issues.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { describeZodIssue } from "../../../src/lib/content/zod-issues.ts";
import { grades, levelSchema } from "../../../src/lib/certification/schema.ts";
import { outcomes } from "../../../src/lib/scenario/vocabulary.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Level = any;
const base = (): Level => parse(readFileSync(join(process.cwd(), "test/fixtures/certification/base.yaml"), "utf8"));

/** The fixture level with `edit` applied → "field: message" per issue. */
function issuesAfter(edit: (level: Level) => void): string[] {
  const level = base();
  edit(level);
  const result = levelSchema.safeParse(level);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${describeZodIssue(issue)}`);
}

describe("certification level messages", () => {
  it("accepts the fixture as it is", () => {
    expect(issuesAfter(() => {})).toEqual([]);
  });

  it("fills what requires leaves out with nothing required", () => {
    const level = base();
    level.requires = {};
    expect(levelSchema.parse(level).requires).toEqual({ levels: [], courses: [], finals: [], scenarios: [], hours: 0 });
  });

  it.each<[string, (level: Level) => void, string]>([
    ["a missing pass mark", (l) => delete l.exam.passMark, "exam.passMark: 缺少及格线 passMark（0–100 的百分数，例如 80）"],
    ["a pass mark in words", (l) => (l.exam.passMark = "八十"), "exam.passMark: 及格线 passMark 应为 0–100 的数字，例如 80"],
    ["a pass mark below 0", (l) => (l.requires.finals[0].passMark = -1), "requires.finals.0.passMark: 及格线 passMark 不能小于 0：请写 0–100 的百分数，例如 80"],
    ["a pass mark above 100", (l) => (l.requires.finals[0].passMark = 101), "requires.finals.0.passMark: 及格线 passMark 不能大于 100：请写 0–100 的百分数，例如 80"],
    ["missing review hours", (l) => delete l.annualReview.hours, "annualReview.hours: 缺少复训学时 hours（小时数，例如 10）"],
    ["hours in words", (l) => (l.requires.hours = "十"), "requires.hours: 最少学时 hours应为小时数，例如 10"],
    ["negative hours", (l) => (l.requires.hours = -2), "requires.hours: 最少学时 hours不能为负"],
    ["too many hours", (l) => (l.annualReview.hours = 1001), "annualReview.hours: 复训学时 hours最多 1000 小时"],
    ["an unknown outcome", (l) => (l.requires.scenarios[1].outcomes = ["referred"]), `requires.scenarios.1.outcomes.0: 结局类型只能是 ${outcomes.join(" / ")} 之一`],
    ["no outcome listed", (l) => (l.requires.scenarios[1].outcomes = []), "requires.scenarios.1.outcomes: 要求的结局 outcomes 至少写一个"],
    ["a minimum score in words", (l) => (l.requires.scenarios[0].minScore = "二十"), "requires.scenarios.0.minScore: 最低分 minScore 应为数字"],
    ["a fractional minimum score", (l) => (l.requires.scenarios[0].minScore = 2.5), "requires.scenarios.0.minScore: 最低分 minScore 应为整数"],
    ["a negative minimum score", (l) => (l.requires.scenarios[0].minScore = -1), "requires.scenarios.0.minScore: 最低分 minScore 不能为负"],
    ["neither score nor outcomes", (l) => delete l.requires.scenarios[0].minScore, "requires.scenarios.0: 请写明最低分 minScore 或要求的结局 outcomes（至少一项）"],
    ["an unknown grade", (l) => (l.grade.name = "五级"), `grade.name: 等级 name 只能是 ${grades.join(" / ")} 之一`],
    ["a grade note too short", (l) => (l.grade.note = "见"), "grade.note: 等级说明 note至少 4 个字"],
    ["a title too short", (l) => (l.title = "岗"), "title: 名称 title至少 2 个字"],
    ["a summary too short", (l) => (l.summary = "岗前"), "summary: 简介 summary至少 10 个字"],
    ["a missing order", (l) => delete l.order, "order: 缺少顺序 order（整数，例如 1）"],
    ["a fractional order", (l) => (l.order = 1.5), "order: 顺序 order 应为整数"],
    ["a missing validity", (l) => delete l.validityMonths, "validityMonths: 缺少有效期 validityMonths（月数，例如 12）"],
    ["a validity in words", (l) => (l.validityMonths = "一年"), "validityMonths: 有效期 validityMonths 应为月数，例如 12"],
    ["a fractional validity", (l) => (l.validityMonths = 1.5), "validityMonths: 有效期 validityMonths 应为整数个月"],
    ["a validity of 0 months", (l) => (l.validityMonths = 0), "validityMonths: 有效期 validityMonths 至少 1 个月"],
    ["a validity over 10 years", (l) => (l.validityMonths = 121), "validityMonths: 有效期 validityMonths 最多 120 个月"],
    ["an unknown field", (l) => (l.requires.exam = true), "requires: 不认识的字段 exam：请检查拼写，或删除它"],
  ])("%s", (_name, edit, message) => {
    expect(issuesAfter(edit)).toEqual([message]);
  });
});
