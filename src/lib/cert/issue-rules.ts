/**
 * The rules of the issuing commands (issue, renew, revoke, list), pure: reading a graded
 * exam result, whether result and application belong to the holder and the level, the
 * validity window of a level, the signing key's standing, a certificate's status on a
 * day, roster rows and their filters. Each refusal is a code with values; src/i18n words
 * it (`cert.problem.<code>`).
 */
import { beijingDay, isDay, normaliseName, maskName } from "./credential.ts";
import { keyWindowHolds } from "./issuers.ts";
import type { Issuer, IssuerKey, KeyFile, RegistryEntry, RevocationReason, RevocationRecord, SignedCredential } from "./types.ts";
import { RESULT_FORMAT, RESULT_VERSION, type ExamResult } from "../exam/grade.ts";
import { passes } from "../quiz/pass-mark.ts";

export interface Problem {
  code: string;
  values?: Record<string, string | number>;
}
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };
const fail = (code: string, values?: Problem["values"]): { ok: false; problem: Problem } => ({ ok: false, problem: { code, values } });

// ── Dates (Beijing calendar days, YYYY-MM-DD) ─────────────────────────────────────────

const utcOf = (day: string): Date => new Date(`${day}T00:00:00Z`);
const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string => {
  const d = utcOf(day);
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
};

/**
 * Last valid day of a certificate valid `months` months from `day`: the day before the same
 * date `months` later (2026-12-01 + 12 → 2027-11-30). When that month has no such date
 * (2024-02-29 + 12, 2026-01-31 + 1), the last day of that month: never into a third month,
 * never a day short.
 */
export function lastValidDay(day: string, months: number): string {
  const d = utcOf(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  if (d.getUTCDate() > lastOfTarget) return dayOf(new Date(Date.UTC(y, m, lastOfTarget)));
  return addDays(dayOf(new Date(Date.UTC(y, m, d.getUTCDate()))), -1);
}

export const today = (now: Date): string => beijingDay(now);

/** YYYY-MM-DD of a credential date-time (`2027-11-30T23:59:59+08:00` → 2027-11-30). */
export const dayOfStamp = (stamp: string): string => stamp.slice(0, 10);

export function checkDay(value: string | undefined, now: Date): Checked<string> {
  if (value === undefined) return { ok: true, value: today(now) };
  return isDay(value) ? { ok: true, value } : fail("bad-date", { date: value });
}

// ── Exam result (src/lib/exam/grade.ts writes it) ────────────────────────────────────

/** The results file `cert grade` writes, read back by `issue`. */
export type ExamResultFile = ExamResult;

const MAX_RESULT_BYTES = 64 * 1024;

/** Text of a result file → the result, or why not (`why` is a short zh-CN phrase for cert.problem.result-bad). */
export function readExamResult(text: string, file: string): Checked<ExamResultFile> {
  if (text.length > MAX_RESULT_BYTES) return fail("result-bad", { file, why: "文件太大" });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail("result-bad", { file, why: "不是完整的 JSON 文件（可能没拷完）" });
  }
  const r = value as Partial<ExamResultFile> | null;
  if (!r || typeof r !== "object" || r.format !== RESULT_FORMAT) return fail("result-bad", { file, why: "不是考试成绩文件" });
  if (r.version !== RESULT_VERSION) return fail("result-bad", { file, why: `成绩格式第 ${String(r.version)} 版，这里只读第 ${RESULT_VERSION} 版` });
  const numbers = [r.score, r.max, r.passMark];
  if (
    typeof r.level !== "string" ||
    typeof r.name !== "string" ||
    typeof r.passed !== "boolean" ||
    !numbers.every((n) => typeof n === "number" && Number.isFinite(n) && n >= 0) ||
    (r.max as number) <= 0 ||
    (r.score as number) > (r.max as number)
  ) {
    return fail("result-bad", { file, why: "缺少级别、姓名或分数，或分数不合理" });
  }
  return { ok: true, value: r as ExamResultFile };
}


/**
 * Is this result the holder's, for this level, passed under the level's current pass mark?
 * The application's learner name must be the holder's name too: that ties the three files
 * to one person (names compared after credential.ts normalisation).
 */
export function checkCandidate(
  input: { result: ExamResultFile; learnerName: string; holderName: string; level: { id: string; title: string; passMark: number } },
): Problem | undefined {
  const { result, learnerName, holderName, level } = input;
  const name = normaliseName(holderName);
  if (result.level !== level.id) return { code: "result-other-level", values: { result: result.level, level: level.title } };
  if (normaliseName(result.name) !== name) return { code: "result-other-name", values: { result: result.name, name: holderName } };
  if (normaliseName(learnerName) !== name) return { code: "application-other-name", values: { learner: learnerName, name: holderName } };
  if (!result.passed || !passes(result.score, result.max, result.passMark)) {
    return { code: "result-failed", values: { score: result.score, max: result.max, passMark: result.passMark } };
  }
  if (!passes(result.score, result.max, level.passMark)) return { code: "result-low-mark", values: { used: result.passMark, passMark: level.passMark } };
  return undefined;
}

/** A holder name as typed by a trainer: not empty once normalised, a name and not a sentence. */
export function checkHolderName(name: string | undefined): Checked<string> {
  const n = normaliseName(name ?? "");
  if (n === "" || [...n].length > 20 || /[0-9@:/\\<>"]/.test(n)) return fail("bad-name");
  return { ok: true, value: n };
}

// ── The signing key ───────────────────────────────────────────────────────────────────

/** Whether `key` may sign for its issuer on `now` (Beijing day): listed, not compromised, inside its window. */
export function checkSigningKey(issuers: readonly Issuer[], key: KeyFile, now: Date): Checked<{ issuer: Issuer; key: IssuerKey }> {
  const issuer = issuers.find((i) => i.id === key.issuer);
  if (!issuer) return fail("key-unknown-issuer", { issuer: key.issuer });
  const listed = issuer.keys.find((k) => k.id === key.controller);
  if (!listed) return fail("key-not-listed", { did: key.controller, issuer: issuer.id });
  if (listed.compromised) return fail("key-compromised");
  const day = today(now);
  if (!keyWindowHolds(listed, day)) {
    return day < listed.validFrom ? fail("key-not-yet-valid", { from: listed.validFrom }) : fail("key-expired", { until: listed.validUntil ?? "" });
  }
  return { ok: true, value: { issuer, key: listed } };
}

// ── Revocation input ──────────────────────────────────────────────────────────────────

export const REVOCATION_REASONS: readonly RevocationReason[] = ["misconduct", "left-post", "issued-in-error", "replaced", "other"];

/** Mainland ID-card numbers (17 digits and a digit or X) and mobile numbers: never in published text. */
export const ID_CARD_PATTERN = /(?<!\d)\d{17}[\dXx](?!\d)/;
export const MOBILE_PATTERN = /(?<!\d)1[3-9]\d{9}(?!\d)/;
export const looksPersonal = (text: string): boolean => ID_CARD_PATTERN.test(text) || MOBILE_PATTERN.test(text);

export function checkRevocation(reason: string | undefined, note: string | undefined): Checked<{ reason: RevocationReason; note?: string }> {
  if (!reason || !(REVOCATION_REASONS as readonly string[]).includes(reason)) return fail("bad-reason", { reason: reason ?? "" });
  const text = note?.trim() || undefined;
  if (reason === "other" && !text) return fail("other-needs-note");
  if (text && [...text].length > 100) return fail("note-long");
  if (text && looksPersonal(text)) return fail("note-personal");
  return { ok: true, value: { reason: reason as RevocationReason, ...(text ? { note: text } : {}) } };
}

// ── Renewal ───────────────────────────────────────────────────────────────────────────

/**
 * May `current` be renewed under `level` by this holder? The level must require the held
 * level (or be the same), the masked names must agree, and a revoked certificate stays revoked.
 */
export function checkRenewal(input: {
  number: string;
  current: SignedCredential;
  revocation: RevocationRecord | undefined;
  level: { id: string; title: string; requires: readonly string[] };
  holderName: string;
}): Problem | undefined {
  const { number, current, revocation, level, holderName } = input;
  if (revocation) return { code: "number-revoked", values: { number, date: revocation.date } };
  const held = current.credentialSubject.achievement.humanCode;
  if (held !== level.id && !level.requires.includes(held)) {
    return { code: "renew-level", values: { number, held: current.credentialSubject.achievement.name, level: level.title, requires: level.requires.join("、") || "—" } };
  }
  const masked = current.credentialSubject.maskedName;
  if (maskName(holderName) !== masked) return { code: "renew-name", values: { name: holderName, number, masked } };
  return undefined;
}

// ── Status and rosters ────────────────────────────────────────────────────────────────

export type CertificateStatus = "valid" | "expired" | "revoked";

/** Status of a number on `day`: its current credential revoked (from that date), past its last day, or valid. */
export function statusOf(entry: RegistryEntry, revocations: readonly RevocationRecord[], day: string): { status: CertificateStatus; revocation?: RevocationRecord } {
  const current = entry.credentials[entry.credentials.length - 1];
  const revocation = revocations.find((r) => r.credentialId === current.id);
  if (revocation) return { status: "revoked", revocation };
  if (day > dayOfStamp(current.validUntil)) return { status: "expired" };
  return { status: "valid" };
}

export interface RosterRow {
  number: string;
  maskedName: string;
  township: string;
  village: string;
  level: string;
  levelName: string;
  validFrom: string;
  validUntil: string;
  status: CertificateStatus;
  reason?: RevocationReason;
}

export function rosterRows(entries: Iterable<RegistryEntry>, revocations: readonly RevocationRecord[], day: string): RosterRow[] {
  const rows: RosterRow[] = [];
  for (const entry of entries) {
    if (!entry.credentials.length) continue;
    const c = entry.credentials[entry.credentials.length - 1];
    const s = c.credentialSubject;
    const { status, revocation } = statusOf(entry, revocations, day);
    rows.push({
      number: entry.number,
      maskedName: s.maskedName,
      township: s.township,
      village: s.village,
      level: s.achievement.humanCode,
      levelName: s.achievement.name,
      validFrom: dayOfStamp(c.validFrom),
      validUntil: dayOfStamp(c.validUntil),
      status,
      ...(revocation ? { reason: revocation.reason } : {}),
    });
  }
  return rows.sort((a, b) => a.township.localeCompare(b.township) || a.village.localeCompare(b.village) || a.number.localeCompare(b.number));
}

export interface RosterFilter {
  township?: string;
  level?: string;
  status?: CertificateStatus;
  /** Valid now and its last day within this many days from `day` (inclusive). */
  expiringWithin?: number;
}

export function filterRows(rows: readonly RosterRow[], filter: RosterFilter, day: string): RosterRow[] {
  const horizon = filter.expiringWithin === undefined ? undefined : addDays(day, filter.expiringWithin);
  return rows.filter(
    (r) =>
      (filter.township === undefined || r.township === filter.township) &&
      (filter.level === undefined || r.level === filter.level) &&
      (filter.status === undefined || r.status === filter.status) &&
      (horizon === undefined || (r.status === "valid" && r.validUntil <= horizon)),
  );
}

/** A spreadsheet cell: quoted when needed, never read as a formula (as exam/grade.ts writes its CSV). */
function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Cells of one row in the order of `cert.list.header`; words for status and reason come from `say`. */
export const rowCells = (r: RosterRow, say: (key: string) => string): string[] => [
  r.number,
  r.maskedName,
  r.township,
  r.village,
  r.levelName,
  r.validFrom,
  r.validUntil,
  say(`cert.status.${r.status}`),
  r.reason ? say(`cert.reason.${r.reason}`) : "",
];

export function rosterCsv(rows: readonly RosterRow[], header: string, say: (key: string) => string): string {
  const lines = [header.split(","), ...rows.map((r) => rowCells(r, say))].map((cells) => cells.map(csvCell).join(","));
  // BOM: spreadsheet programs on Windows then read the Chinese correctly.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Display width: CJK characters take two columns in a terminal. */
const width = (text: string): number => [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);

/** A plain, aligned text table. */
export function rosterTable(rows: readonly RosterRow[], header: string, say: (key: string) => string): string {
  const table = [header.split(","), ...rows.map((r) => rowCells(r, say))];
  const widths = table[0].map((_, i) => Math.max(...table.map((cells) => width(cells[i]))));
  return table.map((cells) => cells.map((c, i) => c + " ".repeat(widths[i] - width(c))).join("  ").trimEnd()).join("\n") + "\n";
}
