/**
 * The curriculum as the class report page receives it (trainers/class/data.json), and the
 * quiz catalog rebuilt from it in the browser. Plain JSON: items with their bank's scoring,
 * quizzes with their bank, whole scenarios (to replay runs).
 */
import type { QuizCatalog } from "../quiz/catalog.ts";
import type { BankScoring, Quiz, QuizItem } from "../quiz/schema.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { ClassContext } from "./class-table.ts";

export interface ClassData {
  context: ClassContext;
  banks: { id: string; items: { item: QuizItem; scoring: BankScoring }[] }[];
  quizzes: { bank: string; quiz: Quiz }[];
  scenarios: Scenario[];
}

export function catalogOfData(data: Pick<ClassData, "banks" | "quizzes">): QuizCatalog {
  const banks = new Map(data.banks.map((b) => [b.id, b.items.map((e) => ({ bank: b.id, item: e.item, scoring: e.scoring }))]));
  const items = new Map([...banks.values()].flat().map((e) => [e.item.id, e]));
  const quizzes = new Map(data.quizzes.map((q) => [q.quiz.id, q]));
  return { banks, items, quizzes };
}
