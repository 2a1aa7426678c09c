/**
 * An item as a candidate may see it before answering: the question and its choices, with
 * nothing that gives the answer away (no answer, explanation, option feedback, law
 * references, tags, difficulty or lesson). The supervised exam's papers are made of these.
 */
import type { ItemType, QuizItem } from "./schema.ts";

export interface QuestionOnlyItem {
  id: string;
  type: ItemType;
  stem: string;
  points: number;
  /** case-judgement only. */
  situation?: string;
  options?: { id: string; text: string }[];
  /** matching only. */
  prompts?: { id: string; text: string }[];
  /** multiple-choice partial-credit rule, so the candidate knows how it is scored. */
  scoring?: string;
}

/** `multipleRule` is the bank's rule, used when a multiple-choice item states none. */
export function questionOnly(item: QuizItem, multipleRule?: string): QuestionOnlyItem {
  const out: QuestionOnlyItem = { id: item.id, type: item.type, stem: item.stem, points: item.points };
  if (item.type === "case-judgement") out.situation = item.situation;
  if ("options" in item) out.options = item.options.map((o) => ({ id: o.id, text: o.text }));
  if (item.type === "matching") out.prompts = item.prompts.map((p) => ({ id: p.id, text: p.text }));
  if (item.type === "multiple") out.scoring = item.scoring ?? multipleRule ?? "all-or-nothing";
  return out;
}
