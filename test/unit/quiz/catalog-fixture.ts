/** The valid fixture banks (test/fixtures/quizzes/valid/) checked into a catalogue, and one of their items of each type. */
import { checkQuizzes } from "../../../src/lib/quiz/check.ts";
import type { ItemOfType, QuizItem } from "../../../src/lib/quiz/schema.ts";
import { known, validFiles } from "./check-mutations.ts";

export const { catalog } = checkQuizzes([...validFiles()].map(([file, text]) => ({ file, text })), known);

/** The catalogue's item `id`, which must be of `type`. */
export const item = <T extends QuizItem["type"]>(id: string, type: T): ItemOfType<T> => {
  const found = catalog.items.get(id)?.item;
  if (found?.type !== type) throw new Error(`fixture ${id} is not ${type}`);
  return found as ItemOfType<T>;
};

export const single = item("who-may-apply", "single");
export const multiple = item("party-rights", "multiple");
export const trueFalse = item("mediation-is-free", "true-false");
export const ordering = item("procedure-steps", "ordering");
export const matching = item("dispute-channels", "matching");
export const caseJudgement = item("agreement-refused", "case-judgement");
