/**
 * Seeded drawing and shuffling: the same (quiz id, seed) over the same banks always gives
 * the same items in the same order with the same option order, so an attempt can be
 * shown again exactly as the learner saw it. The attempt also stores the drawn item ids,
 * because a later edit to a bank changes what a seed draws.
 */
import type { CatalogItem, QuizCatalog } from "./catalog.ts";
import type { DrawRule, Quiz, QuizItem } from "./schema.ts";

export type Random = () => number;

/** xmur3: hashes a string to a 32-bit seed; cheap, and well mixed enough for mulberry32. */
export function hashString(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: a tiny 32-bit PRNG, uniform on [0, 1). Not for secrets, only for order. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const randomFrom = (seed: string): Random => mulberry32(hashString(seed));

/** A fresh seed for a new attempt: 8 random bytes as hex. */
export function newSeed(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(list: readonly T[], random: Random): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Whether an item belongs to a rule's pool (the bank is matched by the caller). */
export function matchesRule(item: QuizItem, rule: DrawRule): boolean {
  if (rule.tags && !rule.tags.some((tag) => item.tags.includes(tag))) return false;
  if (rule.difficulty && !rule.difficulty.includes(item.difficulty)) return false;
  return true;
}

/** The pool of a rule, in file order. `defaultBank` is the bank the quiz is written in. */
export function poolOf(rule: DrawRule, defaultBank: string, catalog: QuizCatalog): readonly CatalogItem[] {
  return (catalog.banks.get(rule.bank ?? defaultBank) ?? []).filter((entry) => matchesRule(entry.item, rule));
}

/** One item as presented: its id and, where it has them, the display order of options and prompts. */
export interface DrawnItem {
  id: string;
  options?: string[];
  prompts?: string[];
}

export interface DrawnQuiz {
  quizId: string;
  seed: string;
  items: DrawnItem[];
}

export class DrawError extends Error {
  constructor(
    readonly quizId: string,
    message: string,
  ) {
    super(message);
    this.name = "DrawError";
  }
}

function presentItem(item: QuizItem, shuffleOptions: boolean, random: Random): DrawnItem {
  switch (item.type) {
    case "true-false":
      return { id: item.id };
    case "single":
    case "multiple":
    case "case-judgement": {
      const ids = item.options.map((o) => o.id);
      return { id: item.id, options: shuffleOptions ? shuffled(ids, random) : ids };
    }
    case "ordering": {
      // Always shuffled, and never shown already solved: that would give the answer away.
      let ids = shuffled(item.options.map((o) => o.id), random);
      if (ids.every((id, i) => id === item.answer[i])) ids = [...ids.slice(1), ids[0]];
      return { id: item.id, options: ids };
    }
    case "matching": {
      // The right-hand column is always shuffled: authors tend to list it in prompt order.
      const prompts = item.prompts.map((p) => p.id);
      return {
        id: item.id,
        prompts: shuffleOptions ? shuffled(prompts, random) : prompts,
        options: shuffled(item.options.map((o) => o.id), random),
      };
    }
  }
}

/**
 * The first half of a draw, which needs only item ids: which items, in which order.
 * `pools` holds each draw rule's pool (item ids in file order, see poolIds). `present`
 * finishes the draw once the chosen items are at hand (a quiz page fetches only those):
 * it shuffles their options from the same random stream, so the two halves give exactly
 * what drawQuiz gives over every bank. `present` runs once; later calls return its result.
 */
export interface Selection {
  quizId: string;
  seed: string;
  ids: string[];
  present(itemOf: (id: string) => QuizItem): DrawnQuiz;
}

/** The ids each draw rule of `quiz` can pick, in file order (`bank`: the bank the quiz is written in). */
export const poolIds = (quiz: Pick<Quiz, "draw">, bank: string, catalog: QuizCatalog): string[][] =>
  quiz.draw.map((rule) => poolOf(rule, bank, catalog).map((entry) => entry.item.id));

/**
 * Selects an attempt's items. Rules apply in order, each picking `count` items at random
 * from its pool minus items already drawn; then the items are shuffled if the quiz says so.
 * Throws DrawError when a pool is too small (the checker prevents this for shipped banks).
 */
export function selectItems(quiz: Pick<Quiz, "id" | "draw" | "shuffle">, pools: readonly (readonly string[])[], seed: string): Selection {
  // Quiz id in the seed: the same seed on two quizzes must not give related draws.
  const random = randomFrom(`${quiz.id}\u0000${seed}`);
  const drawn: string[] = [];
  const taken = new Set<string>();
  quiz.draw.forEach((rule, i) => {
    const pool = (pools[i] ?? []).filter((id) => !taken.has(id));
    if (pool.length < rule.count) {
      throw new DrawError(quiz.id, `测验 ${quiz.id} 第 ${i + 1} 条抽题规则要抽 ${rule.count} 题，题库中只剩 ${pool.length} 题可抽`);
    }
    for (const picked of shuffled(pool, random).slice(0, rule.count)) {
      drawn.push(picked);
      taken.add(picked);
    }
  });
  const ids = quiz.shuffle.items ? shuffled(drawn, random) : drawn;
  let presented: DrawnQuiz | undefined;
  return {
    quizId: quiz.id,
    seed,
    ids,
    present(itemOf) {
      presented ??= { quizId: quiz.id, seed, items: ids.map((id) => presentItem(itemOf(id), quiz.shuffle.options, random)) };
      return presented;
    },
  };
}

/** Draw an attempt over a whole catalog: selectItems, then present. Throws DrawError for an unknown quiz or a pool too small. */
export function drawQuiz(quizId: string, seed: string, catalog: QuizCatalog): DrawnQuiz {
  const entry = catalog.quizzes.get(quizId);
  if (!entry) throw new DrawError(quizId, `没有编号为 ${quizId} 的测验`);
  const { quiz, bank } = entry;
  return selectItems(quiz, poolIds(quiz, bank, catalog), seed).present((id) => catalog.items.get(id)!.item);
}
