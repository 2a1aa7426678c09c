/**
 * Reading exam files (paper, answer sheet, session codes) without trusting them: size,
 * JSON, format name and version first, then the shape, each refusal a problem code that
 * src/i18n words (what is wrong and what to do). No zod: the exam page reads papers and
 * sheets too, and a few guards cost less than a schema library on a cheap phone.
 */
import { SLUG } from "../id-patterns.ts";
import type { ItemType } from "../quiz/schema.ts";
import { PAPER_FORMAT, PAPER_VERSION, type ExamPaper } from "./paper.ts";
import { problem, type FileKind, type Read } from "./problem.ts";

/** quiz/schema.ts itemTypes, repeated because importing it would bring zod into the page (a unit test keeps them equal). */
export const paperItemTypes: readonly ItemType[] = ["single", "multiple", "true-false", "ordering", "matching", "case-judgement"];

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type { Read };

/** Bytes of a string in UTF-8. */
export const byteLength = (text: string): number => new TextEncoder().encode(text).length;

/** Text → a JSON object of the given format and a version this code reads, or the problem. */
export function readJsonFile(text: string, format: string, maxVersion: number, what: FileKind, size = byteLength(text)): Read<Record<string, unknown>> {
  if (size > MAX_FILE_BYTES) return problem("too-large", { what, mb: (size / 1024 / 1024).toFixed(1) });
  const trimmed = text.trim();
  if (!trimmed) return problem("empty", { what });
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    // A file cut short (an interrupted copy or download) starts like JSON but never closes.
    return problem(trimmed.startsWith("{") && !trimmed.endsWith("}") ? "truncated" : "corrupt", { what });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return problem("wrong-format", { what });
  const object = value as Record<string, unknown>;
  if (object.format !== format) return problem("wrong-format", { what });
  const version = object.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) return problem("broken", { what, field: "version" });
  if (version > maxVersion) return problem("future-version", { what, version, max: maxVersion });
  return { ok: true, value: object };
}

// ── Field guards ───────────────────────────────────────────────────────────────

export const isText = (v: unknown, max = 200): v is string => typeof v === "string" && v.trim().length > 0 && v.length <= max;
export const isSlug = (v: unknown): v is string => typeof v === "string" && SLUG.test(v) && v.length <= 80;
export const isIsoTime = (v: unknown): v is string =>
  typeof v === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v));
const isInt = (v: unknown, min: number, max: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
const isEntryList = (v: unknown, idPattern: RegExp, max: number) =>
  Array.isArray(v) &&
  v.length > 0 &&
  v.length <= max &&
  v.every((e) => typeof e === "object" && e !== null && idPattern.test(String((e as { id?: unknown }).id)) && isText((e as { text?: unknown }).text, 1200));

/** Whether a paper item is well formed (its id must be q<n> for position n). */
function itemHolds(value: unknown, index: number): boolean {
  if (typeof value !== "object" || value === null) return false;
  const item = value as Record<string, unknown>;
  if (item.id !== `q${index + 1}` || !(paperItemTypes as readonly unknown[]).includes(item.type)) return false;
  if (!isText(item.stem, 400) || !isInt(item.points, 1, 10)) return false;
  if (item.type !== "true-false" && !isEntryList(item.options, /^[a-j]$/, 10)) return false;
  if (item.type === "matching" && !isEntryList(item.prompts, /^p\d+$/, 8)) return false;
  if (item.type === "case-judgement" && !isText(item.situation, 1200)) return false;
  return true;
}

export function readPaper(text: string, size?: number): Read<ExamPaper> {
  const read = readJsonFile(text, PAPER_FORMAT, PAPER_VERSION, "paper", size);
  if (!read.ok) return read;
  const p = read.value;
  const broken = (field: string, n?: number) => problem("broken", { what: "paper", field, n: n ?? "" });
  if (!isSlug(p.id)) return broken("paperId");
  if (!isSlug(p.level)) return broken("level");
  if (!isSlug(p.exam)) return broken("exam");
  if (!isText(p.title, 80)) return broken("title");
  if (!isText(p.seed, 100)) return broken("seed");
  if (!isIsoTime(p.created)) return broken("created");
  if (!isInt(p.timeLimit, 1, 600)) return broken("timeLimit");
  if (!isInt(p.passMark, 1, 100)) return broken("passMark");
  const siteHolds = (s: unknown) => typeof s === "object" && s !== null && isSlug((s as { id?: unknown }).id) && isText((s as { check?: unknown }).check, 64);
  if (!Array.isArray(p.sites) || p.sites.length < 1 || p.sites.length > 200 || !p.sites.every(siteHolds)) return broken("sites");
  if (!Array.isArray(p.items) || p.items.length < 1 || p.items.length > 300) return broken("items");
  const bad = p.items.findIndex((item, i) => !itemHolds(item, i));
  if (bad >= 0) return broken("item", bad + 1);
  return { ok: true, value: p as unknown as ExamPaper };
}
