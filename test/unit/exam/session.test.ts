import { describe, expect, test, vi } from "vitest";
import { draftKey } from "../../../src/lib/quiz/draft.ts";
import {
  answer,
  answeredCount,
  clearExamDraft,
  EXAM_DRAFT_LEARNER,
  forget,
  keep,
  readExamDraft,
  recall,
  saveExamDraft,
  shortKey,
  startDraft,
  timeLeft,
  type ExamDraft,
} from "../../../src/lib/exam/session.ts";
import { makePaper } from "./helpers.ts";
import { MemoryStorage } from "./memory-storage.ts";

// PBKDF2 at 100,000 rounds per code: slow when the machine is busy (mutation testing, parallel runs).
vi.setConfig({ testTimeout: 30_000 });

const paper = await makePaper();

const blocked = {
  length: 0,
  key: () => null,
  getItem: () => {
    throw new Error("blocked");
  },
  setItem: () => {
    throw new Error("blocked");
  },
  removeItem: () => {
    throw new Error("blocked");
  },
};

const T0 = Date.parse("2026-12-02T09:00:00Z");
const started = () => startDraft(paper, "1", " QX-1 ", " 张三 ", T0) as ExamDraft;

describe("the exam draft", () => {
  test("is kept in the quiz draft storage under the exam learner and the paper id, and read back", () => {
    const storage = new MemoryStorage();
    const draft = answer(started(), "q1", "b", T0 + 1000);
    expect(draft).toMatchObject({ ticket: "QX-1", name: "张三", site: "1", answers: { q1: "b" }, saved: T0 + 1000, started: T0 });
    expect(saveExamDraft(storage, draft)).toBe(true);
    expect([...storage.map.keys()]).toEqual([draftKey(EXAM_DRAFT_LEARNER, paper.id)]);
    expect(readExamDraft(storage, paper)).toEqual(draft);
    clearExamDraft(storage, paper);
    expect(readExamDraft(storage, paper)).toBeUndefined();
  });

  test("a draft of another paper, another draw, an unknown site or a bad ticket is not resumed", () => {
    const storage = new MemoryStorage();
    const draft = started();
    for (const broken of [
      { ...draft, seed: "other" },
      { ...draft, items: draft.items.slice(1) },
      { ...draft, site: "9" },
      { ...draft, ticket: "a b" },
      { ...draft, name: "" },
    ]) {
      storage.setItem(draftKey(EXAM_DRAFT_LEARNER, paper.id), JSON.stringify(broken));
      expect(readExamDraft(storage, paper)).toBeUndefined();
    }
    storage.setItem(draftKey(EXAM_DRAFT_LEARNER, paper.id), "{not json");
    expect(readExamDraft(storage, paper)).toBeUndefined();
    expect(readExamDraft(blocked, paper)).toBeUndefined();
    expect(readExamDraft(undefined, paper)).toBeUndefined();
  });

  test("answers can be cleared; only answered items count", () => {
    let draft = answer(started(), "q1", "a", T0);
    draft = answer(draft, "q2", [], T0);
    draft = answer(draft, "q3", null, T0);
    expect(answeredCount(paper, draft)).toBe(1);
    draft = answer(draft, "q1", undefined, T0);
    expect(draft.answers).not.toHaveProperty("q1");
    expect(answeredCount(paper, draft)).toBe(0);
  });

  test("the time limit runs from the first start: a reload never adds time", () => {
    const draft = started();
    expect(timeLeft(draft, paper, T0)).toBe(40 * 60_000);
    expect(timeLeft(draft, paper, T0 + 10 * 60_000)).toBe(30 * 60_000);
    expect(timeLeft(draft, paper, T0 + 40 * 60_000)).toBe(0);
    expect(timeLeft(draft, paper, T0 + 99 * 60_000)).toBe(0);
  });
});

describe("page storage helpers", () => {
  test("keep, recall and forget never throw", () => {
    const storage = new MemoryStorage();
    expect(keep(storage, "k", "v")).toBe(true);
    expect(recall(storage, "k")).toBe("v");
    forget(storage, "k");
    expect(recall(storage, "k")).toBeUndefined();
    expect(keep(blocked, "k", "v")).toBe(false);
    expect(keep(undefined, "k", "v")).toBe(false);
    expect(recall(blocked, "k")).toBeUndefined();
    expect(() => forget(blocked, "k")).not.toThrow();
  });

  test("shortKey keeps the start and end of a did:key", () => {
    expect(shortKey("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")).toBe("z6MkrJVn…swbTQ2");
    expect(shortKey("did:key:z6Mk")).toBe("z6Mk");
  });
});
