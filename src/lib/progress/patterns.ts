/**
 * The text patterns of the record format, in one place for the schema (schema.ts) and
 * the store's write-path guards (guards.ts), which must agree exactly. No schema library
 * here, so the guards can use them without loading one.
 */

/** Learner and entry ids: random (ids.ts) or, for migrated entries, derived from their content. */
export const ENTRY_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Quiz, item and scenario ids, and `<course>/<lesson>`: the content's own patterns. */
export { LESSON_KEY, SLUG } from "../id-patterns.ts";

/** A real calendar date, leap days included. */
const ISO_DATE = String.raw`(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))`;
/** hh:mm, seconds and their fraction optional. */
const ISO_TIME = String.raw`(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?`;
/**
 * Date, time, then Z or an offset ±hh:mm or ±hhmm: exactly what zod 3's
 * `datetime({ offset: true })` accepted. zod 4's check refuses ±hhmm; keeping the old
 * rule means no record that was valid before becomes unreadable.
 */
export const ISO_DATE_TIME = new RegExp(String.raw`^${ISO_DATE}T${ISO_TIME}(?:Z|[+-]\d{2}:?\d{2})$`);
