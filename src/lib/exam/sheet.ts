/**
 * The answer sheet (答题卡) the exam page writes at the end: who answered which paper at
 * which site, the responses (paper ids: q1 → "b"), when it started and was handed in,
 * sealed with an HMAC-SHA-256 keyed by the site's session code (seal.ts). Any change to
 * any field after sealing makes the seal fail; only someone who knows the code could
 * reseal, and the code stays with the proctor and the trainer.
 */
import type { Response } from "../quiz/response.ts";
import { isIsoTime, isSlug, isText, readJsonFile } from "./files.ts";
import { problem, type Read } from "./problem.ts";
import { SEAL_ALGORITHM, hmac, hmacHolds } from "./seal.ts";

export const SHEET_FORMAT = "ma-exam-sheet";
export const SHEET_VERSION = 1;

export interface SheetContent {
  format: typeof SHEET_FORMAT;
  version: typeof SHEET_VERSION;
  paper: string;
  level: string;
  site: string;
  /** 准考证号. */
  ticket: string;
  name: string;
  /** Paper item id (q1 …) → response in paper ids. */
  responses: Record<string, Response>;
  /** ISO 8601. */
  started: string;
  submitted: string;
}

export interface AnswerSheet extends SheetContent {
  seal: { alg: typeof SEAL_ALGORITHM; value: string };
}

/** Exam ticket numbers: letters, digits and dashes, as printed on 准考证. */
export const TICKET_PATTERN = /^[A-Za-z0-9-]{1,30}$/;
export const NAME_MAX = 40;

/** "ticket" / "name" when that entry is not acceptable, else undefined. */
export const ticketProblem = (ticket: string): "ticket" | undefined => (TICKET_PATTERN.test(ticket.trim()) ? undefined : "ticket");
export const nameProblem = (name: string): "name" | undefined => (name.trim().length === 0 || name.trim().length > NAME_MAX ? "name" : undefined);

export async function sealSheet(content: SheetContent, key: CryptoKey): Promise<AnswerSheet> {
  return { ...content, seal: { alg: SEAL_ALGORITHM, value: await hmac(key, content) } };
}

/** True when the sheet was sealed with this key and not changed since. */
export async function sealHolds(sheet: AnswerSheet, key: CryptoKey): Promise<boolean> {
  const { seal, ...content } = sheet;
  return seal.alg === SEAL_ALGORITHM && hmacHolds(key, content, seal.value);
}

const isResponse = (v: unknown): v is Response => {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (Array.isArray(v)) return v.length <= 20 && v.every((x) => typeof x === "string");
  return typeof v === "object" && Object.values(v as object).every((x) => typeof x === "string");
};

export function readSheet(text: string, size?: number): Read<AnswerSheet> {
  const read = readJsonFile(text, SHEET_FORMAT, SHEET_VERSION, "sheet", size);
  if (!read.ok) return read;
  const s = read.value;
  const broken = (field: string) => problem("broken", { what: "sheet", field, n: "" });
  if (!isSlug(s.paper)) return broken("paperId");
  if (!isSlug(s.level)) return broken("level");
  if (!isSlug(s.site)) return broken("site");
  if (typeof s.ticket !== "string" || ticketProblem(s.ticket)) return broken("ticket");
  if (typeof s.name !== "string" || nameProblem(s.name)) return broken("name");
  const responses = s.responses;
  const responsesHold =
    typeof responses === "object" &&
    responses !== null &&
    !Array.isArray(responses) &&
    Object.keys(responses).length <= 300 &&
    Object.entries(responses).every(([k, v]) => /^q\d+$/.test(k) && isResponse(v));
  if (!responsesHold) return broken("responses");
  if (!isIsoTime(s.started)) return broken("started");
  if (!isIsoTime(s.submitted)) return broken("submitted");
  const seal = s.seal as { alg?: unknown; value?: unknown } | undefined;
  if (typeof seal !== "object" || seal === null || seal.alg !== SEAL_ALGORITHM || !isText(seal.value, 100)) return broken("seal");
  return { ok: true, value: s as unknown as AnswerSheet };
}

/** A sheet as a file: pretty JSON (a trainer may open it). */
export const sheetFileText = (sheet: AnswerSheet): string => `${JSON.stringify(sheet, null, 2)}\n`;

export const sheetFileName = (sheet: Pick<SheetContent, "paper" | "ticket">): string => `answer-sheet-${sheet.paper}-${sheet.ticket}.json`;
