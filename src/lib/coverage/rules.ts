/**
 * Coverage rules of `npm run check`: the procedural articles of the People's Mediation Law
 * are each taught, practised and assessed (an error otherwise), and every lesson objective
 * is tested by a quiz item (a warning otherwise). Messages are zh-CN for trainers.
 */
import type { ContentIssue } from "../content/issues.ts";
import type { Coverage } from "./matrix.ts";

/** What each required provision needs. */
export interface Requirement {
  statute: string;
  /** Articles `from`..`to`, inclusive. */
  from: number;
  to: number;
  lessons: number;
  scenarios: number;
  items: number;
}

/**
 * Arts. 17–33 of the People's Mediation Law (人民调解法, 2010): the procedure chapter
 * (Chapter IV, Arts. 17–27) and the agreement and judicial confirmation (Chapter V,
 * Arts. 28–33). Each is taught in a lesson, practised in a scenario and assessed by two items.
 */
export const procedureRequirement: Requirement = { statute: "rmtjf", from: 17, to: 33, lessons: 1, scenarios: 1, items: 2 };

/** Where to report a problem: a file position, or the file alone. */
export type Where = { file: string; line: number; column: number };

export const coverageRuleCodes = ["provision-required-missing", "provision-under-covered", "objective-untested"] as const;
export type CoverageRuleCode = (typeof coverageRuleCodes)[number];

/**
 * Errors for every required article that is missing from its statute file or has fewer
 * lessons, scenarios or items than required. `where(id)` locates a provision's article
 * line; `statuteFile` is reported for an article the file does not have.
 */
export function checkRequiredProvisions(
  coverage: Coverage,
  requirement: Requirement,
  where: (provisionId: string) => Where | undefined,
  statuteFile = `content/law/${requirement.statute}.yaml`,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const byId = new Map(coverage.provisions.map((p) => [p.id, p]));
  for (let article = requirement.from; article <= requirement.to; article++) {
    const id = `${requirement.statute}-${article}`;
    const row = byId.get(id);
    if (!row) {
      issues.push({
        file: statuteFile,
        line: 0,
        column: 0,
        field: "",
        message: `缺少第 ${article} 条（${id}）：第 ${requirement.from}–${requirement.to} 条是必须讲授、练习和考查的条文，请在 ${statuteFile} 的 provisions 里加上这一条`,
        code: "provision-required-missing",
      });
      continue;
    }
    const short: string[] = [];
    if (row.lessons.length < requirement.lessons) short.push(`课时 ${row.lessons.length}/${requirement.lessons}（在课时 frontmatter 的 law 里列出）`);
    if (row.scenarios.length < requirement.scenarios) short.push(`情景模拟 ${row.scenarios.length}/${requirement.scenarios}（在情景的 law 或某个选项、结局的 law 里列出）`);
    if (row.items.length < requirement.items) short.push(`题目 ${row.items.length}/${requirement.items}（在 content/quizzes/ 题目的 law 里列出）`);
    if (!short.length) continue;
    const at = where(id) ?? { file: statuteFile, line: 0, column: 0 };
    issues.push({
      ...at,
      field: "",
      message: `${id} 讲授、练习或考查不够：${short.join("；")}。每条至少要有 ${requirement.lessons} 个课时讲授、${requirement.scenarios} 个情景练习、${requirement.items} 道题考查`,
      code: "provision-under-covered",
    });
  }
  return issues;
}

/** Warnings for lesson objectives that no quiz item names in its `objective`. */
export function checkObjectivesTested(coverage: Coverage, where: (lesson: string, n: number) => Where | undefined): ContentIssue[] {
  return coverage.objectives
    .filter((o) => o.items.length === 0)
    .map((o) => ({
      ...(where(o.lesson, o.n) ?? { file: o.lesson, line: 0, column: 0 }),
      field: `objectives.${o.n - 1}`,
      message: `学习目标第 ${o.n} 条「${o.text}」还没有题目考查：在 content/quizzes/ 里给考查它的题目加上 objective: ${o.ref}`,
      code: "objective-untested",
    }));
}
