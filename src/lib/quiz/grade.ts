/**
 * Grading: one item against one response, and a whole attempt against its quiz. Never
 * throws on a malformed response (a stored attempt may be regraded after content edits):
 * anything that is not a valid answer scores 0.
 */
import type { QuizCatalog } from "./catalog.ts";
import type { Response, Responses } from "./response.ts";
import type { BankScoring, ItemOfType, ItemType, Quiz, QuizItem } from "./schema.ts";
import { passes } from "./pass-mark.ts";
import { defaultScoring, type MatchingScoring, type MultipleScoring, type OrderingScoring } from "./scoring.ts";

export type Correctness = "correct" | "partial" | "wrong" | "unanswered";

/** What the runner needs to explain a partial score, per type family. */
export type ItemDetail =
  | { kind: "choice" }
  | { kind: "multiple"; rule: MultipleScoring; correct: number; chosenCorrect: number; chosenWrong: number }
  | { kind: "ordering"; rule: OrderingScoring; pairs: number; pairsInOrder: number }
  | { kind: "matching"; rule: MatchingScoring; prompts: number; matched: number; wrongPrompts: string[] };

export interface ItemResult {
  itemId: string;
  type: ItemType;
  score: number;
  max: number;
  correctness: Correctness;
  detail: ItemDetail;
  /** Author feedback of the options the learner chose, in option order; [] when hidden. */
  feedback: string[];
  /** The correct response; absent when the quiz does not reveal answers. */
  solution?: Response;
  explanation?: string;
}

export interface AttemptResult {
  quizId: string;
  items: ItemResult[];
  score: number;
  max: number;
  /** Score as a percentage of max, one decimal. */
  percent: number;
  passed: boolean;
}

/** Scores are sums of fractions such as 2/3; rounding keeps totals and stored values tidy. */
const round = (x: number, places = 4) => Math.round(x * 10 ** places) / 10 ** places;

const isStringArray = (r: unknown): r is readonly string[] => Array.isArray(r) && r.every((x) => typeof x === "string");
const isStringRecord = (r: unknown): r is Readonly<Record<string, string>> =>
  typeof r === "object" && r !== null && !Array.isArray(r) && Object.values(r).every((x) => typeof x === "string");

function result(item: QuizItem, fraction: number, answered: boolean, detail: ItemDetail, feedback: string[], solution: Response): ItemResult {
  const max = item.points;
  const correctness: Correctness = !answered ? "unanswered" : fraction >= 1 ? "correct" : fraction > 0 ? "partial" : "wrong";
  return { itemId: item.id, type: item.type, score: round(max * fraction), max, correctness, detail, feedback, solution, explanation: item.explanation };
}

function feedbackOf(options: readonly { id: string; feedback?: string }[], chosen: ReadonlySet<string>): string[] {
  return options.filter((o) => chosen.has(o.id) && o.feedback).map((o) => o.feedback as string);
}

function gradeChoice(item: ItemOfType<"single" | "case-judgement">, response: Response | undefined): ItemResult {
  const answered = typeof response === "string" && response !== "";
  const chosen = new Set(answered ? [response] : []);
  const fraction = answered && response === item.answer ? 1 : 0;
  return result(item, fraction, answered, { kind: "choice" }, feedbackOf(item.options, chosen), item.answer);
}

function gradeTrueFalse(item: ItemOfType<"true-false">, response: Response | undefined): ItemResult {
  const answered = typeof response === "boolean";
  return result(item, answered && response === item.answer ? 1 : 0, answered, { kind: "choice" }, [], item.answer);
}

/** n correct options, c of them chosen, w wrong ones chosen. */
export function multipleFraction(rule: MultipleScoring, n: number, c: number, w: number): number {
  switch (rule) {
    case "all-or-nothing":
      return c === n && w === 0 ? 1 : 0;
    case "partial-if-no-wrong":
      return w > 0 ? 0 : c / n;
    case "proportional-with-penalty":
      return Math.max(0, (c - w) / n);
  }
}

function gradeMultiple(item: ItemOfType<"multiple">, response: Response | undefined, bank: BankScoring): ItemResult {
  // A bank without a stated rule fails the check; all-or-nothing is the safe fallback.
  const rule = item.scoring ?? bank.multiple ?? "all-or-nothing";
  const chosen = new Set(isStringArray(response) ? response : []);
  const correct = new Set(item.answer);
  const c = [...chosen].filter((id) => correct.has(id)).length;
  const w = chosen.size - c;
  const fraction = multipleFraction(rule, correct.size, c, w);
  const detail: ItemDetail = { kind: "multiple", rule, correct: correct.size, chosenCorrect: c, chosenWrong: w };
  return result(item, fraction, chosen.size > 0, detail, feedbackOf(item.options, chosen), item.answer);
}

/** How many neighbouring pairs of the correct order are also neighbours, in order, in `given`. */
export function adjacentPairsInOrder(correct: readonly string[], given: readonly string[]): number {
  const position = new Map(given.map((id, i) => [id, i]));
  let pairs = 0;
  for (let i = 0; i + 1 < correct.length; i++) {
    const a = position.get(correct[i]);
    const b = position.get(correct[i + 1]);
    if (a !== undefined && b === a + 1) pairs++;
  }
  return pairs;
}

function gradeOrdering(item: ItemOfType<"ordering">, response: Response | undefined, bank: BankScoring): ItemResult {
  const rule = item.scoring ?? bank.ordering ?? defaultScoring.ordering;
  const given = isStringArray(response) ? response : [];
  // Only a full arrangement of exactly these steps counts as an answer.
  const isPermutation = given.length === item.answer.length && new Set(given).size === given.length && given.every((id) => item.answer.includes(id));
  const pairs = item.answer.length - 1;
  const inOrder = isPermutation ? adjacentPairsInOrder(item.answer, given) : 0;
  const fraction = rule === "all-or-nothing" ? (inOrder === pairs ? 1 : 0) : inOrder / pairs;
  return result(item, isPermutation ? fraction : 0, given.length > 0, { kind: "ordering", rule, pairs, pairsInOrder: inOrder }, [], item.answer);
}

function gradeMatching(item: ItemOfType<"matching">, response: Response | undefined, bank: BankScoring): ItemResult {
  const rule = item.scoring ?? bank.matching ?? defaultScoring.matching;
  const given = isStringRecord(response) ? response : {};
  const prompts = item.prompts.map((p) => p.id);
  const wrongPrompts = prompts.filter((id) => !Object.hasOwn(given, id) || given[id] !== item.answer[id]);
  const matched = prompts.length - wrongPrompts.length;
  const fraction = rule === "all-or-nothing" ? (matched === prompts.length ? 1 : 0) : matched / prompts.length;
  const answered = prompts.some((id) => Object.hasOwn(given, id));
  const chosen = new Set(prompts.filter((id) => Object.hasOwn(given, id)).map((id) => given[id]));
  const detail: ItemDetail = { kind: "matching", rule, prompts: prompts.length, matched, wrongPrompts };
  return result(item, fraction, answered, detail, feedbackOf(item.options, chosen), item.answer);
}

/** Grade one item. `bank` supplies the partial-credit rules the item does not state itself. */
export function gradeItem(item: QuizItem, response: Response | undefined, bank: BankScoring = {}): ItemResult {
  switch (item.type) {
    case "single":
    case "case-judgement":
      return gradeChoice(item, response);
    case "true-false":
      return gradeTrueFalse(item, response);
    case "multiple":
      return gradeMultiple(item, response, bank);
    case "ordering":
      return gradeOrdering(item, response, bank);
    case "matching":
      return gradeMatching(item, response, bank);
  }
}

/** Without reveal, the learner sees scores and correctness only: no solution, explanation or feedback. */
export function hideAnswers(item: ItemResult): ItemResult {
  const { solution: _solution, explanation: _explanation, ...rest } = item;
  const detail = item.detail.kind === "matching" ? { ...item.detail, wrongPrompts: [] } : item.detail;
  return { ...rest, detail, feedback: [] };
}

export { passes } from "./pass-mark.ts";

/**
 * Grade the items an attempt showed (`itemIds`, from drawQuiz) with the learner's
 * responses. Hides answers unless the quiz reveals them.
 */
export function gradeAttempt(quiz: Quiz, catalog: QuizCatalog, itemIds: readonly string[], responses: Responses): AttemptResult {
  const items = itemIds.map((id) => {
    const entry = catalog.items.get(id);
    if (!entry) throw new Error(`Quiz ${quiz.id}: item ${id} is not in the catalog`);
    const graded = gradeItem(entry.item, Object.hasOwn(responses, id) ? responses[id] : undefined, entry.scoring);
    return quiz.reveal ? graded : hideAnswers(graded);
  });
  const score = round(items.reduce((sum, r) => sum + r.score, 0));
  const max = items.reduce((sum, r) => sum + r.max, 0);
  return { quizId: quiz.id, items, score, max, percent: max ? round((score / max) * 100, 1) : 0, passed: passes(score, max, quiz.passMark) };
}
