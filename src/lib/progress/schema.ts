/**
 * The learner record, versioned. Version 2 is current: a profile plus three append-only
 * lists (lesson events, quiz attempts, scenario runs), every entry with a stable id so
 * two copies of a record merge without duplicates. Version 1 was the first, simpler
 * form (one completion date per lesson, a percentage per quiz); migrate.ts upgrades it.
 * Totals such as study hours are derived (hours.ts), never stored.
 */
import * as z from "zod/v4-mini";
import { responseSchema } from "../quiz/response.ts";
import type { JsonValue } from "./canonical.ts";
import { isPlainJson, jsonShapeProblem, MAX_JSON_DEPTH, RESERVED_KEYS } from "./json-shape.ts";
import { LESSON_EVENT_MAX_SECONDS } from "./lesson-time.ts";
import { ENTRY_ID, ISO_DATE_TIME, LESSON_KEY, SLUG } from "./patterns.ts";
import { CURRENT_VERSION } from "./version.ts";

export { CURRENT_VERSION, ISO_DATE_TIME };

/**
 * Plain JSON (canonical.ts) within the store's depth limit and without reserved keys: the
 * one rule of json-shape.ts, which guards.ts applies too (no recursive schema, so no input
 * can overflow the stack).
 */
export const jsonValueSchema: z.ZodMiniType<JsonValue> = z.custom<JsonValue>((value) => isPlainJson(value), {
  error: `应为 JSON 值，嵌套最多 ${MAX_JSON_DEPTH} 层，且不能有 ${RESERVED_KEYS.join("、")} 这样的字段名`,
});

// zod 4 replaced required_error and invalid_type_error with one `error` option per
// schema, which words the schema's own issues (a missing or wrong-type value); each check
// (pattern, length, range) carries its own message. Issues left without one (no option,
// or the option returns undefined) are worded by issues.ts: parse with its `zhCN`.

/** zod 3's required_error: a message for a missing value only. */
const whenMissing = (message: string) => (issue: z.core.$ZodRawIssue) => (issue.input === undefined ? message : undefined);

/** Learner and entry ids: random (ids.ts) or, for migrated entries, derived from their content. */
export const entryIdSchema = z
  .string({ error: whenMissing("缺少编号 id") })
  .check(z.regex(ENTRY_ID, "编号只能由 1 到 100 个字母、数字和 . _ : - 组成"));

/**
 * Quiz, item and scenario ids. Same rule and message as content/schemas.ts slugSchema,
 * repeated so that pages which only record progress do not bundle the content schemas.
 */
const slugSchema = z
  .string({ error: whenMissing("缺少编号") })
  .check(z.regex(SLUG, "编号只能用小写字母、数字和连字符，例如 written-agreement"));

/** `<course>/<lesson>`. Same rule as quiz/schema.ts, repeated for the same reason. */
const lessonKeySchema = z.string().check(z.regex(LESSON_KEY, "课时应写成 <课程编号>/<课时编号>"));

const isoTime = z
  .string({ error: whenMissing("缺少时间") })
  .check(z.regex(ISO_DATE_TIME, "时间应为 ISO 8601 格式，例如 2025-03-01T08:30:00.000Z"));

const label = (what: string, min: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `缺少${what}` : `${what}应为文字`) })
    .check(z.trim(), z.minLength(min, `${what}不能为空`), z.maxLength(40, `${what}最多 40 个字`));

/** Time on one visit is capped when summed (hours.ts); a day is the most we accept at all. */
const seconds = z
  .int({ error: (issue) => (issue.code === "invalid_type" && issue.expected === "int" ? "秒数应为整数" : undefined) })
  .check(z.minimum(0, "秒数不能为负"), z.maximum(LESSON_EVENT_MAX_SECONDS, "一次学习最多记 24 小时"));

/** At most `max` characters. */
const text = (max: number) => z.string().check(z.maxLength(max));

// ── Version 2 (current) ───────────────────────────────────────────────────────

export const learnerProfileSchema = z.strictObject({
  /** Same on every device the learner's record travels to. */
  id: entryIdSchema,
  name: label("姓名", 1),
  /** 乡镇（街道）. */
  township: label("乡镇（街道）", 0),
  /** 村（社区）. */
  village: label("村（社区）", 0),
  created: isoTime,
  /** Last change of name, township or village. */
  updated: isoTime,
  /**
   * When each field last changed, where that differs from `updated` (merge.ts keeps each
   * field's newest value). Absent in older records: every field then counts as changed at `updated`.
   */
  changed: z.optional(z.strictObject({ name: z.optional(isoTime), township: z.optional(isoTime), village: z.optional(isoTime) })),
});

export const lessonEventKinds = ["opened", "completed"] as const;

/** A visit to a lesson, or its completion, with the active time since the previous event. */
export const lessonEventSchema = z.strictObject({
  id: entryIdSchema,
  /** `<course>/<lesson>`. */
  lesson: lessonKeySchema,
  kind: z.enum(lessonEventKinds),
  at: isoTime,
  seconds,
});

/** One finished quiz attempt: enough to show it again (quiz + seed + items) and to regrade it. */
export const quizAttemptSchema = z
  .strictObject({
    id: entryIdSchema,
    quiz: slugSchema,
    /** The draw seed; "" for attempts migrated from version 1, which kept none. */
    seed: text(64),
    /** Item ids in the order shown (a later bank edit changes what the seed draws). */
    items: z.array(slugSchema).check(z.maxLength(200)),
    /** item id → the learner's response. */
    // Checked before the record schema, which would drop a `__proto__` key without a word.
    answers: z.pipe(
      z.unknown().check(
        z.refine((v) => jsonShapeProblem(v, Infinity)?.code !== "reserved-key", `作答里的题目和选项编号不能是 ${RESERVED_KEYS.join("、")}`),
      ),
      z.record(z.string(), responseSchema),
    ),
    // z.number() refuses NaN and ±Infinity, as zod 3's .finite() did.
    score: z.number().check(z.minimum(0)),
    max: z.number().check(z.positive()),
    passed: z.boolean(),
    started: isoTime,
    finished: isoTime,
  })
  .check(z.refine((a) => a.score <= a.max + 1e-9, { error: "得分不能高于满分", path: ["score"] }));

/** One scenario played to an ending. */
export const scenarioRunSchema = z.strictObject({
  id: entryIdSchema,
  scenario: slugSchema,
  /**
   * The engine's step log (src/lib/scenario), kept as plain JSON: the scenario module
   * validates it when replaying, so a change there never makes old records unreadable.
   */
  log: z.array(jsonValueSchema).check(z.maxLength(2000)),
  /** Node ids shown, in order. */
  path: z.array(text(100)).check(z.maxLength(2000)),
  /** The ending node id. */
  ending: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The ending's outcome (lawful-agreement, correct-referral, …). */
  outcome: z.optional(text(40)),
  score: z.number(),
  max: z.number().check(z.minimum(0)),
  started: isoTime,
  finished: isoTime,
});

/** Runs only on a list whose entries are all valid, like zod 3's superRefine. */
const uniqueIds =
  (what: string) =>
  (payload: z.core.ParsePayload<readonly { id: string }[]>): void => {
    const seen = new Set<string>();
    payload.value.forEach((entry, i) => {
      if (seen.has(entry.id)) payload.issues.push({ code: "custom", input: entry.id, path: [i, "id"], message: `${what}编号 ${entry.id} 重复` });
      seen.add(entry.id);
    });
  };

export const progressRecordSchema = z.strictObject({
  version: z.literal(CURRENT_VERSION),
  learner: learnerProfileSchema,
  lessons: z.array(lessonEventSchema).check(uniqueIds("学习记录")),
  attempts: z.array(quizAttemptSchema).check(uniqueIds("测验记录")),
  runs: z.array(scenarioRunSchema).check(uniqueIds("案例模拟记录")),
});

export type LearnerProfile = z.infer<typeof learnerProfileSchema>;
export type LessonEvent = z.infer<typeof lessonEventSchema>;
export type QuizAttempt = z.infer<typeof quizAttemptSchema>;
export type ScenarioRun = z.infer<typeof scenarioRunSchema>;
export type ProgressRecord = z.infer<typeof progressRecordSchema>;

// ── Version 1 ─────────────────────────────────────────────────────────────────

/** Epoch milliseconds, as version 1 stored times. */
const epochMs = z.int().check(z.minimum(0), z.maximum(8.64e15));

export const recordV1Schema = z.strictObject({
  version: z.literal(1),
  learner: z.strictObject({
    id: entryIdSchema,
    name: label("姓名", 1),
    /** Township and village in one field, e.g. "城关镇 东关村". */
    place: z.string().check(z.trim(), z.maxLength(80)),
    created: epochMs,
  }),
  /** `<course>/<lesson>` → when it was completed. No time spent, no visits. */
  lessonsCompleted: z.record(lessonKeySchema, epochMs),
  /** Best-effort results: a percentage, no answers and no seed. */
  quizScores: z.array(
    z.strictObject({ quiz: slugSchema, percent: z.number().check(z.minimum(0), z.maximum(100)), passed: z.boolean(), at: epochMs }),
  ),
});

export type ProgressRecordV1 = z.infer<typeof recordV1Schema>;

/** The schema of each version a record may be stored or exported in. */
export const recordSchemas = { 1: recordV1Schema, 2: progressRecordSchema } as const;
