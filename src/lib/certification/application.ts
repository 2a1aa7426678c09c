/**
 * The application file (申请材料) a learner brings to the supervised exam: their whole
 * record, the level and a summary of the evidence (the readiness result), in the
 * progress export format itself: the export envelope with an `application` member, so
 * ONE checksum covers record and application, and importing the file into 我的学习 still
 * works. Reading it runs every check of the import (empty, truncated, corrupt, future
 * version, invalid, tampered) plus size and the application's own shape.
 */
import * as z from "zod/v4-mini";
import type { JsonValue } from "../progress/canonical.ts";
import type { ImportProblem, ImportProblemCode } from "../progress/errors.ts";
import { createExport, exportFileName, importText, type ExportFile } from "../progress/export.ts";
import { describeIssues, zhCN } from "../progress/issues.ts";
import { ISO_DATE_TIME, type ProgressRecord } from "../progress/schema.ts";
import { readinessCodes, readinessOfRecord, type CurriculumFacts, type Readiness } from "./readiness.ts";
import type { Level } from "./schema.ts";

export const APPLICATION_KIND = "mediator-academy/certification-application";
export const APPLICATION_VERSION = 1;
/** Larger files are refused before parsing: a record of 2,000 attempts is well under 2 MB. */
export const MAX_APPLICATION_BYTES = 5 * 1024 * 1024;

const requirementKinds = ["level", "course", "final", "scenario-score", "scenario-outcome", "hours", "exam"] as const;
const shortText = z.string().check(z.maxLength(200));

export const applicationSchema = z.strictObject({
  kind: z.literal(APPLICATION_KIND),
  version: z.literal(APPLICATION_VERSION),
  created: z.string().check(z.regex(ISO_DATE_TIME, "申请时间 created 格式不对")),
  level: z.strictObject({
    id: shortText,
    title: shortText,
    exam: z.strictObject({ id: shortText, passMark: z.number().check(z.minimum(0), z.maximum(100)) }),
  }),
  selfStudyMet: z.boolean(),
  done: z.int().check(z.minimum(0)),
  total: z.int().check(z.minimum(0)),
  evidence: z
    .array(
      z.strictObject({
        kind: z.enum(requirementKinds),
        subject: shortText,
        met: z.boolean(),
        selfStudy: z.boolean(),
        code: z.enum(readinessCodes),
        values: z.record(z.string(), z.union([z.string().check(z.maxLength(2000)), z.number()])),
      }),
    )
    .check(z.maxLength(500)),
});

export type Application = z.infer<typeof applicationSchema>;
export type ApplicationFile = ExportFile & { application: Application };

export type ApplicationProblemCode = ImportProblemCode | "too-large" | "not-an-application";
export type ApplicationProblem = Omit<ImportProblem, "code"> & { code: ApplicationProblemCode };
export type ReadApplicationResult = { ok: true; record: ProgressRecord; application: Application } | { ok: false; problem: ApplicationProblem };

/** The application member: the level and what the record shows, requirement by requirement. */
export function applicationOf(readiness: Readiness, level: Level, now: Date): Application {
  return {
    kind: APPLICATION_KIND,
    version: APPLICATION_VERSION,
    created: now.toISOString(),
    level: { id: level.id, title: level.title, exam: { id: level.exam.id, passMark: level.exam.passMark } },
    selfStudyMet: readiness.selfStudyMet,
    done: readiness.done,
    total: readiness.total,
    // Links are for the page, not the trainer: left out.
    evidence: readiness.requirements.map(({ kind, subject, met, selfStudy, code, values }) => ({ kind, subject, met, selfStudy, code, values })),
  };
}

/** The application file for `level`, made from the learner's whole record. */
export async function createApplication(record: ProgressRecord, level: Level, curriculum: CurriculumFacts, now: Date = new Date()): Promise<ApplicationFile> {
  const application = applicationOf(readinessOfRecord(record, level, curriculum), level, now);
  return (await createExport(record, now, { application: application as unknown as JsonValue })) as ApplicationFile;
}

export const applicationText = async (record: ProgressRecord, level: Level, curriculum: CurriculumFacts, now?: Date): Promise<string> =>
  `${JSON.stringify(await createApplication(record, level, curriculum, now), null, 2)}\n`;

/** 调解员学堂-申请材料-岗前培训合格-张三-2026-03-01.json */
export function applicationFileName(record: Pick<ProgressRecord, "learner">, level: Pick<Level, "title">, now: Date = new Date()): string {
  const title = level.title.replace(/[\\/:*?"<>|\s]+/g, "").slice(0, 20);
  return exportFileName(record.learner, now).replace("学习记录", `申请材料-${title}`);
}

/** UTF-8 size; a text longer than the limit in UTF-16 units is over it in bytes too, so it is not encoded. */
const utf8Bytes = (text: string): number => (text.length > MAX_APPLICATION_BYTES ? text.length : new TextEncoder().encode(text).byteLength);

/** File text → the record and the application, or what is wrong (zh-CN). Changes nothing. */
export async function readApplication(text: string): Promise<ReadApplicationResult> {
  const size = utf8Bytes(text);
  if (size > MAX_APPLICATION_BYTES) {
    const message = `文件太大（${(size / 1024 / 1024).toFixed(1)} MB），申请材料最多 5 MB。请在“我的学习”重新下载申请材料。`;
    return { ok: false, problem: { code: "too-large", message, details: [] } };
  }
  const imported = await importText(text);
  if (!imported.ok) return imported;
  if (imported.application === undefined) {
    return {
      ok: false,
      problem: { code: "not-an-application", message: "这是学习记录文件，不是申请材料。请在“我的学习”中达到要求后下载“申请材料”。", details: [] },
    };
  }
  const raw = imported.application as { version?: unknown } | null;
  if (raw && typeof raw === "object" && typeof raw.version === "number" && raw.version > APPLICATION_VERSION) {
    return {
      ok: false,
      problem: {
        code: "future-version",
        message: `这份申请材料由更新版本的调解员学堂生成（申请格式第 ${raw.version} 版），这里只能读取第 ${APPLICATION_VERSION} 版。请把网站或工具更新到最新版本后再读取。`,
        details: [],
      },
    };
  }
  const parsed = applicationSchema.safeParse(imported.application, zhCN);
  if (!parsed.success) {
    return { ok: false, problem: { code: "invalid", message: "申请材料的内容不完整或格式不对。", details: describeIssues(parsed.error.issues) } };
  }
  return { ok: true, record: imported.record, application: parsed.data };
}
