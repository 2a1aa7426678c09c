/**
 * Site paths (without the base path) of every page built from content. One place, so the
 * pages, the link checker and the search indexes agree on where things live.
 */
export const coursePath = (courseId: string) => `courses/${courseId}/`;
export const lessonPath = (courseId: string, lessonId: string) => `courses/${courseId}/${lessonId}/`;
export const statutePath = (statuteId: string) => `law/${statuteId}/`;
export const provisionPath = (statuteId: string, article: number) => `law/${statuteId}/${article}/`;
export const termPath = (termId: string) => `glossary/${termId}/`;
export const scenarioPath = (scenarioId: string) => `scenarios/${scenarioId}/`;
/** The page of one quiz (lesson check or course final): /quizzes/the-session-check/. */
export const quizPath = (quizId: string) => `quizzes/${quizId}/`;
/** What each certification level requires, and how to apply. */
export const certificationPath = () => "certification/";
/** 我的学习: a learner's progress, readiness and application file. */
export const mePath = () => "me/";
