/** Readiness on hand-built records: every requirement met, each one missing, and the edges. */
import { describe, expect, it } from "vitest";
import { readiness, readinessCodes, readinessOfRecord } from "../../../src/lib/certification/readiness.ts";
import type { Level } from "../../../src/lib/certification/schema.ts";
import { certificationStrings } from "../../../src/i18n/zh-CN.certification.ts";
import { allMet, attempt, facts, level, run } from "./sample.ts";

const req = (r: ReturnType<typeof readinessOfRecord>, kind: string, subject?: string) => {
  const found = r.requirements.find((x) => x.kind === kind && (subject === undefined || x.subject === subject));
  if (!found) throw new Error(`no ${kind} ${subject ?? ""}`);
  return found;
};
const say = (code: string, values: Record<string, string | number>) =>
  (certificationStrings as Record<string, string>)[`certification.req.${code}`].replace(/\{(\w+)\}/g, (w, k: string) => (k in values ? String(values[k]) : w));

describe("readiness", () => {
  it("all met: every self-study requirement met, the exam left to the trainer", () => {
    const r = readinessOfRecord(allMet(), level, facts);
    expect(r.selfStudyMet).toBe(true);
    expect({ done: r.done, total: r.total }).toEqual({ done: 5, total: 5 });
    expect(r.requirements.map((x) => [x.kind, x.met, x.code])).toEqual([
      ["course", true, "course-done"],
      ["final", true, "final-passed"],
      ["scenario-score", true, "scenario-score-met"],
      ["scenario-outcome", true, "scenario-outcome-met"],
      ["hours", true, "hours-met"],
      ["exam", false, "exam"],
    ]);
    expect(req(r, "exam").selfStudy).toBe(false);
    expect(req(r, "exam").values).toEqual({ mark: 80 });
  });

  it("a new learner: nothing met, each with its way forward", () => {
    const r = readinessOfRecord({ lessons: [], attempts: [], runs: [] }, level, facts);
    expect(r.selfStudyMet).toBe(false);
    expect(r.done).toBe(0);
    expect(say(req(r, "course").code, req(r, "course").values)).toBe("《人民调解基础》还差 3 课：第一课、第二课、第三课");
    expect(req(r, "course").links.map((l) => l.path)).toEqual(["courses/basics/one/", "courses/basics/two/", "courses/basics/three/"]);
    expect(say(req(r, "final").code, req(r, "final").values)).toBe("基础 · 结课测试还没有做，需 80 分");
    expect(req(r, "final").links).toEqual([{ label: "基础 · 结课测试", path: "quizzes/basics-final/" }]);
    expect(req(r, "scenario-score").code).toBe("scenario-not-played");
    expect(req(r, "scenario-outcome").code).toBe("scenario-not-played");
    expect(req(r, "scenario-outcome").links).toEqual([{ label: "分流", path: "scenarios/referral/" }]);
    expect(say(req(r, "hours").code, req(r, "hours").values)).toBe("已学习 0 分钟，需 2 小时，还差 2 小时");
  });

  it("names the lessons still missing", () => {
    const record = allMet();
    record.lessons = record.lessons.slice(0, 1).concat([{ ...record.lessons[1], kind: "opened" }]);
    const r = readinessOfRecord(record, level, facts);
    const course = req(r, "course");
    expect(course.met).toBe(false);
    expect(say(course.code, course.values)).toBe("《人民调解基础》还差 2 课：第二课、第三课");
    expect(course.links.map((l) => l.label)).toEqual(["第二课", "第三课"]);
    expect(r.selfStudyMet).toBe(false);
  });

  it("a final under its pass mark says the score and the mark", () => {
    const record = { ...allMet(), attempts: [attempt("basics-final", 62, 100)] };
    const r = readinessOfRecord(record, level, facts);
    expect(say(req(r, "final").code, req(r, "final").values)).toBe("基础 · 结课测试 62 分，需 80 分");
    expect(r.selfStudyMet).toBe(false);
  });

  it("a score just under the mark is never shown rounded up to it", () => {
    const r = readinessOfRecord({ ...allMet(), attempts: [attempt("basics-final", 79.6, 100)] }, level, facts);
    expect(req(r, "final")).toMatchObject({ met: false, values: { score: 79 } });
  });

  it("the pass mark itself passes, whatever the maximum", () => {
    const r = readinessOfRecord({ ...allMet(), attempts: [attempt("basics-final", 12, 15)] }, level, facts);
    expect(req(r, "final")).toMatchObject({ met: true, values: { score: 80 } });
  });

  it("nothing passes out of a maximum of 0", () => {
    const r = readinessOfRecord({ ...allMet(), attempts: [attempt("basics-final", 0, 0)] }, level, facts);
    expect(req(r, "final")).toMatchObject({ met: false, values: { score: 0 } });
  });

  it("a final passed only on the third attempt counts", () => {
    const record = { ...allMet(), attempts: [attempt("basics-final", 5, 10, 0, 1), attempt("basics-final", 7, 10, 0, 2), attempt("basics-final", 9, 10, 0, 3)] };
    const r = readinessOfRecord(record, level, facts);
    expect(req(r, "final")).toMatchObject({ met: true, code: "final-passed", values: { score: 90, attempts: 3 } });
    expect(r.selfStudyMet).toBe(true);
  });

  it("a failed later attempt does not undo a pass", () => {
    const record = { ...allMet(), attempts: [attempt("basics-final", 9, 10, 0, 1), attempt("basics-final", 2, 10, 0, 2)] };
    expect(req(readinessOfRecord(record, level, facts), "final").met).toBe(true);
  });

  it("a scenario under its minimum score", () => {
    const record = { ...allMet(), runs: [run("ditch", 19, "lawful-agreement"), run("referral", 5, "correct-referral", 20)] };
    const r = readinessOfRecord(record, level, facts);
    expect(say(req(r, "scenario-score").code, req(r, "scenario-score").values)).toBe("情景模拟「排水沟」最高 19 分，需 20 分");
  });

  it("a scenario finished with the wrong outcome", () => {
    const record = { ...allMet(), runs: [run("ditch", 30, "lawful-agreement"), run("referral", 30, "unlawful-agreement", 20)] };
    const r = readinessOfRecord(record, level, facts);
    const outcome = req(r, "scenario-outcome");
    expect(outcome.met).toBe(false);
    expect(say(outcome.code, outcome.values)).toBe("情景模拟「分流」最近一次以“违法或被迫的协议”结束，需以“正确引导分流 或 依法达成协议”结束，请再做一次");
    expect(r.selfStudyMet).toBe(false);
  });

  it("a later run with the right outcome fixes it; a later wrong one undoes it", () => {
    const fixed = { ...allMet(), runs: [run("ditch", 30, "lawful-agreement"), run("referral", 3, "escalation", 20), run("referral", 3, "lawful-agreement", 30)] };
    expect(req(readinessOfRecord(fixed, level, facts), "scenario-outcome").met).toBe(true);
    const undone = { ...allMet(), runs: [run("ditch", 30, "lawful-agreement"), run("referral", 3, "lawful-agreement", 20), run("referral", 3, "escalation", 30)] };
    expect(req(readinessOfRecord(undone, level, facts), "scenario-outcome").met).toBe(false);
  });

  it("study hours exactly at the boundary are met", () => {
    const r = readinessOfRecord(allMet(), level, facts);
    expect(req(r, "hours")).toMatchObject({ met: true, values: { have: "2 小时", need: "2 小时" } });
  });

  it("one minute under the hours is not met, and says 1 分钟", () => {
    const record = allMet();
    record.lessons[0] = { ...record.lessons[0], seconds: 2400 - 60 };
    const r = readinessOfRecord(record, level, facts);
    expect(say(req(r, "hours").code, req(r, "hours").values)).toBe("已学习 1 小时 59 分钟，需 2 小时，还差 1 分钟");
    expect(r.selfStudyMet).toBe(false);
  });

  it("one second under the hours is still not met", () => {
    const record = allMet();
    record.lessons[0] = { ...record.lessons[0], seconds: 2399 };
    const r = readinessOfRecord(record, level, facts);
    expect(req(r, "hours")).toMatchObject({ met: false, values: { short: "1 分钟" } });
  });

  it("quiz and scenario time count towards the hours, as hours.ts counts them", () => {
    const record = allMet();
    record.lessons[0] = { ...record.lessons[0], seconds: 2400 - 600 };
    record.attempts = [attempt("basics-final", 8, 10, 10)];
    expect(req(readinessOfRecord(record, level, facts), "hours").met).toBe(true);
  });

  it("a level requiring another level: not self-study, met only when held", () => {
    const review: Level = { ...level, id: "review", requires: { ...level.requires, levels: ["pre-job"] } };
    const unknown = readinessOfRecord(allMet(), review, facts);
    const held = req(unknown, "level");
    expect(held).toMatchObject({ met: false, selfStudy: false, code: "level-to-confirm", values: { level: "岗前培训合格" } });
    expect(say(held.code, held.values)).toBe("须已取得岗前培训合格（考试时由培训老师核对证书）");
    expect(held.links).toEqual([{ label: "岗前培训合格", path: "certification/" }]);
    // Self-study is complete: the trainer checks the certificate at the exam.
    expect(unknown.selfStudyMet).toBe(true);
    const known = readinessOfRecord(allMet(), review, facts, { held: new Set(["pre-job"]) });
    expect(req(known, "level")).toMatchObject({ met: true, code: "level-held" });
    expect(readinessOfRecord(allMet(), review, facts, { held: new Set(["other"]) }).requirements[0].met).toBe(false);
  });

  it("a course the facts do not know is never met", () => {
    const r = readiness([], { ...level, requires: { ...level.requires, courses: ["gone"] } }, facts);
    expect(req(r, "course")).toMatchObject({ met: false, values: { course: "gone", count: 1 } });
  });

  it("a level without hours has no hours requirement", () => {
    const r = readinessOfRecord(allMet(), { ...level, requires: { ...level.requires, hours: 0 } }, facts);
    expect(r.requirements.some((x) => x.kind === "hours")).toBe(false);
  });

  it("every message code has zh-CN wording", () => {
    for (const code of readinessCodes) expect(certificationStrings, code).toHaveProperty(`certification.req.${code}`);
  });
});
