/**
 * Handing an attempt in: grade the session, build the attempt record, update the best
 * score. Apart from session.ts so that a quiz page loads grading only when it is needed.
 */
import { better } from "../progress/best-score.ts";
import type { QuizAttempt } from "../progress/schema.ts";
import type { QuizCatalog } from "./catalog.ts";
import { gradeAttempt, type AttemptResult } from "./grade.ts";
import type { Quiz } from "./schema.ts";
import type { QuizSession, Score } from "./session.ts";

/** Grades the session and builds the attempt record (every drawn item answered or null). */
export function finishAttempt(
  quiz: Quiz,
  catalog: QuizCatalog,
  session: QuizSession,
  id: string,
  finished: number,
): { attempt: QuizAttempt; result: AttemptResult } {
  const itemIds = session.drawn.items.map((i) => i.id);
  const result = gradeAttempt(quiz, catalog, itemIds, session.answers);
  const attempt: QuizAttempt = {
    id,
    quiz: quiz.id,
    seed: session.drawn.seed,
    items: itemIds,
    answers: Object.fromEntries(itemIds.map((itemId) => [itemId, session.answers[itemId] ?? null])),
    score: result.score,
    max: result.max,
    passed: result.passed,
    started: new Date(session.started).toISOString(),
    finished: new Date(finished).toISOString(),
  };
  return { attempt, result };
}

/** The best score after one more attempt: the same rule as the progress digest (ratio, then max, then score). */
export function bestScore(best: Score | undefined, attempt: Score): Score {
  if (!best) return { score: attempt.score, max: attempt.max };
  const winner = better({ bestScore: best.score, max: best.max }, { bestScore: attempt.score, max: attempt.max });
  return { score: winner.bestScore, max: winner.max };
}
