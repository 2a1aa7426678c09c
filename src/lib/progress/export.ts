/**
 * Export and import of one learner's record as a file. The file is versioned JSON with a
 * SHA-256 checksum over the canonical JSON of everything except the checksum itself, so
 * reformatting the file keeps it valid while any change of content is caught.
 *
 * Import validates everything before returning a record, in this order: size (too large,
 * before reading) → text encoding (a file saved again as GB18030/"ANSI") → parse (empty,
 * truncated, corrupt) → shape (nested too deep, reserved keys: json-shape.ts, so no parser
 * below can overflow the stack or drop a key) → format and version (not ours, future) →
 * envelope → checksum (tampered) → schema of that version (invalid) → migrate to the
 * current version and validate again (migrate.ts's migrateRecord). It is pure: it never
 * touches stored data; the caller passes the result to store.importRecord, which is atomic.
 */
import * as z from "zod/v4-mini";
import { canonicalJson, inKeyOrder, type JsonValue } from "./canonical.ts";
import { problem, type ImportProblem } from "./errors.ts";
import { describeIssues, zhCN } from "./issues.ts";
import { jsonShapeProblem, MAX_FILE_DEPTH, MAX_JSON_DEPTH, RESERVED_KEYS } from "./json-shape.ts";
import { checkVersion, migrateRecord } from "./migrate.ts";
import { ISO_DATE_TIME, type LearnerProfile, type ProgressRecord } from "./schema.ts";

export const EXPORT_FORMAT = "mediator-academy/progress";

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** When the file was made (ISO 8601). */
  exported: string;
  record: ProgressRecord;
  /** An application for a certification level (src/lib/certification/application.ts), covered by the checksum. */
  application?: JsonValue;
  checksum: { algorithm: "SHA-256"; value: string };
}

export type ImportResult =
  | { ok: true; record: ProgressRecord; fromVersion: number; /** Unchecked here: application.ts validates it. */ application?: unknown }
  | { ok: false; problem: ImportProblem };

const envelopeSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.int().check(z.positive()),
  exported: z.string().check(z.regex(ISO_DATE_TIME, "导出时间 exported 格式不对")),
  record: z.unknown(),
  application: z.optional(z.unknown()),
  checksum: z.strictObject({
    algorithm: z.literal("SHA-256"),
    value: z.string().check(z.regex(/^[0-9a-f]{64}$/, "校验码应为 64 位十六进制数")),
  }),
});

/** Thrown when the platform lacks Web Crypto (e.g. a page served over plain http). */
export class ChecksumUnavailableError extends Error {
  constructor() {
    super("此浏览器无法计算校验码：请通过 https 打开本网站，或换用较新的浏览器。");
    this.name = "ChecksumUnavailableError";
  }
}

export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new ChecksumUnavailableError();
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The text the checksum covers: every field but `checksum`, canonicalised. */
const checksumText = (file: Omit<ExportFile, "checksum"> | Record<string, unknown>) => {
  const { checksum: _checksum, ...content } = file as Record<string, unknown>;
  return canonicalJson(content);
};

export async function createExport(record: ProgressRecord, now: Date = new Date(), members: { application?: JsonValue } = {}): Promise<ExportFile> {
  // Record and application in canonical key order, so that checking the checksum on import
  // is quick (canonical.ts); the top level keeps "format" first for a human reader.
  const content = {
    format: EXPORT_FORMAT,
    version: record.version,
    exported: now.toISOString(),
    record: inKeyOrder(record),
    ...(members.application === undefined ? {} : { application: inKeyOrder(members.application) }),
  } as const;
  return { ...content, checksum: { algorithm: "SHA-256", value: await sha256Hex(checksumText(content)) } };
}

/** The file's text: indented so that a curious learner or trainer can read it. */
export const exportText = async (record: ProgressRecord, now?: Date): Promise<string> =>
  `${JSON.stringify(await createExport(record, now), null, 2)}\n`;

/** 调解员学堂-学习记录-张三-2025-03-01.json (characters that file systems refuse are dropped). */
export function exportFileName(learner: Pick<LearnerProfile, "name">, now: Date = new Date()): string {
  const name = learner.name.replace(/[\\/:*?"<>|\s]+/g, "").slice(0, 20) || "学员";
  return `调解员学堂-学习记录-${name}-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * Whether invalid JSON stops part-way (inside a string, or with brackets still open): a
 * cut-off download or copy, as opposed to a file that was never JSON.
 */
export function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const char of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === "\\") escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") depth++;
    else if (char === "}" || char === "]") depth--;
  }
  return inString || depth > 0;
}

/**
 * The largest file we read: far above any real record (2,000 quiz attempts with every
 * answer are about 2 MB), far below what would freeze a cheap phone.
 */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

const tooLarge = (bytes: number) =>
  problem(
    "too-large",
    `文件太大（${(bytes / 1024 / 1024).toFixed(1)} MB，最多 ${MAX_IMPORT_BYTES / 1024 / 1024} MB），不是调解员学堂导出的学习记录文件，没有读取。`,
  );

const wrongEncoding = () =>
  problem(
    "wrong-encoding",
    "文件的文字编码不对：它被另存成了 GB18030（“ANSI”）或 UTF-16 等编码，中文会读错，所以没有导入。请导入原来导出的文件；如果用记事本等软件打开后保存过，请再用该软件“另存为”，编码选“UTF-8”，然后导入新保存的文件。",
  );

/** Whether a file of `size` bytes may be read at all (check before reading it). */
export const importSizeProblem = (size: number): ImportProblem | undefined => (size > MAX_IMPORT_BYTES ? tooLarge(size) : undefined);

/**
 * File bytes → record, or what is wrong with it. The size is checked before anything is
 * read; the text must be UTF-8 (our exports are), else it says the encoding is wrong.
 */
export async function importBytes(bytes: Uint8Array): Promise<ImportResult> {
  const large = importSizeProblem(bytes.byteLength);
  if (large) return { ok: false, problem: large };
  let text: string;
  try {
    // Strict: GB18030 and UTF-16 (Notepad's "Unicode", whose byte-order mark is never UTF-8) both fail here.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: wrongEncoding() };
  }
  return importText(text);
}

/** File text → record, or what is wrong with it. */
export async function importText(text: string): Promise<ImportResult> {
  // A UTF-16 code unit is at least one UTF-8 byte, so a longer text is certainly too large.
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, problem: tooLarge(text.length) };
  const body = text.replace(/^\uFEFF/, "");
  if (!body.trim()) return { ok: false, problem: problem("empty", "文件是空的，没有可导入的学习记录。") };
  const result = await parseText(body);
  // A decoder that was not strict (or a copy through another program) leaves U+FFFD where
  // the bytes were not UTF-8: then a failed check means the encoding, not an edit.
  if (!result.ok && ["tampered", "corrupt", "truncated", "invalid"].includes(result.problem.code) && body.includes("\uFFFD")) {
    return { ok: false, problem: wrongEncoding() };
  }
  return result;
}

async function parseText(body: string): Promise<ImportResult> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return looksTruncated(body)
      ? { ok: false, problem: problem("truncated", "文件不完整（内容在中途断开），可能没有下载或复制完整。请重新导出一份再导入。") }
      : { ok: false, problem: problem("corrupt", "文件已损坏，不是有效的学习记录文件（JSON 格式错误）。") };
  }
  return importValue(value);
}

/** A parsed JSON value (from a file or a URL fragment) → record, or what is wrong with it. */
export async function importValue(value: unknown): Promise<ImportResult> {
  // First, before any recursive code (schema, canonical JSON) sees the value.
  const shape = jsonShapeProblem(value, MAX_FILE_DEPTH);
  if (shape?.code === "too-deep") {
    return {
      ok: false,
      problem: problem("too-deep", `文件里的内容嵌套层数过多（学习记录中最多 ${MAX_JSON_DEPTH} 层），不是本网站导出的记录，可能已损坏或被改动，没有导入。`, [shape.path]),
    };
  }
  if (shape?.code === "reserved-key") {
    return {
      ok: false,
      problem: problem(
        "reserved-key",
        `文件里有名为 ${shape.key} 的字段（位置：${shape.path}）。本网站不能原样保存 ${RESERVED_KEYS.join("、")} 这样的字段名，为免记录被悄悄改动，没有导入。`,
        [shape.path],
      ),
    };
  }
  const raw = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (!raw || raw.format !== EXPORT_FORMAT) {
    return { ok: false, problem: problem("not-a-record", "这不是调解员学堂导出的学习记录文件。") };
  }
  const version = checkVersion(raw.version);
  if (!version.ok) return version;

  const envelope = envelopeSchema.safeParse(raw, zhCN);
  if (!envelope.success) {
    return { ok: false, problem: problem("invalid", "学习记录文件的格式不对，没有导入。", describeIssues(envelope.error.issues)) };
  }
  let actual: string;
  try {
    actual = await sha256Hex(checksumText(raw));
  } catch (error) {
    if (error instanceof ChecksumUnavailableError) return { ok: false, problem: problem("unsupported", error.message) };
    throw error;
  }
  if (actual !== envelope.data.checksum.value) {
    return {
      ok: false,
      problem: problem("tampered", "文件内容与校验码不符：文件在导出后被修改过或已损坏，为保护已有记录，没有导入。请使用原始导出的文件。"),
    };
  }
  if ((envelope.data.record as { version?: unknown } | null)?.version !== version.version) {
    return { ok: false, problem: problem("invalid", "学习记录的版本号与文件的版本号不一致，没有导入。") };
  }
  // The site's one path from a stored or imported value to a current record.
  const migrated = migrateRecord(envelope.data.record);
  if (!migrated.ok) return migrated;
  const result: ImportResult = { ok: true, record: migrated.record, fromVersion: migrated.from };
  return envelope.data.application === undefined ? result : { ...result, application: envelope.data.application };
}
