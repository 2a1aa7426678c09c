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

/**
 * pagefind ranking for questions (relax.ts `asksQuestion`), whose results are summed over
 * their words: every occurrence counts (termFrequency 1) and repeats saturate slowly
 * (termSaturation 2), so the page that says the rare words of a question most often wins.
 * Measured on test/relevance/questions.yaml (48 questions), lessons weighted 0.5:
 *   the keyword ranking above                                    recall@5 0.917  MRR 0.714
 *   termFrequency 1                                              recall@5 0.896  MRR 0.758
 *   termFrequency 1, termSaturation 2                            recall@5 0.896  MRR 0.770
 *   termFrequency 1, termSaturation 2, termSimilarity 1          recall@5 0.917  MRR 0.789
 *   the same with pageLength 0.3 / 0.75                          recall@5 0.917 / 0.896  MRR 0.743 / 0.756
 * On keyword queries (queries.yaml) this ranking measured 0.945 / 0.880 against 0.951 / 0.905,
 * so keywords keep the ranking above. As shipped (sentences count as questions too, and every
 * result of each search is summed): questions.yaml 0.979 / 0.807 (test/browser/search.test.ts).
 */
export const questionRanking = { pageLength: 0.5, termFrequency: 1, termSimilarity: 1, termSaturation: 2 } as const;

/**
 * Weight of a lesson among a question's answers (relax.ts RelaxOptions.weight): a question
 * is answered by a provision, a term or a case; a long lesson that mentions every word
 * comes after them. Measured on questions.yaml: 1 → MRR 0.615, 0.5 → 0.717, 0.3 → 0.728 (with
 * the keyword ranking); keyword queries are not affected.
 */
export const questionLessonWeight = 0.5;
