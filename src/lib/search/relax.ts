/**
 * Question-style queries for the site search. pagefind returns only pages that contain
 * every word of a query, so a question typed the way people speak (协议生效后多久申请司法确认,
 * 调解不成怎么办) finds nothing or only pages that happen to say 怎么办. This module
 * turns a query into a plan of ever looser searches and runs it over any search function:
 *   1. "exact"  the query as typed (skipped when it holds question words);
 *   2. "plain"  the query without question words and fillers, every part still required;
 *   3. "parts"  each meaningful part on its own (longest first), merged;
 *   4. "any"    each word on its own (any-word matching), merged, together with the law's
 *               words for everyday ones (收钱 → 收费, see synonyms.ts).
 * It stops as soon as enough results are collected and reports which stage it reached and
 * what it dropped, so the page can say how it relaxed the query.
 */

import { colloquialSynonyms, formalWords } from "./synonyms.ts";

/** The everyday words of the synonyms table (two characters or more), longest first. */
const everydayWords = Object.keys(colloquialSynonyms).filter((w) => [...w].length > 1).sort((a, b) => [...b].length - [...a].length);

export type RelaxStage = "exact" | "plain" | "parts" | "any";

export interface QueryAnalysis {
  /** The query, NFKC-normalised and trimmed. */
  query: string;
  /** Question words and fillers removed, in the order they appeared (each once). */
  dropped: string[];
  /** What is left, split where something was dropped or at spaces and punctuation. */
  parts: string[];
  /** Words of the parts (dictionary segmentation), two characters or more, each once. */
  words: string[];
}

/**
 * Phrases that ask rather than describe: removed wherever they occur. Multi-character, so
 * they cannot cut a content word in half.
 */
const questionPhrases = [
  "是什么意思", "什么意思", "怎么处理", "怎么办理", "怎么回事", "怎么办", "怎么弄", "怎么样", "怎么", "咋办", "咋弄",
  "怎样", "如何", "是什么", "是啥", "什么", "为什么", "为啥", "多长时间内", "多长时间", "多久以内", "多久内", "多少钱", "多久", "多少", "哪些", "哪个",
  "哪里", "是不是", "能不能", "可不可以", "行不行", "要不要", "有没有", "算不算数", "算不算", "能否", "是否",
  "还能", "可以", "请问", "一下", "应该", "需要",
];

/** Single characters dropped only when the segmenter sees them as a word of their own. */
const fillerWords = new Set(["吗", "呢", "吧", "啊", "呀", "嘛", "么", "咋", "啥", "的", "了", "是", "能", "还", "要", "我", "你", "他", "她", "几", "谁", "呗", "在", "想"]);

/** Words too common to search on their own in the any-word stage (kept in the other stages). */
const weakWords = new Set(["我家", "好的", "时候", "几个", "不想", "真是", "这个", "那个", "现在", "已经", "还是", "就是", "因为", "所以", "但是", "如果", "一个", "没有", "不是"]);

const separators = /[\s\p{P}\p{S}]+/u;

let segmenter: Intl.Segmenter | undefined;
function segment(text: string): string[] {
  segmenter ??= new Intl.Segmenter("zh-CN", { granularity: "word" });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

const unique = (xs: string[]) => [...new Set(xs)];

export function analyseQuery(raw: string): QueryAnalysis {
  const query = raw.normalize("NFKC").trim();
  const dropped: string[] = [];
  // Mark every question phrase (longest first at each position) with a separator.
  let marked = "";
  for (let i = 0; i < query.length; ) {
    const phrase = questionPhrases.find((p) => query.startsWith(p, i));
    if (phrase) {
      dropped.push(phrase);
      marked += " ";
      i += phrase.length;
    } else {
      marked += query[i];
      i += 1;
    }
  }
  const parts: string[] = [];
  for (const chunk of marked.split(separators)) {
    let current = "";
    for (const word of segment(chunk)) {
      if (fillerWords.has(word)) {
        dropped.push(word);
        if (current) parts.push(current);
        current = "";
      } else current += word;
    }
    if (current) parts.push(current);
  }
  const words = unique(parts.flatMap(partWords)).filter((w) => !weakWords.has(w));
  return { query, dropped: unique(dropped), parts: unique(parts), words };
}

/**
 * Words of a part: dictionary words of two characters or more; a run of single characters
 * the dictionary did not know (诉/访 in 诉访分离) becomes its bigrams.
 */
function partWords(part: string): string[] {
  // An everyday word of the synonyms table is one word, though the dictionary may not
  // know it: 调委会 would otherwise become 调委, 委会 and 会由 (in 调委会由…), three
  // searches for one word.
  const known = everydayWords.find((w) => part.includes(w));
  if (known) {
    const at = part.indexOf(known);
    return [...partWords(part.slice(0, at)), known, ...partWords(part.slice(at + known.length))];
  }
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    for (let i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
    run = [];
  };
  for (const word of segment(part)) {
    if ([...word].length === 1) run.push(word);
    else {
      flush();
      out.push(word);
    }
  }
  flush();
  return out;
}

export interface SearchStep {
  stage: RelaxStage;
  /** Searches of this step; more than one are merged. */
  queries: string[];
}

/** The searches to try, strictest first; an empty plan for a query with nothing to search. */
export function relaxationPlan(raw: string): SearchStep[] {
  const a = analyseQuery(raw);
  if (a.parts.length === 0) return [];
  const steps: SearchStep[] = [];
  if (a.dropped.length === 0) steps.push({ stage: "exact", queries: [a.query] });
  else steps.push({ stage: "plain", queries: [a.parts.join(" ")] });
  const byLength = (xs: string[]) => [...xs].sort((x, y) => [...y].length - [...x].length);
  const parts = a.parts.filter((p) => [...p].length > 1);
  if (parts.length > 1) steps.push({ stage: "parts", queries: byLength(parts) });
  // formalWords never repeats a word of the query, so it cannot repeat one of a.words.
  const words = [...byLength(a.words), ...formalWords(a.query)];
  const seen = new Set(steps.flatMap((s) => s.queries));
  if (words.length > 1 && words.some((w) => !seen.has(w))) steps.push({ stage: "any", queries: words });
  return steps;
}

/** What one search returns: an id and pagefind's relevance score. */
export interface Scored {
  id: string;
  score: number;
}

/**
 * Several searches merged into one ranking by summed score (pagefind's score already
 * favours short pages and rare words); ties go to the result found by more of the searches
 * (weighted by the length of what was searched), then to the one found first. Measured on
 * test/relevance/questions.yaml, summed score beats "found by more searches first"
 * (recall@5 0.73 against 0.67), which lets long lessons that mention every word win.
 */
export function mergeResults<T extends Scored>(lists: { query: string; results: T[] }[]): T[] {
  const merged = new Map<string, { item: T; weight: number; score: number; first: number }>();
  let order = 0;
  for (const { query, results } of lists) {
    const weight = [...query].length;
    for (const item of results) {
      const entry = merged.get(item.id);
      if (entry) {
        entry.weight += weight;
        entry.score += item.score;
      } else merged.set(item.id, { item, weight, score: item.score, first: order++ });
    }
  }
  return [...merged.values()]
    .sort((a, b) => b.score - a.score || b.weight - a.weight || a.first - b.first)
    .map((e) => e.item);
}

export interface RelaxedResult<T> {
  /** The loosest stage whose results are shown ("exact" when nothing was relaxed). */
  stage: RelaxStage;
  /** Question words and fillers that were left out. */
  dropped: string[];
  /** The searches of that loosest stage (what the page can say it looked for). */
  searched: string[];
  results: T[];
}

export interface RelaxOptions<T> {
  /** How many results are wanted on the first screen (default 5). */
  want?: number;
  /**
   * A question's answers are ranked by this factor times their summed score (default 1 for
   * every result). The search page gives lessons less than 1: a question is answered by a
   * provision or a term, and a long lesson that mentions every word should not come first.
   */
  weight?: (item: T) => number;
}

/**
 * Runs the plan over `search`.
 *
 * A query without question words (keywords, a title) runs its stages in turn until `want`
 * results are collected; results of a stricter stage always come before those added by a
 * looser one, so the page that has every word comes first.
 *
 * A question (the query held question words or fillers) runs the whole plan, and its
 * results are ranked by their scores summed over the searches of its parts and words,
 * times `weight`: every word counts by how rare it is (pagefind's score), so the short
 * provision that holds the rare words of a question outranks a long lesson that has all
 * its common ones. Measured on test/relevance/questions.yaml (pagefind, 48 questions):
 * strict stage order recall@5 0.750 MRR 0.513; summed over parts and words 0.854 / 0.628;
 * with lessons weighted 0.5, 0.854 / 0.717 (0.3 gave the same, 0.7 less).
 * The stage reported is then the loosest one that found a result shown in the top `want`.
 */
export async function relaxedSearch<T extends Scored>(
  query: string,
  search: (q: string) => Promise<T[]>,
  options: RelaxOptions<T> = {},
): Promise<RelaxedResult<T>> {
  const want = options.want ?? 5;
  const a = analyseQuery(query);
  const plan = relaxationPlan(query);
  if (isQuestion(a, plan)) return rankAnswers(a, plan, search, want, options.weight ?? (() => 1));
  const results: T[] = [];
  const ids = new Set<string>();
  let stage: RelaxStage = a.dropped.length ? "plain" : "exact";
  let searched: string[] = a.dropped.length ? [a.parts.join(" ")] : [a.query];
  for (const step of plan) {
    if (results.length >= want) break;
    const lists = [];
    for (const q of step.queries) lists.push({ query: q, results: await search(q) });
    const found = step.queries.length === 1 ? lists[0].results : mergeResults(lists);
    const fresh = found.filter((r) => !ids.has(r.id));
    if (fresh.length === 0) continue;
    for (const r of fresh) ids.add(r.id);
    results.push(...fresh);
    stage = step.stage;
    searched = step.queries;
  }
  return { stage, dropped: a.dropped, searched, results };
}

/**
 * Share of a formal word's score for an everyday one (the query's own words count fully):
 * 调委会 → 人民调解委员会 otherwise outweighs the rest of the question. Measured on
 * questions.yaml with the question ranking: 1 → 0.896 / 0.779, 0.5 → 0.917 / 0.789, 0.3 → 0.896 / 0.792.
 */
const FORMAL_WEIGHT = 0.5;

/**
 * A question: it held question words or fillers, or it is one unbroken run of seven
 * characters or more (家里人虐待老人, 调委会由几个人组成: a sentence, where keywords are
 * short or spaced, 劳动仲裁 时效) without an article number (人民调解法第三十三条 is a
 * citation). Measured on questions.yaml: sentences as questions MRR 0.783 → 0.813; 8
 * characters 0.809; queries.yaml unchanged once citations are left out.
 */
const isQuestion = (a: QueryAnalysis, plan: readonly SearchStep[]) =>
  plan.length > 1 && (a.dropped.length > 0 || (!separators.test(a.query) && !citation.test(a.query) && [...a.query].length >= SENTENCE_LENGTH));
const SENTENCE_LENGTH = 7;
const citation = /第[零〇一二两三四五六七八九十百千\d]+条|\d/;

/**
 * Whether relaxedSearch ranks the query as a question (it held question words or fillers,
 * and has more than one thing to search), so the page can choose the ranking for questions.
 */
export const asksQuestion = (query: string): boolean => isQuestion(analyseQuery(query), relaxationPlan(query));

/** A question's results: every search of the plan, ranked by weighted summed score (see relaxedSearch). */
async function rankAnswers<T extends Scored>(
  a: QueryAnalysis,
  plan: SearchStep[],
  search: (q: string) => Promise<T[]>,
  want: number,
  weight: (item: T) => number,
): Promise<RelaxedResult<T>> {
  const scores = new Map<string, { item: T; score: number; step: number; first: number }>();
  const done = new Map<string, T[]>();
  const counted = new Set<string>();
  const formal = new Set(formalWords(a.query));
  let order = 0;
  for (const [index, step] of plan.entries()) {
    for (const q of step.queries) {
      const found = done.get(q) ?? (await search(q));
      // The plain search only tells which pages have every part: they are found again by
      // the parts and words, and are not counted twice. A query searched in two stages
      // (a part that is also a word) counts once.
      const counts = index > 0 && !counted.has(q);
      if (counts) counted.add(q);
      done.set(q, found);
      for (const item of found) {
        const entry = scores.get(item.id);
        const score = counts ? item.score * (formal.has(q) ? FORMAL_WEIGHT : 1) : 0;
        if (entry) entry.score += score;
        else scores.set(item.id, { item, score, step: index, first: order++ });
      }
    }
  }
  const ranked = [...scores.values()]
    .map((e) => ({ ...e, score: e.score * weight(e.item) }))
    .sort((x, y) => y.score - x.score || x.step - y.step || x.first - y.first);
  const top = ranked.slice(0, want);
  const loosest = top.length ? Math.max(...top.map((e) => e.step)) : 0;
  return { stage: plan[loosest].stage, dropped: a.dropped, searched: plan[loosest].queries, results: ranked.map((e) => e.item) };
}
