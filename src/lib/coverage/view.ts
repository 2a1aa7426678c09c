/**
 * What /trainers/coverage/ shows, shaped from the coverage matrix: provisions grouped by
 * statute (required ones marked, and those short of the requirement), objectives grouped
 * by course, the uncited provisions and the totals. No DOM, no words: the page words it.
 */
import type { Coverage, ObjectiveCoverage, ProvisionCoverage } from "./matrix.ts";
import type { Requirement } from "./rules.ts";

export interface ProvisionRow extends ProvisionCoverage {
  /** Covered by the requirement (People's Mediation Law Arts. 17–33). */
  required: boolean;
  /** Required and below it in lessons, scenarios or items. */
  short: boolean;
}

export interface CoverageView {
  statutes: { id: string; shortTitle: string; rows: ProvisionRow[] }[];
  /** Objectives per course, in lesson order. */
  courses: { course: string; rows: ObjectiveCoverage[] }[];
  uncited: ProvisionRow[];
  totals: {
    provisions: number;
    /** Taught, practised and assessed, each at least once. */
    complete: number;
    uncited: number;
    objectives: number;
    tested: number;
  };
}

export function isRequired(row: { statute: string; article: number }, requirement: Requirement): boolean {
  return row.statute === requirement.statute && row.article >= requirement.from && row.article <= requirement.to;
}

export function coverageView(coverage: Coverage, statutes: readonly { id: string; shortTitle: string }[], requirement: Requirement): CoverageView {
  const rows: ProvisionRow[] = coverage.provisions.map((p) => {
    const required = isRequired(p, requirement);
    const short = required && (p.lessons.length < requirement.lessons || p.scenarios.length < requirement.scenarios || p.items.length < requirement.items);
    return { ...p, required, short };
  });
  const courses: CoverageView["courses"] = [];
  for (const objective of coverage.objectives) {
    const course = objective.lesson.split("/")[0];
    const group = courses.at(-1)?.course === course ? courses.at(-1) : undefined;
    if (group) group.rows.push(objective);
    else courses.push({ course, rows: [objective] });
  }
  const uncited = new Set(coverage.uncited);
  return {
    statutes: statutes.map((s) => ({ id: s.id, shortTitle: s.shortTitle, rows: rows.filter((r) => r.statute === s.id) })),
    courses,
    uncited: rows.filter((r) => uncited.has(r.id)),
    totals: {
      provisions: rows.length,
      complete: rows.filter((r) => r.lessons.length && r.scenarios.length && r.items.length).length,
      uncited: uncited.size,
      objectives: coverage.objectives.length,
      tested: coverage.objectives.filter((o) => o.items.length).length,
    },
  };
}
