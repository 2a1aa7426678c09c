/**
 * The one pass rule: score / max ≥ passMark %, compared without floating-point surprises;
 * nothing passes out of a maximum of 0. Its own module, free of imports, so readiness on
 * 我的学习 and the certificate commands use it without loading the grader.
 */
export const passes = (score: number, max: number, passMark: number): boolean => max > 0 && score * 100 + 1e-9 >= passMark * max;
