/**
 * An exam paper: a question-only draw from a private bank, with positional ids (q1, q2 …
 * for items; a, b, c … for options in the order shown; p1, p2 … for matching prompts), so
 * not even the bank's option ids, which authors may write in answer order, reach the
 * candidate. The grader redraws the same paper from the private bank and the paper's seed
 * (drawPresentation) and maps responses back to the bank's ids (toBankResponses).
 */
import type { QuizCatalog } from "../quiz/catalog.ts";
import { drawQuiz } from "../quiz/draw.ts";
import { questionOnly, type QuestionOnlyItem } from "../quiz/question-only.ts";
import type { Response, Responses } from "../quiz/response.ts";
import type { QuizItem } from "../quiz/schema.ts";

export const PAPER_FORMAT = "ma-exam-paper";
export const PAPER_VERSION = 1;

/** Item as printed: options and prompts already in the order shown. */
export type PaperItem = QuestionOnlyItem;

export interface PaperSite {
  /** "1", "2" …: 考点 1, 考点 2. */
  id: string;
  /** seal.ts check value of this site's session code. */
  check: string;
}

export interface ExamPaper {
  format: typeof PAPER_FORMAT;
  version: typeof PAPER_VERSION;
  id: string;
  /** Certification level id (content/certifications/<level>.yaml). */
  level: string;
  /** The quiz in the private bank the paper is drawn by. */
  exam: string;
  title: string;
  /** Seed of the draw: with the private bank, the grader redraws the same paper. */
  seed: string;
  /** ISO 8601. */
  created: string;
  /** Minutes. */
  timeLimit: number;
  /** Percent of the maximum score. */
  passMark: number;
  sites: PaperSite[];
  items: PaperItem[];
  proof?: unknown;
}

/** Letters for options shown in position: a, b, c … (at most 10 options per item). */
export const optionLetter = (i: number): string => "abcdefghij"[i];
export const itemKey = (i: number): string => `q${i + 1}`;
export const promptKey = (i: number): string => `p${i + 1}`;

/** What the grader needs per paper item: the bank item and how its ids were renamed. */
export interface PresentedItem {
  key: string;
  item: QuizItem;
  /** Scoring rules of the item's bank. */
  scoring: import("../quiz/schema.ts").BankScoring;
  /** Paper option id → bank option id. */
  options: Map<string, string>;
  /** Paper prompt id → bank prompt id. */
  prompts: Map<string, string>;
  paperItem: PaperItem;
}

/** Draw `exam` with `seed` and rename every id by position. Throws DrawError like drawQuiz. */
export function drawPresentation(exam: string, seed: string, catalog: QuizCatalog): PresentedItem[] {
  const drawn = drawQuiz(exam, seed, catalog);
  return drawn.items.map((d, i) => {
    const entry = catalog.items.get(d.id);
    if (!entry) throw new Error(`item ${d.id} is not in the catalog`);
    const { item, scoring } = entry;
    const base = questionOnly(item, scoring.multiple);
    const optionOrder = d.options ?? ("options" in item ? item.options.map((o) => o.id) : []);
    const promptOrder = d.prompts ?? (item.type === "matching" ? item.prompts.map((p) => p.id) : []);
    const options = new Map(optionOrder.map((id, n) => [optionLetter(n), id]));
    const prompts = new Map(promptOrder.map((id, n) => [promptKey(n), id]));
    const textOf = (list: { id: string; text: string }[] | undefined, id: string) => list?.find((x) => x.id === id)?.text ?? "";
    const paperItem: PaperItem = { ...base, id: itemKey(i) };
    if (base.options) paperItem.options = optionOrder.map((id, n) => ({ id: optionLetter(n), text: textOf(base.options, id) }));
    if (base.prompts) paperItem.prompts = promptOrder.map((id, n) => ({ id: promptKey(n), text: textOf(base.prompts, id) }));
    return { key: itemKey(i), item, scoring, options, prompts, paperItem };
  });
}

export interface PaperInput {
  id: string;
  level: string;
  exam: string;
  seed: string;
  created: string;
  timeLimit: number;
  passMark: number;
  sites: PaperSite[];
}

/** The unsigned paper. Its title is the exam quiz's title. */
export function buildPaper(input: PaperInput, catalog: QuizCatalog): ExamPaper {
  const quiz = catalog.quizzes.get(input.exam)?.quiz;
  const items = drawPresentation(input.exam, input.seed, catalog).map((p) => p.paperItem);
  return { format: PAPER_FORMAT, version: PAPER_VERSION, ...input, title: quiz?.title ?? input.exam, items };
}

export const paperMax = (paper: Pick<ExamPaper, "items">): number => paper.items.reduce((sum, item) => sum + item.points, 0);

/** A response given with paper ids → the same response in the bank's ids (unknown ids stay as they are and score 0). */
export function toBankResponse(p: PresentedItem, response: Response | undefined): Response | undefined {
  if (response === undefined || response === null) return response;
  const option = (id: string) => p.options.get(id) ?? `?${id}`;
  if (typeof response === "string") return option(response);
  if (typeof response === "boolean") return response;
  if (Array.isArray(response)) return response.map((id) => (typeof id === "string" ? option(id) : id));
  const out: Record<string, string> = {};
  for (const [prompt, id] of Object.entries(response as Record<string, string>)) out[p.prompts.get(prompt) ?? `?${prompt}`] = option(id);
  return out;
}

/** Responses keyed q1, q2 … → responses keyed by bank item id. */
export function toBankResponses(presented: readonly PresentedItem[], responses: Responses): Record<string, Response> {
  const out: Record<string, Response> = {};
  for (const p of presented) {
    if (!Object.hasOwn(responses, p.key)) continue;
    const r = toBankResponse(p, responses[p.key]);
    if (r !== undefined) out[p.item.id] = r;
  }
  return out;
}
