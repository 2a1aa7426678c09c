/** Limits of the time a lesson page records (tiny: the lesson page imports it up front). */

/** The most one lesson event may record (the record schema's limit): a day. */
export const LESSON_EVENT_MAX_SECONDS = 86_400;

/** A visit shorter than this, when the learner leaves the page, is a glance: not recorded. */
export const LESSON_VISIT_MIN_SECONDS = 5;
