/** Lesson states and the lesson to go on with (src/lib/curriculum/lesson-states.ts). */
import { describe, expect, it } from "vitest";
import { courseState, lessonStates, nextLesson, type LessonTrace } from "../../../src/lib/curriculum/lesson-states.ts";

const lesson = (subject: string, completed: boolean, last: string): LessonTrace => ({ kind: "lesson", subject, completed, last });
const ORDER = ["a/one", "a/two", "a/three", "b/one"];

describe("lessonStates", () => {
  it("marks completed lessons done and opened ones started, and ignores quizzes and runs", () => {
    const states = lessonStates([
      lesson("a/one", true, "2026-01-01T00:00:00Z"),
      lesson("a/two", false, "2026-01-02T00:00:00Z"),
      { kind: "quiz", subject: "a/three", last: "2026-01-03T00:00:00Z" },
      { kind: "scenario", subject: "b/one", completed: true, last: "2026-01-03T00:00:00Z" },
    ]);
    expect([...states]).toEqual([
      ["a/one", "done"],
      ["a/two", "started"],
    ]);
  });
});

describe("courseState", () => {
  it("counts done and started lessons of the course only", () => {
    const states = lessonStates([lesson("a/one", true, "x"), lesson("a/two", false, "x"), lesson("b/one", true, "x")]);
    expect(courseState(["a/one", "a/two", "a/three", "a/four"], states)).toEqual({ done: 1, started: 1, total: 4 });
    expect(courseState([], states)).toEqual({ done: 0, started: 0, total: 0 });
  });
});

describe("nextLesson", () => {
  it("offers the first lesson to someone who has not begun", () => {
    expect(nextLesson(ORDER, [])).toEqual({ key: "a/one", resume: false });
  });

  it("offers the lesson most recently opened and not finished, wherever it lies in the order", () => {
    const digests = [
      lesson("a/one", false, "2026-03-01T08:00:00Z"),
      lesson("b/one", false, "2026-03-02T08:00:00Z"),
      lesson("a/two", true, "2026-03-03T08:00:00Z"),
      lesson("a/three", false, "2026-02-01T08:00:00Z"),
    ];
    expect(nextLesson(ORDER, digests)).toEqual({ key: "b/one", resume: true });
  });

  it("keeps the first of two lessons opened at the same moment", () => {
    const at = "2026-03-01T08:00:00Z";
    expect(nextLesson(ORDER, [lesson("a/two", false, at), lesson("a/three", false, at)])).toEqual({ key: "a/two", resume: true });
  });

  it("reads lesson digests only: a quiz or run on a lesson's key is not a lesson half-way", () => {
    const digests: LessonTrace[] = [lesson("a/one", true, "2026-03-01T08:00:00Z"), { kind: "quiz", subject: "b/one", completed: false, last: "2026-03-09T08:00:00Z" }];
    expect(nextLesson(ORDER, digests)).toEqual({ key: "a/two", resume: false });
  });

  it("offers the first lesson not done when nothing is half-way", () => {
    const digests = [lesson("a/one", true, "2026-03-01T08:00:00Z"), lesson("a/three", true, "2026-03-02T08:00:00Z")];
    expect(nextLesson(ORDER, digests)).toEqual({ key: "a/two", resume: false });
  });

  it("never offers a lesson no longer in the curriculum", () => {
    const digests = [lesson("gone/old", false, "2026-03-09T08:00:00Z"), lesson("a/one", false, "2026-03-01T08:00:00Z")];
    expect(nextLesson(ORDER, digests)).toEqual({ key: "a/one", resume: true });
  });

  it("offers nothing when every lesson is done", () => {
    expect(nextLesson(ORDER, ORDER.map((k) => lesson(k, true, "2026-03-01T08:00:00Z")))).toBeUndefined();
  });
});
