/** Every internal URL goes through here, so the site works under any configured base. */
import { coursePath, lessonPath, provisionPath, quizPath, scenarioPath, statutePath, termPath } from "../lib/routes.ts";

const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");

/** `href("courses/")` → `/academy/courses/` when base is `/academy/`. */
export const href = (path = ""): string => base + path.replace(/^\//, "");

export const courseHref = (courseId: string) => href(coursePath(courseId));
export const lessonHref = (courseId: string, lessonId: string) => href(lessonPath(courseId, lessonId));
export const statuteHref = (statuteId: string) => href(statutePath(statuteId));
/** The page of one provision: /law/rmtjf/28/. */
export const provisionHref = (statuteId: string, article: number) => href(provisionPath(statuteId, article));
/** The page of one glossary term: /glossary/sifa-queren/. */
export const termHref = (termId: string) => href(termPath(termId));
/** The page of one case simulation: /scenarios/boundary-wall/. */
export const scenarioHref = (scenarioId: string) => href(scenarioPath(scenarioId));
/** The page of one quiz: /quizzes/the-session-check/. */
export const quizHref = (quizId: string) => href(quizPath(quizId));
/** Element ids on the statute and glossary list pages. */
export const provisionAnchor = (article: number) => `article-${article}`;
export const termAnchor = (termId: string) => `term-${termId}`;
