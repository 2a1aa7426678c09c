import { describe, expect, it } from "vitest";
import { digestRecord } from "../../../src/lib/progress/digest.ts";
import type { ProgressRecord } from "../../../src/lib/progress/schema.ts";
import { attemptHistory, summarise as summariseDigests, type OutlineCourse } from "../../../src/lib/progress/summary.ts";

const summarise = (record: Pick<ProgressRecord, "lessons" | "attempts" | "runs">, outline: OutlineCourse[]) => summariseDigests(digestRecord(record), outline);

const outline: OutlineCourse[] = [
  { id: "basics", title: "人民调解基础", url: "/courses/basics/", lessons: [
    { key: "basics/a", title: "甲", url: "/a/" },
    { key: "basics/b", title: "乙", url: "/b/" },
  ] },
  { id: "procedure", title: "调解程序实务", url: "/courses/procedure/", lessons: [{ key: "procedure/c", title: "丙", url: "/c/" }] },
];
const at = (m: number) => new Date(Date.UTC(2025, 0, 1, 8, m)).toISOString();
const lesson = (key: string, kind: "opened" | "completed", seconds: number, m: number) => ({ id: `${key}-${kind}-${m}`, lesson: key, kind, at: at(m), seconds });
const attempt = (quiz: string, score: number, passed: boolean, m: number) => ({
  id: `${quiz}-${m}`, quiz, seed: "s", items: ["x"], answers: {}, score, max: 5, passed, started: at(m), finished: at(m + 1),
});

describe("summarise", () => {
  it("counts completed lessons per course and recommends the first one not done", () => {
    const s = summarise({ lessons: [lesson("basics/a", "opened", 60, 0), lesson("basics/a", "completed", 600, 10)], attempts: [], runs: [] }, outline);
    expect(s.courses.map((c) => [c.id, c.done, c.total, c.percent])).toEqual([["basics", 1, 2, 50], ["procedure", 0, 1, 0]]);
    expect(s.lessonsDone).toBe(1);
    expect(s.lessonsTotal).toBe(3);
    expect(s.next?.key).toBe("basics/b");
    expect(s.studyMinutes).toBe(11);
  });

  it("offers the lesson last opened and not finished, as the home page's 继续学习 does", () => {
    // basics/b is the first not done, but procedure/c was opened last: 我的学习 and the home
    // page must agree on resuming procedure/c.
    const s = summarise({
      lessons: [lesson("basics/a", "completed", 60, 0), lesson("procedure/c", "opened", 60, 5)],
      attempts: [], runs: [],
    }, outline);
    expect(s.next).toEqual({ key: "procedure/c", title: "丙", url: "/c/", course: "调解程序实务" });
  });

  it("has no next step when every lesson is completed, and ignores lessons no longer in the outline", () => {
    const s = summarise({
      lessons: ["basics/a", "basics/b", "procedure/c", "old/removed"].map((k, i) => lesson(k, "completed", 60, i)),
      attempts: [], runs: [],
    }, outline);
    expect(s.next).toBeUndefined();
    expect(s.lessonsDone).toBe(3);
  });

  it("keeps each quiz's best score and whether it was ever passed", () => {
    const s = summarise({ lessons: [], attempts: [attempt("q", 2, false, 0), attempt("q", 4, true, 5), attempt("q", 3, false, 9)], runs: [] }, outline);
    expect(s.quizzes).toEqual([{ quiz: "q", attempts: 3, bestScore: 4, max: 5, passed: true, last: at(10) }]);
  });

  it("keeps each scenario's best score and the latest outcome", () => {
    const run = (score: number, outcome: string, m: number) => ({
      id: `r${m}`, scenario: "drainage-ditch", log: [], path: [], ending: "end", outcome, score, max: 10, started: at(m), finished: at(m + 1),
    });
    const s = summarise({ lessons: [], attempts: [], runs: [run(8, "lawful-agreement", 0), run(3, "escalation", 5)] }, outline);
    expect(s.scenarios).toEqual([{ scenario: "drainage-ditch", runs: 2, bestScore: 8, max: 10, lastOutcome: "escalation", last: at(6) }]);
  });
});

describe("attemptHistory", () => {
  it("lists one quiz's attempts newest first, up to a limit", () => {
    const attempts = [attempt("q", 2, false, 0), attempt("other", 5, true, 3), attempt("q", 4, true, 5), attempt("q", 3, false, 9)];
    expect(attemptHistory(attempts, "q").map((a) => [a.score, a.finished])).toEqual([[3, at(10)], [4, at(6)], [2, at(1)]]);
    expect(attemptHistory(attempts, "q", 2).map((a) => a.score)).toEqual([3, 4]);
    expect(attemptHistory(attempts, "none")).toEqual([]);
  });
});
