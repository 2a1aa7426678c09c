/** Every internal URL goes through here, so the site works under any configured base. */
const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");

/** `href("courses/")` → `/academy/courses/` when base is `/academy/`. */
export const href = (path = ""): string => base + path.replace(/^\//, "");

export const courseHref = (courseId: string) => href(`courses/${courseId}/`);
export const lessonHref = (courseId: string, lessonId: string) => href(`courses/${courseId}/${lessonId}/`);
export const statuteHref = (statuteId: string) => href(`law/${statuteId}/`);
export const provisionAnchor = (article: number) => `article-${article}`;
export const provisionHref = (statuteId: string, article: number) => `${statuteHref(statuteId)}#${provisionAnchor(article)}`;
export const termAnchor = (termId: string) => `term-${termId}`;
export const termHref = (termId: string) => `${href("glossary/")}#${termAnchor(termId)}`;
