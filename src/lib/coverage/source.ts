/**
 * The coverage source from parsed content, as both the content check (src/lib/check-all.ts)
 * and the /trainers/coverage/ page (from its collections) hold it.
 */
import type { LessonFrontmatter, StatuteFile } from "../content/schemas.ts";
import type { QuizBankFile } from "../quiz/schema.ts";
import { scenarioLaw, type CoverageSource } from "./matrix.ts";

export interface ParsedContent {
  statutes: readonly StatuteFile[];
  /** `key` is `<course>/<lesson>`. */
  lessons: readonly { key: string; data: LessonFrontmatter }[];
  scenarios: readonly { id: string; title: string }[];
  banks: readonly QuizBankFile[];
}

export function coverageSource(content: ParsedContent): CoverageSource {
  return {
    statutes: content.statutes,
    lessons: content.lessons.map(({ key, data }) => ({ key, title: data.title, law: data.law, objectives: data.objectives })),
    scenarios: content.scenarios.map((s) => ({ id: s.id, title: s.title, law: scenarioLaw(s) })),
    items: content.banks.flatMap((bank) => bank.items.map((item) => ({ id: item.id, bank: bank.id, law: item.law, objective: item.objective }))),
  };
}
