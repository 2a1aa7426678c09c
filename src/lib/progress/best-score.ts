/**
 * Which of two scores is the learner's best: one rule for the progress digests and the
 * quiz page (kept apart from digest.ts so the quiz page does not split the store's chunk).
 */

const ratio = (score: number, max: number) => (max > 0 ? score / max : 0);

/** The better of two (score, max) pairs by ratio (max 0 counts as 0); ties go to the larger max, then score. */
export function better(a: { bestScore: number; max: number }, b: { bestScore: number; max: number }): { bestScore: number; max: number } {
  const ra = ratio(a.bestScore, a.max);
  const rb = ratio(b.bestScore, b.max);
  if (ra !== rb) return ra > rb ? a : b;
  if (a.max !== b.max) return a.max > b.max ? a : b;
  return a.bestScore >= b.bestScore ? a : b;
}
