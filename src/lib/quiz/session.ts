/**
 * One quiz attempt in progress, as <quiz-runner> drives it: draw, clock and warnings,
 * answers and moves, the draft kept on the device, the finished attempt record and the
 * learner's best score (the last two in finish.ts, which the page loads only on handing in).
 * Pure: time, ids and draws come in as arguments, so every rule is unit-tested without a
 * browser; the element only renders, stores and dispatches.
 */
import type { QuizDraft } from "./draft.ts";
import type { DrawnQuiz } from "./draw.ts";
import { deadline } from "./policy.ts";
import type { Response } from "./response.ts";
import type { Quiz } from "./schema.ts";

/** Minutes left at which the timer says so (only when the limit is longer). */
export const WARN_AT_MINUTES: readonly number[] = [5, 1];

export interface QuizSession {
  drawn: DrawnQuiz;
  /** item id → response; an ordering item appears once a step has been moved. */
  answers: Record<string, Response>;
  /** The question shown, 0-based. */
  index: number;
  /** Epoch ms of the first start (a continued draft keeps its own). */
  started: number;
  /** Epoch ms by which the attempt is handed in, or undefined without a time limit. */
  deadline: number | undefined;
  /** Warnings already given, in minutes. */
  warned: number[];
}

/** A fresh attempt over `drawn` (drawQuiz, or selectItems then present), started at `now`. */
export function startSession(quiz: Quiz, drawn: DrawnQuiz, now: number): QuizSession {
  return { drawn, answers: {}, index: 0, started: now, deadline: deadline(quiz, now), warned: [] };
}

/** An attempt continued from a draft (see resumeDraft): the clock runs from the draft's start. */
export function continueSession(
  quiz: Quiz,
  resumed: { drawn: DrawnQuiz; answers: Record<string, Response>; index: number; started: number },
): QuizSession {
  return { drawn: resumed.drawn, answers: resumed.answers, index: resumed.index, started: resumed.started, deadline: deadline(quiz, resumed.started), warned: [] };
}

/** The answers with `response` for `itemId` (undefined removes it). */
export function withAnswer(answers: Record<string, Response>, itemId: string, response: Response | undefined): Record<string, Response> {
  const next = { ...answers };
  if (response === undefined) delete next[itemId];
  else next[itemId] = response;
  return next;
}

/** `order` with the step at `index` moved one place by `by`, or undefined at either end. */
export function moveStep(order: readonly string[], index: number, by: -1 | 1): string[] | undefined {
  const to = index + by;
  if (index < 0 || index >= order.length || to < 0 || to >= order.length) return undefined;
  const next = [...order];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export type Tick =
  /** No time limit. */
  | { kind: "untimed" }
  /** Time is up: hand the attempt in. */
  | { kind: "expired"; leftMs: number }
  /** `warn`: minutes to announce now, once. */
  | { kind: "running"; leftMs: number; warn?: number };

/** The clock at `now`; a warning is given once per threshold (recorded in `session.warned`). */
export function tick(quiz: Pick<Quiz, "timeLimit">, session: QuizSession, now: number): Tick {
  if (session.deadline === undefined) return { kind: "untimed" };
  const leftMs = session.deadline - now;
  if (leftMs <= 0) return { kind: "expired", leftMs };
  let warn: number | undefined;
  for (const minutes of WARN_AT_MINUTES) {
    if (leftMs <= minutes * 60_000 && !session.warned.includes(minutes) && (quiz.timeLimit ?? 0) > minutes) {
      session.warned.push(minutes);
      warn = minutes;
    }
  }
  return warn === undefined ? { kind: "running", leftMs } : { kind: "running", leftMs, warn };
}

/** True when a draft's time ran out while the page was closed: hand it in as the timer would have. */
export function draftExpired(quiz: Pick<Quiz, "timeLimit">, draft: Pick<QuizDraft, "started">, now: number): boolean {
  const end = deadline(quiz, draft.started);
  return end !== undefined && end <= now;
}

/** The draft to keep on the device for this session at `now`. */
export function draftOf(session: QuizSession, learner: string, quiz: string, now: number): QuizDraft {
  return {
    version: 1,
    learner,
    quiz,
    seed: session.drawn.seed,
    items: session.drawn.items.map((i) => i.id),
    answers: { ...session.answers },
    index: session.index,
    started: session.started,
    saved: now,
  };
}

/** A score out of a maximum (a learner's best on a quiz). */
export interface Score {
  score: number;
  max: number;
}
