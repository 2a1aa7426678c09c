/**
 * What a quiz page hands to <quiz-runner>, and the item files the runner fetches after the
 * draw. The page embeds the quiz definition and each draw rule's pool as item ids (never an
 * item's text), so it does not ship items it does not draw; the runner selects ids with the
 * seed (selectItems), fetches one small file per drawn item from `items`, then finishes the
 * draw and grades with them. Type imports only from the schema: no zod.
 */
import { buildCatalog, type QuizCatalog } from "./catalog.ts";
import { poolIds } from "./draw.ts";
import type { BankScoring, Quiz, QuizItem } from "./schema.ts";

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
  /** Each draw rule's pool: the ids of the items it can pick, in file order (see poolIds). */
  pools: string[][];
  /** URL of the folder of this quiz's item files, ending in "/": `<items><item id>.json`. */
  items: string;
  /**
   * Item files already at hand, fetched from nowhere: only where the quiz is not on the
   * site (the authoring preview plays a trainer's own bank, see withItemFiles).
   */
  files?: QuizItemFile[];
}

/** One drawable item as its own file: the item, its bank's scoring and the provisions it cites. */
export interface QuizItemFile {
  bank: string;
  scoring: BankScoring;
  item: QuizItem;
  provisions: QuizProvision[];
}

/** What a quiz page embeds: the quiz, its pools, and where its item files are. */
export const pageDataOf = (catalog: QuizCatalog, quiz: Quiz, bank: string, items: string): QuizPageData => ({
  quiz,
  bank,
  pools: poolIds(quiz, bank, catalog),
  items,
});

/** Every item some draw rule of the quiz can pick, once each, in the order of the pools. */
export const drawableIds = (data: Pick<QuizPageData, "pools">): string[] => [...new Set(data.pools.flat())];

/**
 * Page data that carries every drawable item itself (`items` is never fetched): for a
 * bank that is not on the site. `provisions` gives the provisions an item cites.
 */
export function withItemFiles(catalog: QuizCatalog, quiz: Quiz, bank: string, provisions: (ids: readonly string[]) => QuizProvision[]): QuizPageData {
  const data = pageDataOf(catalog, quiz, bank, "");
  const files = drawableIds(data).map((id) => {
    const entry = catalog.items.get(id)!;
    return { bank: entry.bank, scoring: entry.scoring, item: entry.item, provisions: provisions(entry.item.law) };
  });
  return { ...data, files };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The item file of `id` in `text` (fetched from the site), or undefined when it is not one:
 * not JSON, another item, or missing the fields the runner reads. The site built the file
 * from checked content, so this guards against a wrong or truncated response, not against
 * an author's mistake.
 */
export function parseItemFile(text: string, id: string): QuizItemFile | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || typeof value.bank !== "string" || !isObject(value.scoring) || !Array.isArray(value.provisions)) return undefined;
  const item = value.item;
  if (!isObject(item) || item.id !== id || typeof item.type !== "string" || typeof item.stem !== "string" || !Array.isArray(item.law)) return undefined;
  return value as unknown as QuizItemFile;
}

/** A catalog of the quiz and the items fetched so far: enough to grade an attempt over them. */
export function catalogOfItems(data: Pick<QuizPageData, "quiz" | "bank">, files: Iterable<QuizItemFile>): QuizCatalog {
  const banks = new Map<string, { scoring: BankScoring; items: QuizItem[] }>();
  for (const file of files) {
    const bank = banks.get(file.bank);
    if (bank) bank.items.push(file.item);
    else banks.set(file.bank, { scoring: file.scoring, items: [file.item] });
  }
  if (!banks.has(data.bank)) banks.set(data.bank, { scoring: {}, items: [] });
  return buildCatalog(
    [...banks].map(([id, b]) => ({ id, title: id, scoring: b.scoring, items: b.items, quizzes: id === data.bank ? [data.quiz] : [] })),
  );
}

/** How many items an attempt shows: the sum of the draw rules' counts. */
export const itemCount = (quiz: Pick<Quiz, "draw">): number => quiz.draw.reduce((n, rule) => n + rule.count, 0);
