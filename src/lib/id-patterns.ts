/**
 * The id patterns of everything trainers write, in one place for the zod schemas
 * (content/fields.ts, build time) and the progress record's guards (lib/progress, in the
 * browser). No schema library here, so browser code can import it for free.
 */

/** Lowercase kebab-case ids used in URLs: `written-agreement`. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = SLUG.source.slice(1, -1);

/** A full lesson key, `<course-id>/<lesson-id>`. */
export const LESSON_KEY = new RegExp(`^${slug}/${slug}$`);

/** A lesson reference: `<course-id>/<lesson-id>`, or `<lesson-id>` within the same course. */
export const LESSON_REF = new RegExp(`^(?:${slug}/)?${slug}$`);
