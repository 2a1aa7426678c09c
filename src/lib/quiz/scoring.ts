/**
 * Partial-credit rules: names and defaults. Kept apart from schema.ts so that grading,
 * which runs in the quiz page, does not pull zod into the page's JavaScript.
 */

/**
 * Multiple choice, with n correct options, c of them chosen and w wrong ones chosen:
 * all-or-nothing 全对才得分 · partial-if-no-wrong 少选按 c/n 得分、错选得 0 分 (the usual
 * Chinese exam rule) · proportional-with-penalty 得 (c − w)/n，最低 0 分.
 */
export const multipleScoringRules = ["all-or-nothing", "partial-if-no-wrong", "proportional-with-penalty"] as const;
/** Ordering: all-or-nothing, or adjacent-pairs = share of neighbouring steps kept in order. */
export const orderingScoringRules = ["all-or-nothing", "adjacent-pairs"] as const;
/** Matching: all-or-nothing, or per-pair = share of prompts matched correctly. */
export const matchingScoringRules = ["all-or-nothing", "per-pair"] as const;

export type MultipleScoring = (typeof multipleScoringRules)[number];
export type OrderingScoring = (typeof orderingScoringRules)[number];
export type MatchingScoring = (typeof matchingScoringRules)[number];

/** Used when neither the item nor the bank states a rule; multiple choice must state one (check.ts). */
export const defaultScoring = { ordering: "adjacent-pairs", matching: "per-pair" } as const;
