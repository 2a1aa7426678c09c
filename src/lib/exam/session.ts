/**
 * The exam page's session rules: which site a typed code opens, the candidate's draft
 * (kept through reloads with the quiz draft's storage, so the clock keeps running from
 * the first start), the time left, and the sheet handed in at the end. Pure: storage and
 * time are passed in.
 */
import { clearDraft, readDraft, writeDraft, type DraftStorage, type QuizDraft } from "../quiz/draft.ts";
import type { Response } from "../quiz/response.ts";
import type { KeyValueStore } from "../storage/key-value.ts";
import { normalizeCode } from "./codes.ts";
import type { ExamPaper } from "./paper.ts";
import { deriveSiteKeys } from "./seal.ts";
import { nameProblem, sealSheet, SHEET_FORMAT, SHEET_VERSION, ticketProblem, type AnswerSheet } from "./sheet.ts";

/** "code-format": cannot be a code; "code-wrong": opens no site of this paper. */
export type Opened = { ok: true; site: string; sealKey: CryptoKey } | { ok: false; code: "code-format" | "code-wrong" };

/** The site whose code this is. Never says which character is wrong: only right or not. */
export async function openSite(paper: ExamPaper, typed: string, iterations?: number): Promise<Opened> {
  const code = normalizeCode(typed);
  if (!code) return { ok: false, code: "code-format" };
  for (const site of paper.sites) {
    const keys = await deriveSiteKeys(code, paper.id, site.id, iterations);
    if (keys.check === site.check) return { ok: true, site: site.id, sealKey: keys.sealKey };
  }
  return { ok: false, code: "code-wrong" };
}

/** One exam draft per paper on a device: the device belongs to one candidate during the exam. */
export const EXAM_DRAFT_LEARNER = "exam";

export interface ExamDraft extends QuizDraft {
  ticket: string;
  name: string;
  site: string;
}

export function startDraft(paper: ExamPaper, site: string, ticket: string, name: string, now: number): ExamDraft | { problem: "ticket" | "name" } {
  const problem = ticketProblem(ticket) ?? nameProblem(name);
  if (problem) return { problem };
  return {
    version: 1,
    learner: EXAM_DRAFT_LEARNER,
    quiz: paper.id,
    seed: paper.seed,
    items: paper.items.map((i) => i.id),
    answers: {},
    index: 0,
    started: now,
    saved: now,
    ticket: ticket.trim(),
    name: name.trim(),
    site,
  };
}

/** The saved draft for this paper, when it is well formed and belongs to it. */
export function readExamDraft(storage: KeyValueStore | undefined, paper: ExamPaper): ExamDraft | undefined {
  const draft = readDraft(storage, EXAM_DRAFT_LEARNER, paper.id) as Partial<ExamDraft> | undefined;
  if (!draft) return undefined;
  const fits =
    draft.seed === paper.seed &&
    draft.items?.join() === paper.items.map((i) => i.id).join() &&
    typeof draft.ticket === "string" &&
    !ticketProblem(draft.ticket) &&
    typeof draft.name === "string" &&
    !nameProblem(draft.name) &&
    paper.sites.some((s) => s.id === draft.site);
  return fits ? (draft as ExamDraft) : undefined;
}

export const saveExamDraft = (storage: KeyValueStore | undefined, draft: ExamDraft): boolean => writeDraft(storage, draft);
export const clearExamDraft = (storage: DraftStorage | undefined, paper: ExamPaper): void => clearDraft(storage, EXAM_DRAFT_LEARNER, paper.id);

export function answer(draft: ExamDraft, itemId: string, response: Response | undefined, now: number): ExamDraft {
  const answers = { ...draft.answers };
  if (response === undefined) delete answers[itemId];
  else answers[itemId] = response;
  return { ...draft, answers, saved: now };
}

/** Milliseconds left; the limit runs from the first start, so a reload never adds time. */
export const timeLeft = (draft: Pick<ExamDraft, "started">, paper: Pick<ExamPaper, "timeLimit">, now: number): number =>
  Math.max(0, draft.started + paper.timeLimit * 60_000 - now);

export async function handIn(paper: ExamPaper, draft: ExamDraft, sealKey: CryptoKey, now: number): Promise<AnswerSheet> {
  // Only answers to this paper's items travel; the draft keeps nothing else.
  const ids = new Set(paper.items.map((i) => i.id));
  const responses = Object.fromEntries(Object.entries(draft.answers).filter(([id]) => ids.has(id)));
  return sealSheet(
    {
      format: SHEET_FORMAT,
      version: SHEET_VERSION,
      paper: paper.id,
      level: paper.level,
      site: draft.site,
      ticket: draft.ticket,
      name: draft.name,
      responses,
      started: new Date(draft.started).toISOString(),
      submitted: new Date(now).toISOString(),
    },
    sealKey,
  );
}

// ── What the page keeps between reloads besides the draft ─────────────────────

/** The paper file loaded by the proctor (question-only, so it may stay on the device). */
export const PAPER_KEY = "ma.exam/paper";
/** The last sheet handed in, until the proctor starts the next candidate. */
export const SHEET_KEY = "ma.exam/sheet";

export function keep(storage: KeyValueStore | undefined, key: string, text: string): boolean {
  try {
    if (!storage) return false;
    storage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

export function recall(storage: KeyValueStore | undefined, key: string): string | undefined {
  try {
    return storage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function forget(storage: DraftStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Blocked storage kept nothing.
  }
}

/** How many items have an answer, for the confirmation before handing in. */
export const answeredCount = (paper: ExamPaper, draft: Pick<ExamDraft, "answers">): number =>
  paper.items.filter((item) => {
    const r = draft.answers[item.id];
    return r !== undefined && r !== null && !(Array.isArray(r) && r.length === 0);
  }).length;

/** A did:key shortened for people to compare by eye: the first and last 6 characters of its key. */
export const shortKey = (did: string): string => {
  const key = did.replace(/^did:key:/, "");
  return key.length > 14 ? `${key.slice(0, 8)}…${key.slice(-6)}` : key;
};
