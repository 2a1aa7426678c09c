/** Astro-side access to the quizzes: the catalog of every bank, and what one quiz page embeds. */
import { getCollection } from "astro:content";
import { buildCatalog, type QuizCatalog } from "../lib/quiz/catalog.ts";
import type { Quiz } from "../lib/quiz/schema.ts";
import { drawableBanks, type QuizPageData } from "../lib/quiz/page-data.ts";
import { citation, provisions } from "./curriculum.ts";
import { provisionHref } from "./paths.ts";

export type QuizEntry = { quiz: Quiz; bank: string };

let catalog: Promise<QuizCatalog> | undefined;

/** Every bank, item and quiz (banks in file-name order, as the checker reads them). */
export function quizCatalog(): Promise<QuizCatalog> {
  catalog ??= getCollection("quizzes").then((banks) =>
    buildCatalog(banks.sort((a, b) => a.id.localeCompare(b.id)).map((entry) => entry.data)),
  );
  return catalog;
}

/** Every quiz with the bank it is written in. */
export async function allQuizzes(): Promise<QuizEntry[]> {
  return [...(await quizCatalog()).quizzes.values()];
}

/** The end-of-lesson check of `<course>/<lesson>`, if there is one. */
export async function lessonCheckOf(lessonKey: string): Promise<Quiz | undefined> {
  return (await allQuizzes()).find(({ quiz }) => quiz.kind === "lesson-check" && quiz.lesson === lessonKey)?.quiz;
}

/** The final test of a course, if there is one. */
export async function courseFinalOf(courseId: string): Promise<Quiz | undefined> {
  return (await allQuizzes()).find(({ quiz }) => quiz.kind === "course-final" && quiz.course === courseId)?.quiz;
}

/** Quiz id → title, for 我的学习. */
export async function quizTitles(): Promise<Record<string, string>> {
  return Object.fromEntries((await allQuizzes()).map(({ quiz }) => [quiz.id, quiz.title]));
}

/**
 * What the quiz page embeds: the quiz and ONLY the items its pools can draw (never the
 * rest of the bank), each bank's in file order, with the provisions they cite.
 */
export async function quizPageData({ quiz, bank }: QuizEntry): Promise<QuizPageData> {
  const banks = drawableBanks(await quizCatalog(), quiz, bank);
  const cited = [...new Set(banks.flatMap((b) => b.items.flatMap((item) => item.law)))];
  return {
    quiz,
    bank,
    banks,
    provisions: (await provisions(cited)).map(({ id, data }) => ({ id, citation: citation(data), url: provisionHref(data.statute, data.article) })),
  };
}
