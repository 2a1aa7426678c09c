/** Relevance measures for a search engine over a set of judged queries. */

export interface Judgement {
  q: string;
  /** Items that must appear in the top k. */
  expected: string[];
}

export interface QueryOutcome {
  q: string;
  expected: string[];
  /** Ranked results (ids or paths), best first. */
  results: string[];
  /** Fraction of expected items found in the top k. */
  recall: number;
  /** 1 / rank of the first expected item (0 when none is in the results). */
  reciprocalRank: number;
}

export interface RelevanceReport {
  k: number;
  recallAtK: number;
  mrr: number;
  outcomes: QueryOutcome[];
}

export function measure(judgements: readonly Judgement[], run: (q: string) => string[], k = 5): RelevanceReport {
  const outcomes = judgements
    .filter((j) => j.expected.length > 0)
    .map(({ q, expected }) => {
      const results = run(q);
      const top = new Set(results.slice(0, k));
      const firstHit = results.findIndex((r) => expected.includes(r));
      return {
        q,
        expected,
        results,
        recall: expected.filter((e) => top.has(e)).length / expected.length,
        reciprocalRank: firstHit < 0 ? 0 : 1 / (firstHit + 1),
      };
    });
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return { k, recallAtK: mean(outcomes.map((o) => o.recall)), mrr: mean(outcomes.map((o) => o.reciprocalRank)), outcomes };
}
