/**
 * An unfinished quiz attempt, kept on the device while the learner answers, so that a
 * reload, a phone that discards a background tab, or a browser restart does not lose the
 * answers given so far. One draft per learner and quiz, in localStorage (small, and read
 * before the progress store has loaded). Only the current learner's drafts are ever
 * offered, and removing a learner removes theirs.
 *
 * A draft is checked before use, never trusted: it must have the right shape, belong to
 * this learner and quiz, and its seed must still draw the same items (a new deployment
 * may have changed the bank; then the draft cannot be resumed and says so). The time
 * limit runs from the draft's start, so reloading never gives more time. Pure: storage is
 * injected; no zod, to keep the quiz page light.
 */
import { removeKeysWithPrefix, type KeyValueStore, type ListableStorage } from "../storage/key-value.ts";
import type { QuizCatalog } from "./catalog.ts";
import { drawQuiz, type DrawnQuiz } from "./draw.ts";
import type { Response } from "./response.ts";

/** "/" cannot occur in learner or quiz ids, so one learner's prefix never matches another's keys. */
export const DRAFT_KEY_PREFIX = "ma.quizDraft/";
const DRAFT_VERSION = 1;

export interface QuizDraft {
  version: typeof DRAFT_VERSION;
  learner: string;
  quiz: string;
  seed: string;
  /** Item ids in the order drawn, to tell whether the seed still draws the same items. */
  items: string[];
  answers: Record<string, Response>;
  /** The question shown, 0-based. */
  index: number;
  /** Epoch ms. */
  started: number;
  saved: number;
}

/** Storage that can also list and remove keys (window.localStorage). */
export interface DraftStorage extends KeyValueStore, ListableStorage {}

export const draftKey = (learner: string, quiz: string) => `${DRAFT_KEY_PREFIX}${learner}/${quiz}`;

const isResponse = (value: unknown): value is Response => {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (Array.isArray(value)) return value.every((v) => typeof v === "string");
  return typeof value === "object" && Object.values(value as object).every((v) => typeof v === "string");
};

const isFiniteTime = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value > 0;

/** The draft in `text`, or undefined when it is not a well-formed draft for this learner and quiz. */
export function parseDraft(text: string | null | undefined, learner: string, quiz: string): QuizDraft | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const d = value as Partial<QuizDraft>;
  const ok =
    d.version === DRAFT_VERSION &&
    d.learner === learner &&
    d.quiz === quiz &&
    typeof d.seed === "string" &&
    Array.isArray(d.items) &&
    d.items.every((id) => typeof id === "string") &&
    typeof d.answers === "object" &&
    d.answers !== null &&
    !Array.isArray(d.answers) &&
    Object.values(d.answers).every(isResponse) &&
    Number.isInteger(d.index) &&
    isFiniteTime(d.started) &&
    isFiniteTime(d.saved);
  return ok ? (d as QuizDraft) : undefined;
}

export type DraftResume =
  | { ok: true; drawn: DrawnQuiz; answers: Record<string, Response>; index: number; started: number }
  /** The bank changed since: the seed no longer draws the items answered. */
  | { ok: false; reason: "bank-changed" };

/** Whether `ids`, what the draft's seed draws today, are the items the draft holds, in its order. */
export const sameItems = (draft: Pick<QuizDraft, "items">, ids: readonly string[]): boolean =>
  ids.length === draft.items.length && ids.every((id, i) => id === draft.items[i]);

/**
 * The draft continued over `drawn`, its seed's draw today: its answers (for drawn items
 * only) and question; bank-changed when the seed now draws other items.
 */
export function resumeWith(draft: QuizDraft, drawn: DrawnQuiz): DraftResume {
  const ids = drawn.items.map((i) => i.id);
  if (!sameItems(draft, ids)) return { ok: false, reason: "bank-changed" };
  const answers = Object.fromEntries(Object.entries(draft.answers).filter(([id]) => ids.includes(id)));
  const index = Math.max(0, Math.min(draft.index, ids.length - 1));
  return { ok: true, drawn, answers, index, started: draft.started };
}

/** Redraw the draft's items over a whole catalog and restore its answers (only for items drawn). */
export function resumeDraft(draft: QuizDraft, catalog: QuizCatalog): DraftResume {
  let drawn: DrawnQuiz;
  try {
    drawn = drawQuiz(draft.quiz, draft.seed, catalog);
  } catch {
    return { ok: false, reason: "bank-changed" };
  }
  return resumeWith(draft, drawn);
}

export function readDraft(storage: KeyValueStore | undefined, learner: string, quiz: string): QuizDraft | undefined {
  try {
    return parseDraft(storage?.getItem(draftKey(learner, quiz)), learner, quiz);
  } catch {
    return undefined; // Storage blocked: there is nothing to resume.
  }
}

/** False when the draft could not be kept (storage blocked or full); the attempt goes on regardless. */
export function writeDraft(storage: KeyValueStore | undefined, draft: QuizDraft): boolean {
  try {
    if (!storage) return false;
    storage.setItem(draftKey(draft.learner, draft.quiz), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage | undefined, learner: string, quiz: string): void {
  try {
    storage?.removeItem(draftKey(learner, quiz));
  } catch {
    // Blocked storage held no draft.
  }
}

/** Remove every draft of a learner (when the learner is removed from the device). */
export const clearDraftsOf = (storage: DraftStorage | undefined, learner: string): number =>
  removeKeysWithPrefix(storage, `${DRAFT_KEY_PREFIX}${learner}/`);
