/**
 * pagefind ranking used by the search page, tuned on test/relevance/queries.yaml (54
 * queries, Chinese segmented by pagefind's zh-cn indexer):
 *   defaults                                   recall@5 0.991  MRR 0.875
 *   pageLength 0.5                             recall@5 1.000  MRR 0.879
 *   + termFrequency 0.6 + termSimilarity 2     recall@5 1.000  MRR 0.916
 * Short law and glossary pages should not lose to long lessons that merely repeat a word
 * (lower pageLength and termFrequency), and exact terms should beat near matches.
 */
export const pagefindRanking = { pageLength: 0.5, termFrequency: 0.6, termSimilarity: 2 } as const;
