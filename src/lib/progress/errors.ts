/**
 * Typed failures. Store errors are thrown (a failed write must never look like a
 * success); import problems are returned as values, since a bad file is expected input.
 * Messages are zh-CN: the learner reads them.
 */

export type StoreErrorCode =
  /** The browser's quota is used up: show the warning and the export button. */
  | "storage-full"
  /** No storage at all (private mode, disabled, blocked): same. */
  | "storage-unavailable"
  /** Any other backend failure, with the original as `cause`. */
  | "storage-failed"
  /** The data was upgraded by a newer version of the site (IndexedDB VersionError): this tab must reload. */
  | "site-outdated"
  | "learner-not-found"
  | "learner-exists"
  | "learner-mismatch"
  | "invalid-data";

const storeMessages: Record<StoreErrorCode, string> = {
  "storage-full": "本设备的存储空间已满，刚才的学习记录没有保存。请先导出学习记录，再清理浏览器的存储空间。",
  "storage-unavailable": "浏览器不允许本网站保存数据（可能是无痕模式或禁用了网站存储），学习记录无法保存。请先导出学习记录。",
  "storage-failed": "保存学习记录时出错，刚才的记录可能没有保存。请先导出学习记录，再刷新页面重试。",
  "site-outdated": "网站已更新，请刷新页面后继续。学习记录仍保存在这台设备上。",
  "learner-not-found": "找不到这位学员，可能已在另一个窗口中删除。",
  "learner-exists": "这位学员已经存在。",
  "learner-mismatch": "两份学习记录属于不同的学员，不能合并。",
  "invalid-data": "学习记录的内容不完整或格式不对，没有保存。",
};

export class ProgressStoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string = storeMessages[code],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ProgressStoreError";
  }
}

export class StorageFullError extends ProgressStoreError {
  constructor(options?: { cause?: unknown }) {
    super("storage-full", undefined, options);
    this.name = "StorageFullError";
  }
}

export class StorageUnavailableError extends ProgressStoreError {
  constructor(options?: { cause?: unknown }) {
    super("storage-unavailable", undefined, options);
    this.name = "StorageUnavailableError";
  }
}

const errorName = (error: unknown): string =>
  typeof error === "object" && error !== null && typeof (error as { name?: unknown }).name === "string" ? (error as { name: string }).name : "";

/**
 * Map whatever a backend threw to a typed error. Matches DOMException names by string, so
 * src/lib needs no DOM types; the IndexedDB adapter passes request and transaction errors here.
 */
export function toStoreError(error: unknown): ProgressStoreError {
  if (error instanceof ProgressStoreError) return error;
  const name = errorName(error);
  if (name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED") return new StorageFullError({ cause: error });
  // Not "unavailable": the data is there, written by a newer version of the site open in another tab.
  if (name === "VersionError") return new ProgressStoreError("site-outdated", undefined, { cause: error });
  if (["SecurityError", "InvalidStateError", "NotAllowedError", "UnknownError"].includes(name)) {
    return new StorageUnavailableError({ cause: error });
  }
  return new ProgressStoreError("storage-failed", undefined, { cause: error });
}

export type ImportProblemCode =
  /** Nothing in the file or link. */
  | "empty"
  /** JSON that stops part-way: the file was cut off. */
  | "truncated"
  /** Not JSON, or a link whose data cannot be decoded. */
  | "corrupt"
  /** JSON, but not our export format. */
  | "not-a-record"
  /** Written by a newer version of the site. */
  | "future-version"
  /** Our format, but fields are missing or wrong. */
  | "invalid"
  /** Well-formed, but the checksum does not match: edited or damaged after export. */
  | "tampered"
  /** This browser cannot verify the file (no Web Crypto or compression streams). */
  | "unsupported"
  /** Bigger than any real record: refused before it is read. */
  | "too-large"
  /** Not UTF-8 (saved again as GB18030/"ANSI" or UTF-16 by an editor). */
  | "wrong-encoding"
  /** Nested deeper than the format allows (json-shape.ts). */
  | "too-deep"
  /** Holds a key the site cannot keep faithfully (`__proto__`, `constructor`, `prototype`). */
  | "reserved-key";

export interface ImportProblem {
  code: ImportProblemCode;
  /** One zh-CN sentence: what is wrong and what to do. */
  message: string;
  /** Field-level findings for `invalid` (e.g. `learner.name: 缺少这个字段`). */
  details: string[];
}

export const problem = (code: ImportProblemCode, message: string, details: string[] = []): ImportProblem => ({ code, message, details });
