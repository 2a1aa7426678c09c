/**
 * What a quiz page hands to <quiz-runner> in its `<script type="application/json">`: the
 * quiz definition and only the items its draw rules can pick (each bank's drawable items
 * in file order, so the seeded draw here is the same as over the whole catalog), plus the
 * provisions those items cite, for links in the feedback. Type imports only: no zod.
 */
import { buildCatalog, type QuizCatalog } from "./catalog.ts";
import { poolOf } from "./draw.ts";
import type { BankScoring, Quiz, QuizItem } from "./schema.ts";

export interface QuizPageBank {
  id: string;
  scoring: BankScoring;
  /** The items of this bank that some draw rule of the quiz can pick, in file order. */
  items: QuizItem[];
}

export interface QuizProvision {
  id: string;
  /** 《人民调解法》第十七条 */
  citation: string;
  url: string;
}

export interface QuizPageData {
  quiz: Quiz;
  /** The bank the quiz is written in: the default bank of its draw rules. */
  bank: string;
  banks: QuizPageBank[];
  provisions: QuizProvision[];
}

/**
 * The banks a quiz page embeds: for each bank, the items some draw rule of the quiz can
 * pick (file order kept), and the quiz's own bank even when it has none.
 */
export function drawableBanks(catalog: QuizCatalog, quiz: Quiz, bank: string): QuizPageBank[] {
  const drawable = new Set(quiz.draw.flatMap((rule) => poolOf(rule, bank, catalog).map((entry) => entry.item.id)));
  return [...catalog.banks]
    .map(([id, entries]) => ({ id, scoring: entries[0]?.scoring ?? {}, items: entries.filter((e) => drawable.has(e.item.id)).map((e) => e.item) }))
    .filter((b) => b.items.length > 0 || b.id === bank);
}

/** A catalog holding just this quiz and its drawable items: enough for drawQuiz and gradeAttempt. */
export function catalogOf(data: QuizPageData): QuizCatalog {
  const banks = data.banks.some((b) => b.id === data.bank) ? data.banks : [...data.banks, { id: data.bank, scoring: {}, items: [] }];
  return buildCatalog(
    banks.map((b) => ({ id: b.id, title: b.id, scoring: b.scoring, items: b.items, quizzes: b.id === data.bank ? [data.quiz] : [] })),
  );
}

/** How many items an attempt shows: the sum of the draw rules' counts. */
export const itemCount = (quiz: Pick<Quiz, "draw">): number => quiz.draw.reduce((n, rule) => n + rule.count, 0);
