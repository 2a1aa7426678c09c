/**
 * The store's write-path checks: the rules of schema.ts for one lesson event, quiz
 * attempt or scenario run, without a schema library. (Learner input, which a person
 * types, is learner-guards.ts, with fuller messages; a whole record is record-guards.ts.)
 *
 * Why not the zod schemas here: every lesson, quiz and scenario page loads the store as
 * soon as a learner is chosen, and zod would be most of its weight (14 KB gzip, or 8 KB
 * as zod-mini, against a 20 KB budget for a lesson page's JS). schema.ts stays the one
 * definition of the record format, used wherever outside data comes in (import, export);
 * these guards must accept exactly what it accepts for entries, which
 * test/unit/progress/guards.test.ts checks value by value, rule by rule. An entry that
 * passed here can always be exported and imported again.
 */
import { isPlainJson, reservedKeysOf } from "./json-shape.ts";
import { LESSON_EVENT_MAX_SECONDS } from "./lesson-time.ts";
import { ENTRY_ID, ISO_DATE_TIME, LESSON_KEY, SLUG } from "./patterns.ts";

/**
 * One problem: the field's path and a short zh-CN reason. Entries are built by our own
 * code, so a problem here is a bug the learner cannot fix: the save fails loudly (and the
 * page offers the data as a file); the path is what a developer needs.
 */
export type GuardProblem = string;

export type Check = (value: unknown, path: string, problems: GuardProblem[]) => void;

export const at = (path: string, message: string) => `${path ? `${path}：` : ""}${message}`;

/**
 * A problem found inside `path`, under that path: "name：缺少姓名" becomes "learner.name：缺少姓名",
 * a problem of the whole value ("类型不对") becomes "learner：类型不对". Paths are printable
 * ASCII (field names, indexes); messages start in Chinese.
 */
export const within = (path: string, problem: GuardProblem): GuardProblem =>
  /^[\x21-\x7e]+：/.test(problem) ? `${path}.${problem}` : at(path, problem);

/** A plain object: not an array, Date, Map… (what a JSON object or a schema's object/record accepts). */
export const isObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** Why a value was refused: short, since the path says which field (see the header). */
const MISSING = "缺少";
const WRONG_TYPE = "类型不对";
const BAD_FORMAT = "格式不对";
const OUT_OF_RANGE = "超出范围";

export const str =
  (rule: { pattern?: RegExp; min?: number; max?: number } = {}): Check =>
  (value, path, problems) => {
    if (typeof value !== "string") return void problems.push(at(path, value === undefined ? MISSING : WRONG_TYPE));
    if ((rule.min !== undefined && value.length < rule.min) || (rule.max !== undefined && value.length > rule.max)) problems.push(at(path, OUT_OF_RANGE));
    if (rule.pattern && !rule.pattern.test(value)) problems.push(at(path, BAD_FORMAT));
  };

export const entryId = str({ pattern: ENTRY_ID });
const slug = str({ pattern: SLUG });

export const isoTime: Check = (value, path, problems) => {
  if (typeof value !== "string" || !ISO_DATE_TIME.test(value)) problems.push(at(path, value === undefined ? MISSING : BAD_FORMAT));
};

const num =
  (rule: { int?: boolean; min?: number; above?: number; max?: number } = {}): Check =>
  (value, path, problems) => {
    if (typeof value !== "number" || !Number.isFinite(value)) return void problems.push(at(path, value === undefined ? MISSING : WRONG_TYPE));
    const bad =
      (rule.int && !Number.isInteger(value)) ||
      (rule.min !== undefined && value < rule.min) ||
      (rule.above !== undefined && value <= rule.above) ||
      (rule.max !== undefined && value > rule.max);
    if (bad) problems.push(at(path, OUT_OF_RANGE));
  };

const bool: Check = (value, path, problems) => {
  if (typeof value !== "boolean") problems.push(at(path, value === undefined ? MISSING : WRONG_TYPE));
};

const list =
  (item: Check, max: number): Check =>
  (value, path, problems) => {
    if (!Array.isArray(value)) return void problems.push(at(path, value === undefined ? MISSING : WRONG_TYPE));
    if (value.length > max) problems.push(at(path, OUT_OF_RANGE));
    value.forEach((v, i) => item(v, `${path}.${i}`, problems));
  };

/** A quiz response (quiz/response.ts): option id, true/false, id list, prompt → option, or null. */
const response: Check = (value, path, problems) => {
  const short = (v: unknown) => typeof v === "string" && v.length <= 100;
  const ok =
    value === null ||
    typeof value === "boolean" ||
    short(value) ||
    (Array.isArray(value) && value.length <= 20 && value.every(short)) ||
    (isObject(value) && !reservedKeysOf(value).length && Object.entries(value).every(([k, v]) => k.length <= 100 && short(v)));
  if (!ok) problems.push(at(path, BAD_FORMAT));
};

/** Plain JSON within the depth limit and without reserved keys (json-shape.ts): what a scenario run's log may hold. */
const json: Check = (value, path, problems) => {
  if (!isPlainJson(value)) problems.push(at(path, BAD_FORMAT));
};

export function object(value: unknown, fields: Record<string, Check>, optional: readonly string[] = []): GuardProblem[] {
  const problems: GuardProblem[] = [];
  if (!isObject(value)) return [WRONG_TYPE];
  const unknown = Object.keys(value).filter((k) => !Object.hasOwn(fields, k));
  if (unknown.length) problems.push(`多余的字段 ${unknown.join("、")}`);
  for (const [key, check] of Object.entries(fields)) {
    if (optional.includes(key) && value[key] === undefined) continue;
    check(value[key], key, problems);
  }
  return problems;
}

// ── What the store calls ──────────────────────────────────────────────────────

export function lessonEventProblems(value: unknown): GuardProblem[] {
  return object(value, {
    id: entryId,
    lesson: str({ pattern: LESSON_KEY }),
    kind: (v, path, problems) => {
      if (v !== "opened" && v !== "completed") problems.push(at(path, BAD_FORMAT));
    },
    at: isoTime,
    seconds: num({ int: true, min: 0, max: LESSON_EVENT_MAX_SECONDS }),
  });
}

export function quizAttemptProblems(value: unknown): GuardProblem[] {
  const problems = object(value, {
    id: entryId,
    quiz: slug,
    seed: str({ max: 64 }),
    items: list(slug, 200),
    answers: (v, path, out) => {
      if (!isObject(v)) return void out.push(at(path, v === undefined ? MISSING : WRONG_TYPE));
      for (const k of reservedKeysOf(v)) out.push(at(`${path}.${k}`, BAD_FORMAT));
      for (const [k, r] of Object.entries(v)) response(r, `${path}.${k}`, out);
    },
    score: num({ min: 0 }),
    max: num({ above: 0 }),
    passed: bool,
    started: isoTime,
    finished: isoTime,
  });
  const a = value as { score: number; max: number };
  if (!problems.length && a.score > a.max + 1e-9) problems.push(at("score", "得分不能高于满分"));
  return problems;
}

export function scenarioRunProblems(value: unknown): GuardProblem[] {
  return object(
    value,
    {
      id: entryId,
      scenario: slug,
      log: list(json, 2000),
      path: list(str({ max: 100 }), 2000),
      ending: str({ min: 1, max: 100 }),
      outcome: str({ max: 40 }),
      score: num(),
      max: num({ min: 0 }),
      started: isoTime,
      finished: isoTime,
    },
    ["outcome"],
  );
}
