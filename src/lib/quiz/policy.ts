/** What a learner may do next with a quiz: attempts left and the time allowed. */
import type { Quiz } from "./schema.ts";

/** Attempts left given how many the learner has finished; Infinity when the quiz sets no limit. */
export const attemptsRemaining = (quiz: Pick<Quiz, "attempts">, finished: number): number =>
  quiz.attempts === undefined ? Infinity : Math.max(0, quiz.attempts - finished);

export const canStartAttempt = (quiz: Pick<Quiz, "attempts">, finished: number): boolean => attemptsRemaining(quiz, finished) > 0;

/** Epoch ms at which the attempt must be submitted, or undefined without a time limit. */
export const deadline = (quiz: Pick<Quiz, "timeLimit">, startedMs: number): number | undefined =>
  quiz.timeLimit === undefined ? undefined : startedMs + quiz.timeLimit * 60_000;
