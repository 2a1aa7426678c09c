/** Reading records of every version: v1 upgrades, future versions are refused. */
import { describe, expect, it } from "vitest";
import { mergeRecords } from "../../../src/lib/progress/merge.ts";
import { checkVersion, migrateRecord } from "../../../src/lib/progress/migrate.ts";
import { CURRENT_VERSION, progressRecordSchema } from "../../../src/lib/progress/schema.ts";
import { LEARNER, sampleRecord, sampleV1 } from "./sample.ts";

/** The sample version 1 record, migrated (inside each test, so that a broken migration fails a test, not the file's loading). */
function migratedV1() {
  const result = migrateRecord(sampleV1());
  if (!result.ok) throw new Error(result.problem.message);
  return result;
}

describe("migrating a version 1 record", () => {
  it("produces a valid current record and says where it came from", () => {
    const { record, from } = migratedV1();
    expect(from).toBe(1);
    expect(record.version).toBe(CURRENT_VERSION);
    expect(progressRecordSchema.safeParse(record).success).toBe(true);
  });

  it("splits the place into township and village and converts times to ISO", () => {
    const { record } = migratedV1();
    expect(record.learner).toEqual({
      id: LEARNER,
      name: "张秀兰",
      township: "城关镇",
      village: "东关村",
      created: "2024-11-05T02:00:00.000Z",
      updated: "2024-11-05T02:00:00.000Z",
    });
  });

  it("turns each completion into a completed event and each score into an attempt out of 100", () => {
    const { record } = migratedV1();
    expect(record.lessons).toEqual([
      { id: "v1.lesson.basics.principles", lesson: "basics/principles", kind: "completed", at: "2024-11-05T03:00:00.000Z", seconds: 0 },
      { id: "v1.lesson.procedure.the-session", lesson: "procedure/the-session", kind: "completed", at: "2024-11-06T03:00:00.000Z", seconds: 0 },
    ]);
    expect(record.attempts.map((a) => [a.score, a.max, a.passed, a.seed, a.items, a.answers])).toEqual([
      [50, 100, false, "", [], {}],
      [100, 100, true, "", [], {}],
    ]);
    expect(record.runs).toEqual([]);
  });

  it("derives ids from content, so the same v1 record migrated on two devices merges without duplicates", () => {
    const { record } = migratedV1();
    const again = migrateRecord(sampleV1());
    if (!again.ok) throw new Error("second migration failed");
    expect(again.record).toEqual(record);
    const merged = mergeRecords(record, again.record);
    expect(merged.lessons).toHaveLength(2);
    expect(merged.attempts).toHaveLength(2);
  });

  it("keeps two v1 scores taken in the same millisecond apart", () => {
    const v1 = sampleV1();
    v1.quizScores.push({ ...v1.quizScores[1] });
    const twin = migrateRecord(v1);
    expect(twin.ok && twin.record.attempts.map((a) => a.id)).toEqual([
      `v1.quiz.the-session-check.${Date.UTC(2024, 10, 6, 3, 10, 0)}`,
      `v1.quiz.the-session-check.${Date.UTC(2024, 10, 6, 3, 20, 0)}`,
      `v1.quiz.the-session-check.${Date.UTC(2024, 10, 6, 3, 20, 0)}.1`,
    ]);
  });

  it("handles a place with one word, or none", () => {
    const one = migrateRecord({ ...sampleV1(), learner: { ...sampleV1().learner, place: "城关镇" } });
    expect(one.ok && [one.record.learner.township, one.record.learner.village]).toEqual(["城关镇", ""]);
    const none = migrateRecord({ ...sampleV1(), learner: { ...sampleV1().learner, place: "" } });
    expect(none.ok && [none.record.learner.township, none.record.learner.village]).toEqual(["", ""]);
  });
});

describe("a current record", () => {
  it("passes through unchanged", () => {
    const result = migrateRecord(sampleRecord());
    expect(result).toEqual({ ok: true, record: sampleRecord(), from: 2 });
  });
});

describe("refusals", () => {
  it("refuses a future version with a clear zh-CN message", () => {
    const result = migrateRecord({ ...sampleRecord(), version: 3 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe("future-version");
    expect(result.problem.message).toContain("第 3 版");
    expect(result.problem.message).toContain(`第 ${CURRENT_VERSION} 版及更早`);
    expect(result.problem.message).toContain("更新");
  });

  it("refuses a missing or nonsensical version", () => {
    for (const version of [undefined, 0, -1, 1.5, "2", null]) {
      expect(checkVersion(version)).toMatchObject({ ok: false, problem: { code: "invalid" } });
    }
    expect(migrateRecord(null)).toMatchObject({ ok: false, problem: { code: "invalid" } });
  });

  it("validates against the schema of the version it claims, with field details", () => {
    const broken = { ...sampleV1(), learner: { ...sampleV1().learner, name: "" } };
    const result = migrateRecord(broken);
    expect(result).toMatchObject({ ok: false, problem: { code: "invalid" } });
    if (!result.ok) expect(result.problem.details).toEqual(["learner.name：姓名不能为空"]);
    // A v2-shaped record labelled version 1 is not silently accepted.
    expect(migrateRecord({ ...sampleRecord(), version: 1 }).ok).toBe(false);
  });
});

describe("version numbers, each refusal in its own words", () => {
  it("zero and negative numbers are not a version: the same message as a missing one", () => {
    const notAVersion = "学习记录缺少格式版本号 version，或版本号不是正整数，文件可能已损坏。";
    for (const version of [0, -1, 1.5, "1", undefined]) {
      expect(checkVersion(version)).toEqual({ ok: false, problem: { code: "invalid", message: notAVersion, details: [] } });
    }
    expect(checkVersion(1)).toEqual({ ok: true, version: 1 });
    expect(checkVersion(CURRENT_VERSION)).toEqual({ ok: true, version: CURRENT_VERSION });
  });
});
