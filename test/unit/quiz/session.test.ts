/** The quiz attempt session (src/lib/quiz/session.ts, finish.ts): what <quiz-runner> used to compute itself. */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { readContentSet } from "../../../src/lib/content/files.ts";
import { knownFromContentSet } from "../../../src/lib/quiz/check.ts";
import { resumeDraft } from "../../../src/lib/quiz/draft.ts";
import { drawQuiz } from "../../../src/lib/quiz/draw.ts";
import { checkQuizDir } from "../../../src/lib/quiz/files.ts";
import { bestScore, finishAttempt } from "../../../src/lib/quiz/finish.ts";
import {
  continueSession,
  draftExpired,
  draftOf,
  moveStep,
  startSession,
  tick,
  withAnswer,
  WARN_AT_MINUTES,
} from "../../../src/lib/quiz/session.ts";
import type { Quiz } from "../../../src/lib/quiz/schema.ts";

const root = process.cwd();
const { set } = readContentSet({ root, content: join(root, "content") });
const { catalog } = checkQuizDir({ root, quizzes: join(root, "content", "quizzes") }, knownFromContentSet(set));
const { quiz: shipped } = [...catalog.quizzes.values()][0]!;
const timed = (minutes: number | undefined): Quiz => ({ ...shipped, timeLimit: minutes }) as Quiz;
const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);

describe("startSession and continueSession", () => {
  it("takes the draw given, starts empty at question 0, with the deadline from the time limit", () => {
    const quiz = timed(10);
    const drawn = drawQuiz(quiz.id, "seed-1", catalog);
    const session = startSession(quiz, drawn, T0);
    expect(session.drawn).toBe(drawn);
    expect(session).toMatchObject({ answers: {}, index: 0, started: T0, deadline: T0 + 10 * 60_000, warned: [] });
    expect(startSession(timed(undefined), drawQuiz(timed(undefined).id, "seed-1", catalog), T0).deadline).toBeUndefined();
  });

  it("a continued draft keeps its own start, so a reload never gives more time", () => {
    const quiz = timed(10);
    const first = startSession(quiz, drawQuiz(quiz.id, "seed-2", catalog), T0);
    const draft = draftOf({ ...first, answers: { [first.drawn.items[0]!.id]: "x" }, index: 1 }, "learner-a", quiz.id, T0 + 60_000);
    const resumed = resumeDraft(draft, catalog);
    if (!resumed.ok) throw new Error("draft should resume");
    const session = continueSession(quiz, resumed);
    expect(session.started).toBe(T0);
    expect(session.deadline).toBe(T0 + 10 * 60_000);
    expect(session.index).toBe(1);
    expect(session.answers).toEqual(draft.answers);
  });
});

describe("draftOf and draftExpired", () => {
  it("keeps seed, items in order, answers, index, start and the save time", () => {
    const session = startSession(shipped, drawQuiz(shipped.id, "seed-3", catalog), T0);
    const draft = draftOf({ ...session, index: 2 }, "learner-a", shipped.id, T0 + 5_000);
    expect(draft).toEqual({
      version: 1,
      learner: "learner-a",
      quiz: shipped.id,
      seed: "seed-3",
      items: session.drawn.items.map((i) => i.id),
      answers: {},
      index: 2,
      started: T0,
      saved: T0 + 5_000,
    });
  });

  it("is expired exactly at the deadline, never without a time limit", () => {
    expect(draftExpired(timed(10), { started: T0 }, T0 + 10 * 60_000 - 1)).toBe(false);
    expect(draftExpired(timed(10), { started: T0 }, T0 + 10 * 60_000)).toBe(true);
    expect(draftExpired(timed(undefined), { started: T0 }, T0 + 1e12)).toBe(false);
  });
});

describe("withAnswer and moveStep", () => {
  it("sets and removes an answer without touching the original", () => {
    const before = { a: "x" };
    expect(withAnswer(before, "b", true)).toEqual({ a: "x", b: true });
    expect(withAnswer(before, "a", undefined)).toEqual({});
    expect(before).toEqual({ a: "x" });
  });

  it("moves a step one place, and not past either end", () => {
    expect(moveStep(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveStep(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveStep(["a", "b", "c"], 0, -1)).toBeUndefined();
    expect(moveStep(["a", "b", "c"], 2, 1)).toBeUndefined();
  });
});

describe("tick", () => {
  it("is untimed without a limit", () => {
    expect(tick(timed(undefined), startSession(timed(undefined), drawQuiz(timed(undefined).id, "s", catalog), T0), T0 + 1e9)).toEqual({ kind: "untimed" });
  });

  it("warns once at 5 and at 1 minute left, then expires at the deadline", () => {
    const quiz = timed(10);
    const session = startSession(quiz, drawQuiz(quiz.id, "s", catalog), T0);
    expect(WARN_AT_MINUTES).toEqual([5, 1]);
    expect(tick(quiz, session, T0 + 4 * 60_000)).toEqual({ kind: "running", leftMs: 6 * 60_000 });
    expect(tick(quiz, session, T0 + 5 * 60_000)).toEqual({ kind: "running", leftMs: 5 * 60_000, warn: 5 });
    expect(tick(quiz, session, T0 + 5 * 60_000 + 1000)).toEqual({ kind: "running", leftMs: 5 * 60_000 - 1000 });
    expect(tick(quiz, session, T0 + 9 * 60_000)).toEqual({ kind: "running", leftMs: 60_000, warn: 1 });
    expect(tick(quiz, session, T0 + 9 * 60_000 + 1)).toEqual({ kind: "running", leftMs: 60_000 - 1 });
    expect(tick(quiz, session, T0 + 10 * 60_000)).toEqual({ kind: "expired", leftMs: 0 });
  });

  it("gives no warning a limit that short already makes plain (5 min quiz: only the 1-minute one)", () => {
    const quiz = timed(5);
    const session = startSession(quiz, drawQuiz(quiz.id, "s", catalog), T0);
    expect(tick(quiz, session, T0 + 1)).toEqual({ kind: "running", leftMs: 5 * 60_000 - 1 });
    expect(tick(quiz, session, T0 + 4 * 60_000)).toMatchObject({ warn: 1 });
  });
});

describe("finishAttempt", () => {
  it("records every drawn item, unanswered ones as null, with the grade and both times", () => {
    const session = startSession(shipped, drawQuiz(shipped.id, "seed-4", catalog), T0);
    const first = session.drawn.items[0]!.id;
    const { attempt, result } = finishAttempt(shipped, catalog, { ...session, answers: { [first]: "nonsense" } }, "id-1", T0 + 90_000);
    expect(attempt.id).toBe("id-1");
    expect(attempt.quiz).toBe(shipped.id);
    expect(attempt.seed).toBe("seed-4");
    expect(attempt.items).toEqual(session.drawn.items.map((i) => i.id));
    expect(Object.keys(attempt.answers)).toEqual(attempt.items);
    expect(attempt.answers[first]).toBe("nonsense");
    expect(attempt.items.slice(1).every((id) => attempt.answers[id] === null)).toBe(true);
    expect(attempt).toMatchObject({ score: result.score, max: result.max, passed: result.passed });
    expect(attempt.started).toBe("2026-01-05T08:00:00.000Z");
    expect(attempt.finished).toBe("2026-01-05T08:01:30.000Z");
  });
});

describe("bestScore (the progress digest's rule)", () => {
  it("takes the first attempt, then the better ratio", () => {
    expect(bestScore(undefined, { score: 3, max: 10 })).toEqual({ score: 3, max: 10 });
    expect(bestScore({ score: 3, max: 10 }, { score: 4, max: 10 })).toEqual({ score: 4, max: 10 });
    expect(bestScore({ score: 4, max: 10 }, { score: 3, max: 10 })).toEqual({ score: 4, max: 10 });
  });

  it("breaks a tie in ratio by the larger max", () => {
    expect(bestScore({ score: 5, max: 10 }, { score: 10, max: 20 })).toEqual({ score: 10, max: 20 });
    expect(bestScore({ score: 10, max: 20 }, { score: 5, max: 10 })).toEqual({ score: 10, max: 20 });
  });

  it("counts max 0 as a ratio of 0 instead of dividing by zero", () => {
    expect(bestScore({ score: 0, max: 0 }, { score: 1, max: 10 })).toEqual({ score: 1, max: 10 });
    expect(bestScore({ score: 1, max: 10 }, { score: 0, max: 0 })).toEqual({ score: 1, max: 10 });
  });
});
