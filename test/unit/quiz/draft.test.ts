/** Unfinished attempts survive a reload: drafts are checked before use and tied to one learner and quiz. */
import { describe, expect, it } from "vitest";
import { checkQuizzes } from "../../../src/lib/quiz/check.ts";
import { clearDraft, clearDraftsOf, draftKey, parseDraft, readDraft, resumeDraft, resumeWith, sameItems, writeDraft, type DraftStorage, type QuizDraft } from "../../../src/lib/quiz/draft.ts";
import { drawQuiz, poolIds, selectItems } from "../../../src/lib/quiz/draw.ts";
import { known, validFiles } from "./check-mutations.ts";

const { catalog } = checkQuizzes([...validFiles()].map(([file, text]) => ({ file, text })), known);
const quizId = [...catalog.quizzes.keys()][0]!;

/** localStorage's interface over a Map, with a switch to make it throw as blocked storage does. */
class FakeStorage implements DraftStorage {
  map = new Map<string, string>();
  blocked = false;
  private check() {
    if (this.blocked) throw Object.assign(new Error("blocked"), { name: "SecurityError" });
  }
  getItem(key: string) { this.check(); return this.map.get(key) ?? null; }
  setItem(key: string, value: string) { this.check(); this.map.set(key, value); }
  removeItem(key: string) { this.check(); this.map.delete(key); }
  get length() { this.check(); return this.map.size; }
  key(i: number) { this.check(); return [...this.map.keys()][i] ?? null; }
}

function draftFor(learner = "learnerA", seed = "seed-1"): QuizDraft {
  const drawn = drawQuiz(quizId, seed, catalog);
  const first = drawn.items[0]!.id;
  return { version: 1, learner, quiz: quizId, seed, items: drawn.items.map((i) => i.id), answers: { [first]: true, "not-drawn": "a" }, index: 2, started: 1_700_000_000_000, saved: 1_700_000_060_000 };
}

describe("quiz drafts", () => {
  it("round-trip through storage and resume the same items, answers and question", () => {
    const storage = new FakeStorage();
    const draft = draftFor();
    expect(writeDraft(storage, draft)).toBe(true);
    const read = readDraft(storage, "learnerA", quizId);
    expect(read).toEqual(draft);
    const resumed = resumeDraft(read!, catalog);
    expect(resumed.ok).toBe(true);
    if (!resumed.ok) return;
    expect(resumed.drawn).toEqual(drawQuiz(quizId, "seed-1", catalog));
    // Answers for items that were not drawn are dropped.
    expect(resumed.answers).toEqual({ [draft.items[0]!]: true });
    expect(resumed.index).toBe(Math.min(2, draft.items.length - 1));
    expect(resumed.started).toBe(draft.started);
  });

  it("belong to one learner and one quiz", () => {
    const storage = new FakeStorage();
    writeDraft(storage, draftFor("learnerA"));
    expect(readDraft(storage, "learnerB", quizId)).toBeUndefined();
    // Even copied under another learner's key, a draft names its owner and is refused.
    storage.setItem(draftKey("learnerB", quizId), storage.getItem(draftKey("learnerA", quizId))!);
    expect(readDraft(storage, "learnerB", quizId)).toBeUndefined();
    expect(readDraft(storage, "learnerA", "another-quiz")).toBeUndefined();
  });

  it.each([
    ["not JSON", "{"],
    ["not an object", "42"],
    ["wrong version", JSON.stringify({ ...draftFor(), version: 2 })],
    ["answers of the wrong shape", JSON.stringify({ ...draftFor(), answers: { x: 5 } })],
    ["answers not an object", JSON.stringify({ ...draftFor(), answers: ["a"] })],
    ["index not a whole number", JSON.stringify({ ...draftFor(), index: 1.5 })],
    ["no start time", JSON.stringify({ ...draftFor(), started: undefined })],
    ["items not strings", JSON.stringify({ ...draftFor(), items: [1, 2] })],
  ])("are refused when malformed: %s", (_what, text) => {
    expect(parseDraft(text, "learnerA", quizId)).toBeUndefined();
  });

  it("cannot be resumed once the bank no longer draws the same items", () => {
    const changed = { ...draftFor(), items: [...draftFor().items].reverse() };
    expect(resumeDraft(changed, catalog)).toEqual({ ok: false, reason: "bank-changed" });
    expect(resumeDraft({ ...draftFor(), quiz: "no-such-quiz" }, catalog)).toEqual({ ok: false, reason: "bank-changed" });
  });

  it("resume on a page that has only the drawn items: the seed's ids first, then the draw over those items", () => {
    const draft = draftFor();
    const { quiz, bank } = catalog.quizzes.get(quizId)!;
    const selection = selectItems(quiz, poolIds(quiz, bank, catalog), draft.seed);
    expect(sameItems(draft, selection.ids)).toBe(true);
    const resumed = resumeWith(draft, selection.present((id) => catalog.items.get(id)!.item));
    expect(resumed).toEqual(resumeDraft(draft, catalog));
    expect(sameItems(draft, selection.ids.slice(1))).toBe(false);
    expect(sameItems(draft, [...selection.ids].reverse())).toBe(false);
    expect(sameItems(draft, [...selection.ids, "one-more"])).toBe(false);
    expect(resumeWith({ ...draft, seed: "seed-2" }, drawQuiz(quizId, "another-seed", catalog))).toEqual({ ok: false, reason: "bank-changed" });
  });

  it("resume at the last question when the index saved is past the end, at the first when below it", () => {
    const draft = draftFor();
    const drawn = drawQuiz(quizId, draft.seed, catalog);
    expect(resumeWith({ ...draft, index: 99 }, drawn)).toMatchObject({ ok: true, index: draft.items.length - 1 });
    expect(resumeWith({ ...draft, index: -3 }, drawn)).toMatchObject({ ok: true, index: 0 });
  });

  it("are cleared one at a time, or all of one learner's (and only theirs)", () => {
    const storage = new FakeStorage();
    writeDraft(storage, draftFor("learnerA"));
    writeDraft(storage, { ...draftFor("learnerA"), quiz: "other-quiz" });
    writeDraft(storage, draftFor("learnerA.b")); // an id that extends learnerA's must not match
    storage.setItem("ma.currentLearner", "learnerA");
    clearDraft(storage, "learnerA", "other-quiz");
    expect(storage.map.has(draftKey("learnerA", "other-quiz"))).toBe(false);
    writeDraft(storage, { ...draftFor("learnerA"), quiz: "other-quiz" });
    expect(clearDraftsOf(storage, "learnerA")).toBe(2);
    expect([...storage.map.keys()].sort()).toEqual([draftKey("learnerA.b", quizId), "ma.currentLearner"].sort());
  });

  it("never throw when storage is blocked or missing", () => {
    const storage = new FakeStorage();
    storage.blocked = true;
    expect(writeDraft(storage, draftFor())).toBe(false);
    expect(writeDraft(undefined, draftFor())).toBe(false);
    expect(readDraft(storage, "learnerA", quizId)).toBeUndefined();
    expect(() => clearDraft(storage, "learnerA", quizId)).not.toThrow();
    expect(clearDraftsOf(storage, "learnerA")).toBe(0);
  });
});
