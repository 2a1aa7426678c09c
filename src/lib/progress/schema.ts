/**
 * The learner record, versioned. Version 2 is current: a profile plus three append-only
 * lists (lesson events, quiz attempts, scenario runs), every entry with a stable id so
 * two copies of a record merge without duplicates. Version 1 was the first, simpler
 * form (one completion date per lesson, a percentage per quiz); migrate.ts upgrades it.
 * Totals such as study hours are derived (hours.ts), never stored.
 */
import { z } from "zod";
import { slugSchema } from "../content/schemas.ts";
import { responseSchema } from "../quiz/response.ts";
import { jsonValueSchema } from "./canonical.ts";

export const CURRENT_VERSION = 2;

/** Learner and entry ids: random (ids.ts) or, for migrated entries, derived from their content. */
export const entryIdSchema = z
  .string({ required_error: "缺少编号 id" })
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, "编号只能由 1 到 100 个字母、数字和 . _ : - 组成");

/**
 * `<course>/<lesson>`. Same rule as quiz/schema.ts, repeated so that pages which only record
 * progress do not bundle the question-bank schemas.
 */
const lessonKeySchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, "课时应写成 <课程编号>/<课时编号>");

const isoTime = z
  .string({ required_error: "缺少时间" })
  .datetime({ offset: true, message: "时间应为 ISO 8601 格式，例如 2025-03-01T08:30:00.000Z" });

const label = (what: string, min: number) =>
  z
    .string({ required_error: `缺少${what}`, invalid_type_error: `${what}应为文字` })
    .trim()
    .min(min, `${what}不能为空`)
    .max(40, `${what}最多 40 个字`);

/** Time on one visit is capped when summed (hours.ts); a day is the most we accept at all. */
const seconds = z.number().int("秒数应为整数").min(0, "秒数不能为负").max(86_400, "一次学习最多记 24 小时");

// ── Version 2 (current) ───────────────────────────────────────────────────────

export const learnerProfileSchema = z
  .object({
    /** Same on every device the learner's record travels to. */
    id: entryIdSchema,
    name: label("姓名", 1),
    /** 乡镇（街道）. */
    township: label("乡镇（街道）", 0),
    /** 村（社区）. */
    village: label("村（社区）", 0),
    created: isoTime,
    /** Last change of name, township or village; the newer profile wins a merge. */
    updated: isoTime,
  })
  .strict();

export const lessonEventKinds = ["opened", "completed"] as const;

/** A visit to a lesson, or its completion, with the active time since the previous event. */
export const lessonEventSchema = z
  .object({
    id: entryIdSchema,
    /** `<course>/<lesson>`. */
    lesson: lessonKeySchema,
    kind: z.enum(lessonEventKinds),
    at: isoTime,
    seconds,
  })
  .strict();

/** One finished quiz attempt: enough to show it again (quiz + seed + items) and to regrade it. */
export const quizAttemptSchema = z
  .object({
    id: entryIdSchema,
    quiz: slugSchema,
    /** The draw seed; "" for attempts migrated from version 1, which kept none. */
    seed: z.string().max(64),
    /** Item ids in the order shown (a later bank edit changes what the seed draws). */
    items: z.array(slugSchema).max(200),
    /** item id → the learner's response. */
    answers: z.record(z.string(), responseSchema),
    score: z.number().finite().min(0),
    max: z.number().finite().positive(),
    passed: z.boolean(),
    started: isoTime,
    finished: isoTime,
  })
  .strict()
  .refine((a) => a.score <= a.max + 1e-9, { message: "得分不能高于满分", path: ["score"] });

/** One scenario played to an ending. */
export const scenarioRunSchema = z
  .object({
    id: entryIdSchema,
    scenario: slugSchema,
    /**
     * The engine's step log (src/lib/scenario), kept as plain JSON: the scenario module
     * validates it when replaying, so a change there never makes old records unreadable.
     */
    log: z.array(jsonValueSchema).max(2000),
    /** Node ids shown, in order. */
    path: z.array(z.string().max(100)).max(2000),
    /** The ending node id. */
    ending: z.string().min(1).max(100),
    /** The ending's outcome (lawful-agreement, correct-referral, …). */
    outcome: z.string().max(40).optional(),
    score: z.number().finite(),
    max: z.number().finite().min(0),
    started: isoTime,
    finished: isoTime,
  })
  .strict();

const uniqueIds = (what: string) => (entries: readonly { id: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    if (seen.has(entry.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `${what}编号 ${entry.id} 重复` });
    seen.add(entry.id);
  });
};

export const progressRecordSchema = z
  .object({
    version: z.literal(CURRENT_VERSION),
    learner: learnerProfileSchema,
    lessons: z.array(lessonEventSchema).superRefine(uniqueIds("学习记录")),
    attempts: z.array(quizAttemptSchema).superRefine(uniqueIds("测验记录")),
    runs: z.array(scenarioRunSchema).superRefine(uniqueIds("案例模拟记录")),
  })
  .strict();

export type LearnerProfile = z.infer<typeof learnerProfileSchema>;
export type LessonEvent = z.infer<typeof lessonEventSchema>;
export type QuizAttempt = z.infer<typeof quizAttemptSchema>;
export type ScenarioRun = z.infer<typeof scenarioRunSchema>;
export type ProgressRecord = z.infer<typeof progressRecordSchema>;

// ── Version 1 ─────────────────────────────────────────────────────────────────

/** Epoch milliseconds, as version 1 stored times. */
const epochMs = z.number().int().min(0).max(8.64e15);

export const recordV1Schema = z
  .object({
    version: z.literal(1),
    learner: z
      .object({
        id: entryIdSchema,
        name: label("姓名", 1),
        /** Township and village in one field, e.g. "城关镇 东关村". */
        place: z.string().trim().max(80),
        created: epochMs,
      })
      .strict(),
    /** `<course>/<lesson>` → when it was completed. No time spent, no visits. */
    lessonsCompleted: z.record(lessonKeySchema, epochMs),
    /** Best-effort results: a percentage, no answers and no seed. */
    quizScores: z.array(
      z.object({ quiz: slugSchema, percent: z.number().min(0).max(100), passed: z.boolean(), at: epochMs }).strict(),
    ),
  })
  .strict();

export type ProgressRecordV1 = z.infer<typeof recordV1Schema>;

/** The schema of each version a record may be stored or exported in. */
export const recordSchemas = { 1: recordV1Schema, 2: progressRecordSchema } as const;
