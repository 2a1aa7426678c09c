/**
 * Reading a record of any version: check the version, validate against that version's
 * schema, then upgrade step by step to the current one. A record from a newer site is
 * refused, never guessed at. To add version 3: add its schema to recordSchemas, write
 * `2: (r) => …` below, and bump CURRENT_VERSION.
 */
import type * as z from "zod/v4-mini";
import { problem, type ImportProblem } from "./errors.ts";
import { describeIssues, zhCN } from "./issues.ts";
import { CURRENT_VERSION, progressRecordSchema, recordSchemas, type ProgressRecord, type ProgressRecordV1 } from "./schema.ts";

type Versioned = { [V in keyof typeof recordSchemas]: { version: V; record: z.output<(typeof recordSchemas)[V]> } }[keyof typeof recordSchemas];

const iso = (ms: number) => new Date(ms).toISOString();

/** Migrated entries get ids derived from their content, so migrating the same record twice merges cleanly. */
function fromV1(old: ProgressRecordV1): ProgressRecord {
  const created = iso(old.learner.created);
  // Version 1 wrote "城关镇 东关村" in one field; the first word is nearly always the township.
  const [township = "", ...rest] = old.learner.place.split(/\s+/).filter(Boolean);
  const attemptIds = new Map<string, number>();
  return {
    version: 2,
    learner: { id: old.learner.id, name: old.learner.name, township, village: rest.join(" "), created, updated: created },
    lessons: Object.entries(old.lessonsCompleted).map(([lesson, at]) => ({
      id: `v1.lesson.${lesson.replace("/", ".")}`,
      lesson,
      kind: "completed" as const,
      at: iso(at),
      seconds: 0,
    })),
    attempts: old.quizScores.map((s) => {
      const base = `v1.quiz.${s.quiz}.${s.at}`;
      const n = attemptIds.get(base) ?? 0;
      attemptIds.set(base, n + 1);
      return {
        id: n ? `${base}.${n}` : base,
        quiz: s.quiz,
        seed: "",
        items: [],
        answers: {},
        score: s.percent,
        max: 100,
        passed: s.passed,
        started: iso(s.at),
        finished: iso(s.at),
      };
    }),
    runs: [],
  };
}

/** migrations[n] turns a valid version-n record into a version n+1 record. */
const migrations: { [V in Exclude<Versioned["version"], typeof CURRENT_VERSION>]: (record: Extract<Versioned, { version: V }>["record"]) => unknown } = {
  1: fromV1,
};

/** The version a record claims, or the problem with it. */
export function checkVersion(version: unknown): { ok: true; version: Versioned["version"] } | { ok: false; problem: ImportProblem } {
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: problem("invalid", "学习记录缺少格式版本号 version，或版本号不是正整数，文件可能已损坏。") };
  }
  if (version > CURRENT_VERSION) {
    return {
      ok: false,
      problem: problem(
        "future-version",
        `这份学习记录由更新版本的调解员学堂导出（记录格式第 ${version} 版），本网站目前只能读取第 ${CURRENT_VERSION} 版及更早的记录。请刷新页面把网站更新到最新版本后再导入。`,
      ),
    };
  }
  if (!(version in recordSchemas)) return { ok: false, problem: problem("invalid", `没有第 ${version} 版的学习记录格式。`) };
  return { ok: true, version: version as Versioned["version"] };
}

/** Validate `raw` as a record of exactly `version`. */
export function parseRecordOfVersion(raw: unknown, version: Versioned["version"]): { ok: true; value: Versioned } | { ok: false; problem: ImportProblem } {
  const result = recordSchemas[version].safeParse(raw, zhCN);
  if (!result.success) {
    return { ok: false, problem: problem("invalid", "学习记录的内容不完整或格式不对，没有导入。", describeIssues(result.error.issues)) };
  }
  return { ok: true, value: { version, record: result.data } as Versioned };
}

/**
 * Upgrade a validated record to the current version, and validate the result again: a
 * migration that produces an invalid record (a bug, or an old value the new format cannot
 * hold, such as a township name over 40 characters) refuses the record instead of storing it.
 */
export function upgrade(value: Versioned): { ok: true; record: ProgressRecord } | { ok: false; problem: ImportProblem } {
  // Already current: parseRecordOfVersion validated it with this very schema (recordSchemas[CURRENT_VERSION]
  // is progressRecordSchema, checked by a test), and validating 3,000 records twice costs a class report seconds.
  if (value.version === CURRENT_VERSION) return { ok: true, record: value.record as ProgressRecord };
  let current: Versioned = value;
  while (current.version !== CURRENT_VERSION) {
    const next = migrations[current.version](current.record as never);
    current = { version: (current.version + 1) as Versioned["version"], record: next } as Versioned;
  }
  const result = progressRecordSchema.safeParse(current.record, zhCN);
  if (!result.success) {
    return {
      ok: false,
      problem: problem(
        "invalid",
        `这份第 ${value.version} 版的学习记录转换成现在的格式后不完整或格式不对，没有导入。`,
        describeIssues(result.error.issues),
      ),
    };
  }
  return { ok: true, record: result.data };
}

export type Migrated = { ok: true; record: ProgressRecord; from: number } | { ok: false; problem: ImportProblem };

/** Any stored or imported record → the current version, or the problem that stops it. */
export function migrateRecord(raw: unknown): Migrated {
  const version = checkVersion(typeof raw === "object" && raw !== null ? (raw as { version?: unknown }).version : undefined);
  if (!version.ok) return version;
  const parsed = parseRecordOfVersion(raw, version.version);
  if (!parsed.ok) return parsed;
  const upgraded = upgrade(parsed.value);
  return upgraded.ok ? { ok: true, record: upgraded.record, from: version.version } : upgraded;
}
