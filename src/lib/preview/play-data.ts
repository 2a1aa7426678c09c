/**
 * What the real players need to run a file that passed the preview's check: the
 * <case-simulation> page data and the <quiz-runner> page data, built with the same
 * helpers the scenario and quiz pages use, with the site's provisions for law links.
 * Type imports only from the schemas: no zod.
 */
import { buildCatalog } from "../quiz/catalog.ts";
import { withItemFiles, type QuizPageData, type QuizProvision } from "../quiz/page-data.ts";
import type { Quiz, QuizBankFile } from "../quiz/schema.ts";
import { citedLaw, type ProvisionInfo, type SimulationData } from "../scenario/player-view.ts";
import type { Scenario } from "../scenario/schema.ts";

/** Every provision of the site by id (the preview fetches them when a file is played). */
export type LawIndex = ReadonlyMap<string, ProvisionInfo>;

export function simulationData(scenario: Scenario, law: LawIndex): SimulationData {
  return { scenario, provisions: citedLaw(scenario).flatMap((id) => law.get(id) ?? []) };
}

/**
 * The quizzes of a bank that can be taken from the bank alone: every draw rule stays in
 * this bank (one drawing from another bank needs that bank, which only the site has).
 */
export function takeableQuizzes(bank: QuizBankFile): Quiz[] {
  return bank.quizzes.filter((quiz) => quiz.draw.every((rule) => (rule.bank ?? bank.id) === bank.id));
}

/**
 * The page data of one quiz of the bank, carrying its drawable items itself (nothing to
 * fetch: the bank is not on the site), or undefined when it cannot be taken here.
 */
export function quizData(bank: QuizBankFile, quizId: string, law: LawIndex): QuizPageData | undefined {
  const quiz = takeableQuizzes(bank).find((q) => q.id === quizId);
  if (!quiz) return undefined;
  const cited = (ids: readonly string[]): QuizProvision[] =>
    ids.flatMap((id) => {
      const p = law.get(id);
      return p ? [{ id, citation: p.citation, url: p.url }] : [];
    });
  return withItemFiles(buildCatalog([bank]), quiz, bank.id, cited);
}
