/** Astro-side access to the quizzes: the catalog of every bank, and what one quiz page embeds. */
import { getCollection } from "astro:content";
import { buildCatalog, type QuizCatalog } from "../lib/quiz/catalog.ts";
import type { Quiz } from "../lib/quiz/schema.ts";
import { drawableIds, pageDataOf, type QuizItemFile, type QuizPageData, type QuizProvision } from "../lib/quiz/page-data.ts";
import { citation, provisions } from "./curriculum.ts";
import { provisionHref, quizHref } from "./paths.ts";

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

/** The provisions `ids` cite, as the runner links them in feedback. */
async function quizProvisions(ids: readonly string[]): Promise<QuizProvision[]> {
  return (await provisions([...new Set(ids)])).map(({ id, data }) => ({ id, citation: citation(data), url: provisionHref(data.statute, data.article) }));
}

/** The folder of a quiz's item files: `/quizzes/<quiz>/items/`. */
export const quizItemsHref = (quizId: string): string => `${quizHref(quizId)}items/`;

/**
 * What the quiz page embeds: the quiz and its pools of item ids (no item text), and where
 * the runner fetches the drawn items (see lib/quiz/page-data.ts).
 */
export async function quizPageData({ quiz, bank }: QuizEntry): Promise<QuizPageData> {
  return pageDataOf(await quizCatalog(), quiz, bank, quizItemsHref(quiz.id));
}

/** Every item file of every quiz: one per item its draw rules can pick (pages/quizzes/[quiz]/items/[item].json.ts). */
export async function quizItemFiles(): Promise<{ quiz: string; item: string; file: QuizItemFile }[]> {
  const catalog = await quizCatalog();
  const out: { quiz: string; item: string; file: QuizItemFile }[] = [];
  for (const { quiz, bank } of catalog.quizzes.values()) {
    for (const id of drawableIds(pageDataOf(catalog, quiz, bank, ""))) {
      const entry = catalog.items.get(id)!;
      out.push({ quiz: quiz.id, item: id, file: { bank: entry.bank, scoring: entry.scoring, item: entry.item, provisions: await quizProvisions(entry.item.law) } });
    }
  }
  return out;
}
