/** What the class report needs to know about the curriculum, from checked content (build time or the CLI). */
import type { CurriculumFacts } from "../certification/readiness.ts";
import type { Level } from "../certification/schema.ts";
import type { QuizCatalog } from "../quiz/catalog.ts";
import type { ClassContext } from "./class-table.ts";

export function classContextOf(content: { levels: ReadonlyMap<string, Level>; facts: CurriculumFacts; catalog: QuizCatalog; scenarios: readonly { id: string }[] }): ClassContext {
  const courseOrder = Object.keys(content.facts.courses);
  const rank = (bank: string) => (courseOrder.includes(bank) ? courseOrder.indexOf(bank) : courseOrder.length);
  const finals = [...content.catalog.quizzes.values()]
    .filter((q) => q.quiz.kind === "course-final")
    .sort((a, b) => rank(a.bank) - rank(b.bank) || (a.quiz.id < b.quiz.id ? -1 : 1))
    .map((q) => q.quiz.id);
  const levels = [...content.levels.values()].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  return { facts: content.facts, levels, finals, scenarios: content.scenarios.map((s) => s.id) };
}
