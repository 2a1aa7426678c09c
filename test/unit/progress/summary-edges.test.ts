/**
 * 我的学习's summary (summary.ts) and study time (hours.ts) at their edges: percentages
 * rounded, a course without lessons, what counts as done, the most recent activity first,
 * a long attempt history cut at its limit, and study time capped per entry.
 */
import { describe, expect, it } from "vitest";
import { digestRecord } from "../../../src/lib/progress/digest.ts";
import { entryMilliseconds, MAX_COUNTED_SECONDS, secondsOf, studyHours, studyMinutes, studySeconds } from "../../../src/lib/progress/hours.ts";
import type { LessonEvent, ProgressRecord, QuizAttempt, ScenarioRun } from "../../../src/lib/progress/schema.ts";
import { attemptHistory, summarise, type OutlineCourse } from "../../../src/lib/progress/summary.ts";
import { sampleRecord } from "./sample.ts";

const at = (m: number) => new Date(Date.UTC(2025, 0, 1, 8, m)).toISOString();
const lesson = (key: string, kind: LessonEvent["kind"], m: number, seconds = 60): LessonEvent => ({ id: `${key}-${kind}-${m}`, lesson: key, kind, at: at(m), seconds });
const attempt = (quiz: string, m: number, patch: Partial<QuizAttempt> = {}): QuizAttempt => ({
  ...sampleRecord().attempts[0]!, id: `${quiz}-${m}`, quiz, started: at(m), finished: at(m + 1), ...patch,
});
const run = (scenario: string, m: number, patch: Partial<ScenarioRun> = {}): ScenarioRun => ({
  ...sampleRecord().runs[0]!, id: `${scenario}-${m}`, scenario, started: at(m), finished: at(m + 2), ...patch,
});
const record = (parts: Partial<Pick<ProgressRecord, "lessons" | "attempts" | "runs">>) => ({ lessons: [], attempts: [], runs: [], ...parts });

const course = (id: string, keys: string[]): OutlineCourse => ({ id, title: `课程 ${id}`, url: `/courses/${id}/`, lessons: keys.map((key) => ({ key, title: key, url: `/${key}/` })) });
const outline = [course("basics", ["basics/a", "basics/b", "basics/c"]), course("empty", []), course("procedure", ["procedure/d"])];

describe("summarise: courses", () => {
  it("counts only completed lessons as done, rounds percentages, and shows 0 % for a course without lessons", () => {
    const s = summarise(
      digestRecord(record({ lessons: [lesson("basics/a", "completed", 0), lesson("basics/b", "completed", 1), lesson("basics/c", "opened", 2), lesson("procedure/d", "opened", 3)] })),
      outline,
    );
    expect(s.courses).toEqual([
      { id: "basics", title: "课程 basics", url: "/courses/basics/", done: 2, total: 3, percent: 67 },
      { id: "empty", title: "课程 empty", url: "/courses/empty/", done: 0, total: 0, percent: 0 },
      { id: "procedure", title: "课程 procedure", url: "/courses/procedure/", done: 0, total: 1, percent: 0 },
    ]);
    expect([s.lessonsDone, s.lessonsTotal]).toEqual([2, 4]);
    // The lesson last opened and not finished, in its course.
    expect(s.next).toEqual({ key: "procedure/d", title: "procedure/d", url: "/procedure/d/", course: "课程 procedure" });
  });

  it("one of three done is 33 %; a quiz or scenario named like a lesson does not complete it", () => {
    const s = summarise(
      digestRecord(record({ lessons: [lesson("basics/b", "completed", 0)], attempts: [attempt("basics/a", 1)], runs: [run("basics/c", 2)] })),
      outline,
    );
    expect(s.courses[0]).toMatchObject({ done: 1, total: 3, percent: 33 });
    expect(s.next).toEqual({ key: "basics/a", title: "basics/a", url: "/basics/a/", course: "课程 basics" });
  });

  it("nothing at all: nothing done, no time, the first lesson next", () => {
    const s = summarise([], outline);
    expect(s).toEqual({
      courses: outline.map((c) => ({ id: c.id, title: c.title, url: c.url, done: 0, total: c.lessons.length, percent: 0 })),
      lessonsDone: 0,
      lessonsTotal: 4,
      studyMinutes: 0,
      quizzes: [],
      scenarios: [],
      next: { key: "basics/a", title: "basics/a", url: "/basics/a/", course: "课程 basics" },
    });
  });
});

describe("summarise: study time", () => {
  it("adds lesson, quiz and scenario time into whole minutes", () => {
    // 90 s + 60 s of lessons, a 60 s attempt and a 120 s run: 330 s, 5.5 minutes, shown as 6.
    const s = summarise(digestRecord(record({ lessons: [lesson("basics/a", "opened", 0, 90), lesson("basics/b", "opened", 1)], attempts: [attempt("q", 2)], runs: [run("s", 3)] })), outline);
    expect(s.studyMinutes).toBe(6);
  });
});

describe("summarise: quizzes and scenarios, most recent first", () => {
  it("orders quizzes by their last attempt, newest first, whatever the order of the digests", () => {
    const digests = digestRecord(record({ attempts: [attempt("q-old", 0), attempt("q-new", 20), attempt("q-mid", 10, { score: 1, passed: false })] }));
    const expected = [
      { quiz: "q-new", attempts: 1, bestScore: 2, max: 2, passed: true, last: at(21) },
      { quiz: "q-mid", attempts: 1, bestScore: 1, max: 2, passed: false, last: at(11) },
      { quiz: "q-old", attempts: 1, bestScore: 2, max: 2, passed: true, last: at(1) },
    ];
    expect(summarise(digests, outline).quizzes).toEqual(expected);
    expect(summarise([...digests].reverse(), outline).quizzes).toEqual(expected);
  });

  it("orders scenarios the same way, with each one's latest outcome", () => {
    const digests = digestRecord(record({ runs: [run("s-new", 30, { outcome: "escalation" }), run("s-old", 0), run("s-mid", 10, { outcome: undefined })] }));
    const expected = [
      { scenario: "s-new", runs: 1, bestScore: 8, max: 10, lastOutcome: "escalation", last: at(32) },
      { scenario: "s-mid", runs: 1, bestScore: 8, max: 10, lastOutcome: undefined, last: at(12) },
      { scenario: "s-old", runs: 1, bestScore: 8, max: 10, lastOutcome: "lawful-agreement", last: at(2) },
    ];
    expect(summarise(digests, outline).scenarios).toEqual(expected);
    expect(summarise([...digests].reverse(), outline).scenarios).toEqual(expected);
  });

  it("lists quizzes and scenarios only, each in its own list, from a record that has every kind", () => {
    const s = summarise(digestRecord(record({ lessons: [lesson("basics/a", "completed", 0)], attempts: [attempt("q", 1)], runs: [run("s", 2)] })), outline);
    expect(s.quizzes).toEqual([{ quiz: "q", attempts: 1, bestScore: 2, max: 2, passed: true, last: at(2) }]);
    expect(s.scenarios).toEqual([{ scenario: "s", runs: 1, bestScore: 8, max: 10, lastOutcome: "lawful-agreement", last: at(4) }]);
  });

  it("keeps the given order for two quizzes last taken at the same moment", () => {
    const digests = digestRecord(record({ attempts: [attempt("q-a", 5), attempt("q-b", 5)] }));
    expect(summarise(digests, outline).quizzes.map((q) => q.quiz)).toEqual(["q-a", "q-b"]);
    expect(summarise([...digests].reverse(), outline).quizzes.map((q) => q.quiz)).toEqual(["q-b", "q-a"]);
    const runs = digestRecord(record({ runs: [run("s-a", 5), run("s-b", 5)] }));
    expect(summarise([...runs].reverse(), outline).scenarios.map((s) => s.scenario)).toEqual(["s-b", "s-a"]);
  });
});

describe("attemptHistory", () => {
  it("shows at most 50 by default, the newest, with only the fields the list needs", () => {
    const attempts = Array.from({ length: 52 }, (_, i) => attempt("q", i));
    const rows = attemptHistory(attempts, "q");
    expect(rows).toHaveLength(50);
    expect(rows[0]).toEqual({ id: "q-51", finished: at(52), score: 2, max: 2, passed: true });
    expect(rows.at(-1)!.id).toBe("q-2");
  });

  it("lists attempts handed in at the same moment by id, in any input order", () => {
    const same = ["c", "a", "b"].map((id) => ({ ...attempt("q", 1), id }));
    expect(attemptHistory(same, "q").map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(attemptHistory([...same].reverse(), "q").map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(attemptHistory([attempt("q", 1), attempt("q", 3), attempt("q", 2)], "q").map((r) => r.id)).toEqual(["q-3", "q-2", "q-1"]);
    expect(attemptHistory([attempt("q", 3), attempt("q", 1), attempt("q", 2)], "q").map((r) => r.id)).toEqual(["q-3", "q-2", "q-1"]);
  });
});

describe("study time per entry", () => {
  it("a lesson counts what the page measured, up to four hours", () => {
    const value = lesson("basics/a", "opened", 0, 20_000);
    expect(MAX_COUNTED_SECONDS).toBe(14_400);
    expect(entryMilliseconds({ kind: "lesson", value })).toBe(14_400_000);
    expect(entryMilliseconds({ kind: "lesson", value: { ...value, seconds: 14_399 } })).toBe(14_399_000);
  });

  it("an attempt or run counts from start to finish, never less than nothing, never more than four hours", () => {
    expect(entryMilliseconds({ kind: "attempt", value: attempt("q", 0, { finished: "2025-01-01T08:00:01.500Z" }) })).toBe(1500);
    expect(entryMilliseconds({ kind: "run", value: run("s", 10, { finished: at(0) }) })).toBe(0);
    expect(entryMilliseconds({ kind: "run", value: run("s", 0, { finished: at(241) }) })).toBe(14_400_000);
  });

  it("sums in milliseconds and rounds once, to seconds, minutes and hours", () => {
    // Two attempts of 1.5 s each: 3 s, not 2 × 2 s.
    const r = record({ attempts: [0, 1].map((m) => attempt("q", m, { finished: new Date(Date.parse(at(m)) + 1500).toISOString() })) });
    expect(studySeconds(r)).toBe(3);
    expect(secondsOf(1499)).toBe(1);
    expect(secondsOf(1500)).toBe(2);
    // 89 s rounds to 1 minute; 90 s to 2.
    expect(studyMinutes(record({ lessons: [lesson("basics/a", "opened", 0, 89)] }))).toBe(1);
    expect(studyMinutes(record({ lessons: [lesson("basics/a", "opened", 0, 90)] }))).toBe(2);
    expect(studyHours(record({ lessons: [lesson("basics/a", "opened", 0, 5400)] }))).toBe(1.5);
  });
});
