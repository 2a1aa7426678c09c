/** The attempt session at its edges: moves off either end, warnings that fall due together, continued drafts. */
import { describe, expect, it } from "vitest";
import { continueSession, draftExpired, draftOf, moveStep, startSession, tick, withAnswer, type QuizSession } from "../../../src/lib/quiz/session.ts";
import type { DrawnQuiz } from "../../../src/lib/quiz/draw.ts";
import type { Quiz } from "../../../src/lib/quiz/schema.ts";

const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
const MIN = 60_000;
const drawn: DrawnQuiz = { quizId: "q", seed: "s", items: [{ id: "a" }, { id: "b" }] };
const timed = (timeLimit: number | undefined) => ({ timeLimit }) as Quiz;

describe("moveStep", () => {
  it("refuses an index outside the list, whichever way the move goes", () => {
    expect(moveStep(["a", "b", "c"], -1, 1)).toBeUndefined();
    expect(moveStep(["a", "b", "c"], 3, -1)).toBeUndefined();
    expect(moveStep(["a", "b", "c"], 4, -1)).toBeUndefined();
    expect(moveStep([], 0, 1)).toBeUndefined();
  });

  it("moves the first step down and the last one up", () => {
    expect(moveStep(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveStep(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
  });
});

describe("withAnswer", () => {
  it("keeps a false or empty answer (only undefined removes)", () => {
    expect(withAnswer({}, "tf", false)).toEqual({ tf: false });
    expect(withAnswer({ tf: true }, "tf", null)).toEqual({ tf: null });
  });

  it("removes the key itself, not just its value", () => {
    expect(Object.keys(withAnswer({ a: "x", b: "y" }, "a", undefined))).toEqual(["b"]);
  });
});

describe("tick", () => {
  it("gives both warnings when both fall due at once, announcing the later one", () => {
    const session = startSession(timed(10), drawn, T0);
    // Opened again with 30 s left: 5 and 1 minute have both passed unannounced.
    expect(tick(timed(10), session, T0 + 10 * MIN - 30_000)).toEqual({ kind: "running", leftMs: 30_000, warn: 1 });
    expect(session.warned).toEqual([5, 1]);
    // No warn key at all when there is nothing to announce.
    expect(tick(timed(10), session, T0 + 10 * MIN - 20_000)).toStrictEqual({ kind: "running", leftMs: 20_000 });
  });

  it("never warns a quiz as short as the warning, and reports time past the deadline as expired", () => {
    const session = startSession(timed(1), drawn, T0);
    expect(tick(timed(1), session, T0 + 30_000)).toEqual({ kind: "running", leftMs: 30_000 });
    expect(session.warned).toEqual([]);
    expect(tick(timed(1), session, T0 + 2 * MIN)).toEqual({ kind: "expired", leftMs: -MIN });
  });

  it("does not warn before the threshold", () => {
    const session = startSession(timed(30), drawn, T0);
    expect(tick(timed(30), session, T0 + 25 * MIN - 1)).toEqual({ kind: "running", leftMs: 5 * MIN + 1 });
    expect(session.warned).toEqual([]);
  });
});

describe("draftOf", () => {
  it("keeps a copy of the answers given so far", () => {
    const session = { ...startSession(timed(10), drawn, T0), answers: { a: "x", b: ["1", "2"] } };
    const draft = draftOf(session, "learner-a", "q", T0 + 1_000);
    expect(draft.answers).toEqual({ a: "x", b: ["1", "2"] });
    expect(draft.answers).not.toBe(session.answers);
  });
});

describe("continueSession", () => {
  it("gives a continued draft the deadline from its own start, or none without a limit", () => {
    const resumed = { drawn, answers: { a: "x" }, index: 1, started: T0 - 3 * MIN };
    const session: QuizSession = continueSession(timed(10), resumed);
    expect(session).toEqual({ drawn, answers: { a: "x" }, index: 1, started: T0 - 3 * MIN, deadline: T0 + 7 * MIN, warned: [] });
    expect(continueSession(timed(undefined), resumed).deadline).toBeUndefined();
  });

  it("expires a draft whose deadline passed while the page was closed", () => {
    expect(draftExpired(timed(10), { started: T0 }, T0 + 10 * MIN + 1)).toBe(true);
  });
});
