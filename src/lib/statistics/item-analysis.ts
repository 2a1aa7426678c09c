/**
 * Question analysis over a class's records (classical test theory): for each quiz item,
 * how many learners answered it, its facility (mean share of the points, partial credit
 * counted), its discrimination (item–rest correlation, and upper minus lower 27 % groups),
 * and how often each option was chosen in each group. Flags what a trainer should look
 * at again, with a reason code the page and the CLI word in zh-CN.
 *
 * Each learner counts once per quiz: their FIRST attempt. Later attempts come after
 * seeing the feedback, so they measure memory of the answer rather than the item.
 * Attempts are regraded against the current bank (an item edited or removed since is
 * counted under `unknownItems` and left out).
 */
import { gradeItem } from "../quiz/grade.ts";
import type { CatalogItem, QuizCatalog } from "../quiz/catalog.ts";
import type { Response } from "../quiz/response.ts";
import type { ItemType } from "../quiz/schema.ts";
import type { ProgressRecord, QuizAttempt } from "../progress/schema.ts";
import { correlation, mean } from "./numbers.ts";

/** Share of learners in the upper and the lower group (Kelley's 27 %). */
export const GROUP_SHARE = 0.27;
/** Facility above this: too easy to tell learners apart. */
export const TOO_EASY = 0.9;
/** Facility below this: too hard, or the key or wording is wrong. */
export const TOO_HARD = 0.3;
/** Fewer answers than this and the figures are shown but nothing is flagged: chance rules small groups. */
export const MIN_ANSWERS_FOR_FLAGS = 10;
/**
 * A wrong option is flagged when the upper group chose it more often than the lower group
 * by at least this many learners and this share of a group: one or two learners either
 * way is chance, not ambiguity.
 */
export const MISLEADING_MIN_MARGIN = 2;
export const MISLEADING_SHARE_MARGIN = 0.1;

export type ItemFlag =
  | { code: "too-easy" }
  | { code: "too-hard" }
  | { code: "negative-discrimination" }
  /** A wrong option chosen more often by the upper group than the lower: perhaps ambiguous, or the key is wrong. */
  | { code: "misleading-option"; option: string; index: number };

export interface OptionFigures {
  option: string;
  /** 0-based position in the item (A, B, C … when shown). */
  index: number;
  correct: boolean;
  chosen: number;
  upperChosen: number;
  lowerChosen: number;
}

export interface ItemFigures {
  quiz: string;
  item: string;
  type: ItemType;
  /** Learners whose first attempt showed the item. */
  attempts: number;
  /** Of those, how many gave any answer. */
  answered: number;
  /** Mean share of the item's points, 0..1. */
  facility?: number;
  /** Correlation of the item's share with the share on the rest of the attempt. */
  itemRest?: number;
  /** Facility of the upper group minus facility of the lower group, -1..1. */
  upperLower?: number;
  /** Choice items only (single, multiple, true-false, case-judgement), in option order. */
  options: OptionFigures[];
  flags: ItemFlag[];
}

export interface QuizFigures {
  quiz: string;
  /** Learners with at least one attempt. */
  learners: number;
  /** Mean share of the points over first attempts. */
  meanScore?: number;
  /** Each learner's first attempt, as a share of its maximum (for the score chart). */
  scores: number[];
}

export interface ItemAnalysis {
  quizzes: QuizFigures[];
  items: ItemFigures[];
  /** Item ids found in attempts but no longer in the banks. */
  unknownItems: string[];
}

/** One learner's answer to an item: the graded item, and the learner's place in the quiz's ranking (0: the highest total). */
interface Observation {
  learner: string;
  rank: number;
  item: GradedItem;
}

/** The option ids a response chose, for the item types whose options are choices. */
function chosenOptions(type: ItemType, response: Response | undefined): string[] {
  if (response === undefined || response === null) return [];
  switch (type) {
    case "single":
    case "case-judgement":
      return typeof response === "string" && response ? [response] : [];
    case "true-false":
      return typeof response === "boolean" ? [String(response)] : [];
    case "multiple":
      return Array.isArray(response) ? [...new Set(response as string[])] : [];
    default:
      return [];
  }
}

/**
 * The upper and lower groups by total share; ties broken by learner id so the result never
 * depends on file order. The quiz's learners are ranked once (analyseGraded): an item's
 * observations are put in that order by their rank.
 */
function groups(observations: readonly Observation[]): { upper: Set<string>; lower: Set<string> } {
  const size = Math.max(1, Math.round(observations.length * GROUP_SHARE));
  if (observations.length < 2) return { upper: new Set(), lower: new Set() };
  const ranked = [...observations].sort((a, b) => a.rank - b.rank);
  const take = Math.min(size, Math.floor(observations.length / 2));
  return { upper: new Set(ranked.slice(0, take).map((o) => o.learner)), lower: new Set(ranked.slice(-take).map((o) => o.learner)) };
}

function optionIdsOf(catalogItem: CatalogItem): { id: string; correct: boolean }[] {
  const item = catalogItem.item;
  switch (item.type) {
    case "single":
    case "case-judgement":
      return item.options.map((o) => ({ id: o.id, correct: o.id === item.answer }));
    case "multiple":
      return item.options.map((o) => ({ id: o.id, correct: item.answer.includes(o.id) }));
    case "true-false":
      return [
        { id: "true", correct: item.answer === true },
        { id: "false", correct: item.answer === false },
      ];
    default:
      return [];
  }
}

function figuresOf(quiz: string, itemId: string, entry: CatalogItem, observations: readonly Observation[], minAnswers: number): ItemFigures {
  const { upper, lower } = groups(observations);
  const optionIds = optionIdsOf(entry);
  const slot = new Map(optionIds.map((o, index) => [o.id, index]));
  const counts = optionIds.map(() => ({ chosen: 0, upper: 0, lower: 0 }));
  // One pass over a class's answers (an item of a county's final has thousands), each list in observation order.
  const fractions: number[] = [];
  const upperFractions: number[] = [];
  const lowerFractions: number[] = [];
  const withRest: number[] = [];
  const rests: number[] = [];
  let answered = 0;
  for (const { learner, item } of observations) {
    const inUpper = upper.has(learner);
    const inLower = lower.has(learner);
    fractions.push(item.fraction);
    if (inUpper) upperFractions.push(item.fraction);
    if (inLower) lowerFractions.push(item.fraction);
    if (item.rest !== undefined) {
      withRest.push(item.fraction);
      rests.push(item.rest);
    }
    if (item.answered) answered++;
    for (const id of item.chosen) {
      const k = slot.get(id);
      if (k === undefined) continue;
      counts[k].chosen++;
      if (inUpper) counts[k].upper++;
      if (inLower) counts[k].lower++;
    }
  }
  const facility = mean(fractions);
  const itemRest = correlation(withRest, rests);
  const up = mean(upperFractions);
  const low = mean(lowerFractions);
  const upperLower = up === undefined || low === undefined ? undefined : up - low;
  const options = optionIds.map(({ id, correct }, index) => ({ option: id, index, correct, chosen: counts[index].chosen, upperChosen: counts[index].upper, lowerChosen: counts[index].lower }));
  const flags: ItemFlag[] = [];
  if (observations.length >= minAnswers && facility !== undefined) {
    if (facility > TOO_EASY) flags.push({ code: "too-easy" });
    if (facility < TOO_HARD) flags.push({ code: "too-hard" });
    if ((itemRest !== undefined && itemRest < 0) || (upperLower !== undefined && upperLower < 0)) flags.push({ code: "negative-discrimination" });
    const margin = Math.max(MISLEADING_MIN_MARGIN, Math.ceil(MISLEADING_SHARE_MARGIN * upper.size));
    for (const o of options) if (!o.correct && o.upperChosen - o.lowerChosen >= margin) flags.push({ code: "misleading-option", option: o.option, index: o.index });
  }
  return { quiz, item: itemId, type: entry.item.type, attempts: observations.length, answered, facility, itemRest, upperLower, options, flags };
}

/** One item of a learner's first attempt at a quiz, graded against the current bank. */
export interface GradedItem {
  id: string;
  /** Share of the item's points. */
  fraction: number;
  answered: boolean;
  /** Option ids chosen (choice items only). */
  chosen: string[];
  /** Share on the attempt's other items (absent when the item was the only one). */
  rest?: number;
}

/** A learner's first attempt at a quiz, graded: what item analysis needs of one learner. */
export interface GradedAttempt {
  quiz: string;
  /** Share of the points on the whole attempt. */
  total: number;
  items: GradedItem[];
}

/** One learner's part of the analysis: first attempts graded, and item ids the banks no longer have. */
export interface GradedLearner {
  learner: string;
  attempts: GradedAttempt[];
  unknownItems: string[];
}

/**
 * A record's first attempt at each quiz, graded (the "map" half of analyseItems: done per
 * learner, in a worker on the page, and gathered by analyseGraded). An attempt whose items
 * are all unknown, or worth nothing, is left out.
 */
export function gradeFirstAttempts(record: ProgressRecord, catalog: QuizCatalog): GradedLearner {
  const first = new Map<string, QuizAttempt>();
  for (const attempt of record.attempts) {
    const seen = first.get(attempt.quiz);
    if (!seen || attempt.started < seen.started || (attempt.started === seen.started && attempt.id < seen.id)) first.set(attempt.quiz, attempt);
  }
  const unknown = new Set<string>();
  const attempts: GradedAttempt[] = [];
  for (const [quiz, attempt] of first) {
    const graded = attempt.items.flatMap((id) => {
      const entry = catalog.items.get(id);
      if (!entry) {
        unknown.add(id);
        return [];
      }
      const response = Object.hasOwn(attempt.answers, id) ? attempt.answers[id] : undefined;
      const result = gradeItem(entry.item, response, entry.scoring);
      return [{ id, type: entry.item.type, score: result.score, max: result.max, answered: result.correctness !== "unanswered", response }];
    });
    const score = graded.reduce((s, g) => s + g.score, 0);
    const max = graded.reduce((s, g) => s + g.max, 0);
    if (max <= 0) continue;
    const items = graded.map((g): GradedItem => {
      const restMax = max - g.max;
      const item: GradedItem = { id: g.id, fraction: g.max > 0 ? g.score / g.max : 0, answered: g.answered, chosen: chosenOptions(g.type, g.response) };
      if (restMax > 0) item.rest = (score - g.score) / restMax;
      return item;
    });
    attempts.push({ quiz, total: score / max, items });
  }
  return { learner: record.learner.id, attempts, unknownItems: [...unknown] };
}

/** Item analysis from learners' graded first attempts (the "reduce" half), in the learners' order. */
export function analyseGraded(learners: readonly GradedLearner[], catalog: QuizCatalog, minAnswers = MIN_ANSWERS_FOR_FLAGS): ItemAnalysis {
  const quizzes: QuizFigures[] = [];
  const items: ItemFigures[] = [];
  const unknown = new Set<string>();
  const byQuiz = new Map<string, { learner: string; attempt: GradedAttempt }[]>();
  for (const { learner, attempts, unknownItems } of learners) {
    for (const id of unknownItems) unknown.add(id);
    for (const attempt of attempts) {
      const list = byQuiz.get(attempt.quiz) ?? [];
      list.push({ learner, attempt });
      byQuiz.set(attempt.quiz, list);
    }
  }
  for (const quiz of [...byQuiz.keys()].sort()) {
    const entries = byQuiz.get(quiz) as { learner: string; attempt: GradedAttempt }[];
    // The quiz's ranking, once: highest total first, ties by learner id, then as they came.
    const byRank = entries
      .map((_, i) => i)
      .sort((a, b) => {
        const x = entries[a];
        const y = entries[b];
        return y.attempt.total - x.attempt.total || (x.learner < y.learner ? -1 : x.learner > y.learner ? 1 : a - b);
      });
    const rank = new Array<number>(entries.length);
    byRank.forEach((entry, r) => (rank[entry] = r));
    const perItem = new Map<string, Observation[]>();
    const scores: number[] = [];
    entries.forEach(({ learner, attempt }, e) => {
      scores.push(attempt.total);
      for (const item of attempt.items) {
        let list = perItem.get(item.id);
        if (!list) perItem.set(item.id, (list = []));
        list.push({ learner, rank: rank[e], item });
      }
    });
    quizzes.push({ quiz, learners: scores.length, meanScore: mean(scores), scores });
    for (const itemId of [...perItem.keys()].sort()) {
      // An item of a graded attempt is in the catalog: gradeFirstAttempts keeps no other.
      items.push(figuresOf(quiz, itemId, catalog.items.get(itemId) as CatalogItem, perItem.get(itemId) as Observation[], minAnswers));
    }
  }
  return { quizzes, items, unknownItems: [...unknown].sort() };
}

export function analyseItems(records: readonly ProgressRecord[], catalog: QuizCatalog, minAnswers = MIN_ANSWERS_FOR_FLAGS): ItemAnalysis {
  return analyseGraded(
    records.map((record) => gradeFirstAttempts(record, catalog)),
    catalog,
    minAnswers,
  );
}
