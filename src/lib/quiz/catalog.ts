/**
 * Every bank, item and quiz by id: what drawing and grading look items up in. Built from
 * checked banks; a duplicate id keeps its first occurrence (the checker reports it).
 */
import type { BankScoring, Quiz, QuizBankFile, QuizItem } from "./schema.ts";

export interface CatalogItem {
  bank: string;
  item: QuizItem;
  /** The bank's default partial-credit rules, needed to grade the item. */
  scoring: BankScoring;
}

export interface QuizCatalog {
  /** Items of each bank, in file order (the order drawing starts from). */
  banks: ReadonlyMap<string, readonly CatalogItem[]>;
  items: ReadonlyMap<string, CatalogItem>;
  /** Each quiz with the bank it is written in (the default bank of its draw rules). */
  quizzes: ReadonlyMap<string, { bank: string; quiz: Quiz }>;
}

export function buildCatalog(files: readonly QuizBankFile[]): QuizCatalog {
  const banks = new Map<string, CatalogItem[]>();
  const items = new Map<string, CatalogItem>();
  const quizzes = new Map<string, { bank: string; quiz: Quiz }>();
  for (const file of files) {
    if (banks.has(file.id)) continue;
    const list: CatalogItem[] = [];
    for (const item of file.items) {
      if (items.has(item.id)) continue;
      const entry = { bank: file.id, item, scoring: file.scoring };
      items.set(item.id, entry);
      list.push(entry);
    }
    banks.set(file.id, list);
    for (const quiz of file.quizzes) if (!quizzes.has(quiz.id)) quizzes.set(quiz.id, { bank: file.id, quiz });
  }
  return { banks, items, quizzes };
}
