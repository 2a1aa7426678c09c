/** The learner's byte budget, which every lesson page must meet (many learners are on slow mobile data). */
import type { PageWeight } from "./page-weight.ts";

export interface BudgetResult {
  name: string;
  /** Limit in bytes (gzip). */
  limit: number;
  /** The worst lesson's value in bytes, and which lesson it is. */
  worst: number;
  page: string;
  pass: boolean;
}

const budgets = [
  { name: "lesson JS gzip", limit: 20 * 1024, measure: (w: PageWeight) => w.js.gzip },
  { name: "lesson HTML+CSS+JS gzip", limit: 100 * 1024, measure: (w: PageWeight) => w.total.gzip },
];

/** Each budget is checked against its own worst lesson, which may differ between budgets. */
export function checkLessonBudgets(lessons: readonly PageWeight[]): BudgetResult[] {
  return budgets.map(({ name, limit, measure }) => {
    const worst = lessons.reduce<PageWeight | undefined>((max, w) => (!max || measure(w) > measure(max) ? w : max), undefined);
    if (!worst) return { name, limit, worst: 0, page: "(no lesson pages built)", pass: false };
    return { name, limit, worst: measure(worst), page: worst.page, pass: measure(worst) <= limit };
  });
}
