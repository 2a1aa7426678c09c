/**
 * What a stored draft must look like to be offered for resuming: every kind of answer a
 * learner can give is kept, and anything else in localStorage (an older format, a hand
 * edit, another quiz's draft) is refused rather than crashing the quiz page.
 */
import { describe, expect, it } from "vitest";
import { DRAFT_KEY_PREFIX, draftKey, parseDraft, sameItems, type QuizDraft } from "../../../src/lib/quiz/draft.ts";

const LEARNER = "learnerA";
const QUIZ = "the-session-check";

/** A well-formed draft of LEARNER for QUIZ, as JSON-ready data. */
const draft = (): Record<string, unknown> => ({
  version: 1,
  learner: LEARNER,
  quiz: QUIZ,
  seed: "seed-1",
  items: ["who-may-apply", "party-rights", "procedure-steps"],
  answers: {},
  index: 0,
  started: 1_700_000_000_000,
  saved: 1_700_000_060_000,
});

const parseWith = (change: Record<string, unknown>) => parseDraft(JSON.stringify({ ...draft(), ...change }), LEARNER, QUIZ);

describe("a stored draft", () => {
  it("lives under a fixed key per learner and quiz, so drafts saved by an earlier deployment are found", () => {
    expect(DRAFT_KEY_PREFIX).toBe("ma.quizDraft/");
    expect(draftKey(LEARNER, QUIZ)).toBe("ma.quizDraft/learnerA/the-session-check");
  });

  it("keeps every kind of answer: option id, true/false, a list, pairs, and unanswered", () => {
    const answers = {
      "who-may-apply": "a",
      "mediation-is-free": false,
      "mediation-is-voluntary": true,
      "party-rights": ["a", "b"],
      "procedure-steps": [],
      "dispute-channels": { noise: "committee", wages: "labour" },
      "agreement-refused": null,
    };
    const parsed = parseWith({ answers });
    expect(parsed?.answers).toEqual(answers);
  });

  it.each<[string, unknown]>([
    ["a list with a number in it", ["a", 1]],
    ["a list of numbers", [1, 2]],
    ["pairs with one number", { noise: "committee", wages: 2 }],
    ["pairs of numbers", { noise: 1 }],
    ["a list nested in pairs", { noise: ["committee"] }],
  ])("is refused when an answer is %s", (_what, answer) => {
    expect(parseWith({ answers: { "who-may-apply": "a", "party-rights": answer } })).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ["text", "abc"],
    ["null", null],
    ["a number", 3],
  ])("is refused when its answers are %s instead of a record", (_what, answers) => {
    expect(parseWith({ answers })).toBeUndefined();
  });

  it("is refused when it is JSON null, or a bare value", () => {
    expect(parseDraft("null", LEARNER, QUIZ)).toBeUndefined();
    expect(parseDraft('"draft"', LEARNER, QUIZ)).toBeUndefined();
    expect(parseDraft("true", LEARNER, QUIZ)).toBeUndefined();
    expect(parseDraft("", LEARNER, QUIZ)).toBeUndefined();
    expect(parseDraft(null, LEARNER, QUIZ)).toBeUndefined();
    expect(parseDraft(undefined, LEARNER, QUIZ)).toBeUndefined();
  });

  it("is refused for another quiz or another learner, even under the right key", () => {
    expect(parseWith({})).toBeDefined();
    expect(parseWith({ quiz: "procedure-final-test" })).toBeUndefined();
    expect(parseWith({ learner: "learnerB" })).toBeUndefined();
    expect(parseDraft(JSON.stringify(draft()), LEARNER, "procedure-final-test")).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>]>([
    ["no seed", { seed: undefined }],
    ["a numeric seed", { seed: 42 }],
    ["items that are not a list", { items: "who-may-apply" }],
    ["an item id that is a number", { items: ["who-may-apply", 2] }],
    ["no index", { index: undefined }],
    ["an index written as text", { index: "1" }],
    ["a start time of 0", { started: 0 }],
    ["a negative start time", { started: -1 }],
    ["a start time written as text", { started: "1700000000000" }],
    ["a saved time of 0", { saved: 0 }],
    ["a saved time written as text", { saved: "1700000060000" }],
  ])("is refused with %s", (_what, change) => {
    expect(parseWith(change)).toBeUndefined();
  });

  it("is refused with a start time too large to be a date", () => {
    const text = JSON.stringify(draft()).replace('"started":1700000000000', '"started":1e999');
    expect(text).toContain("1e999");
    expect(parseDraft(text, LEARNER, QUIZ)).toBeUndefined();
  });

  it("is kept with a negative index (resuming clamps it to the first question)", () => {
    expect(parseWith({ index: -1 })?.index).toBe(-1);
  });
});

describe("sameItems", () => {
  it("is false when today's draw is only the start of the draft's items, or runs past them", () => {
    const held: Pick<QuizDraft, "items"> = { items: ["who-may-apply", "party-rights", "procedure-steps"] };
    expect(sameItems(held, ["who-may-apply", "party-rights", "procedure-steps"])).toBe(true);
    expect(sameItems(held, ["who-may-apply", "party-rights"])).toBe(false);
    expect(sameItems(held, [])).toBe(false);
    expect(sameItems({ items: [] }, [])).toBe(true);
  });
});
