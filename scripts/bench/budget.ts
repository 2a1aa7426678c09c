/**
 * Byte budgets per page type, which every page of that type must meet (many learners are
 * on slow mobile data). Each budget is checked against the worst page of its type.
 */
import type { PageWeight } from "./page-weight.ts";
import { pageTypeOf, type PageType } from "./page-types.ts";

export interface BudgetResult {
  name: string;
  /** Limit in bytes (gzip). */
  limit: number;
  /** The worst page's value in bytes, and which page it is. */
  worst: number;
  page: string;
  pass: boolean;
}

interface Budget {
  name: string;
  type: PageType;
  limit: number;
  measure: (w: PageWeight) => number;
  /** Pages of this type must exist (the curriculum always has lessons). */
  required: boolean;
}

/**
 * JS as the page really loads it: the static graph, or what Chromium downloaded with a
 * learner chosen (loaded-js.ts: dynamic imports at start-up included), whichever is more.
 */
const js = (w: PageWeight) => Math.max(w.js.gzip, w.jsLoaded ?? 0);
const total = (w: PageWeight) => w.total.gzip - w.js.gzip + js(w);

const budgets: Budget[] = [
  { name: "lesson JS gzip", type: "lesson", limit: 20 * 1024, measure: js, required: true },
  { name: "lesson HTML+CSS+JS gzip", type: "lesson", limit: 100 * 1024, measure: total, required: true },
  { name: "scenario JS gzip (Lit included)", type: "scenario", limit: 40 * 1024, measure: js, required: false },
  { name: "quiz JS gzip (Lit included)", type: "quiz", limit: 40 * 1024, measure: js, required: false },
  { name: "exam JS gzip (Lit included)", type: "exam", limit: 30 * 1024, measure: js, required: true },
];

/** Page types whose JS budget needs the Chromium measurement. */
export const budgetedJsTypes = ["lesson", "quiz", "scenario", "exam"] as const;

export function checkBudgets(weights: readonly PageWeight[]): BudgetResult[] {
  return budgets.flatMap(({ name, type, limit, measure, required }) => {
    const pages = weights.filter((w) => pageTypeOf(w.page) === type);
    const worst = pages.reduce<PageWeight | undefined>((max, w) => (!max || measure(w) > measure(max) ? w : max), undefined);
    if (!worst) return required ? [{ name, limit, worst: 0, page: `(no ${type} pages built)`, pass: false }] : [];
    return [{ name, limit, worst: measure(worst), page: worst.page, pass: measure(worst) <= limit }];
  });
}
