/**
 * What an attempt needs once the learner starts, loaded by <quiz-runner> on 开始作答 (with
 * the drawn items) rather than with the page: the question and confirmation screens, the
 * result screen, grading and the attempt record. Loaded before the first answer, so an
 * attempt begun online can still be handed in offline.
 */
export { confirmView, questionView } from "./answering.ts";
export { resultView } from "./result.ts";
export { bestScore, finishAttempt } from "../../lib/quiz/finish.ts";
