import type { TokenStrategy } from "./tokenize.ts";

/**
 * Tokenisation shipped in the look-up index, chosen by measurement on
 * test/relevance/queries.yaml (run `npm run bench` for current figures). On 53 queries:
 *   words (Intl.Segmenter)  recall@5 0.972  MRR 0.949   59 KB gzip
 *   bigrams                 recall@5 1.000  MRR 0.964  100 KB gzip
 *   words + bigrams         recall@5 1.000  MRR 0.965  112 KB gzip
 * Word segmentation splits the same phrase differently in different contexts (物业费 vs
 * 物业|费), so it misses; bigrams do not, and the index is fetched only when a search starts.
 */
export const LOOKUP_STRATEGY: TokenStrategy = "ngrams";
