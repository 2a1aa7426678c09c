/**
 * The exact rules of combining two digests (digest.ts), each with the entries that tell a
 * right rule from a near miss: the earliest completion, the latest time, a pass that is
 * never lost, the latest run's outcome. digest.test.ts checks that order and batching never
 * matter; these check that what comes out is what 我的学习 should show.
 */
import { describe, expect, it } from "vitest";
import { addToDigests, combine, digestKey, digestOf, digestRecord, sortDigests, withoutOwner, type Digest, type LessonDigest, type QuizDigest, type ScenarioDigest } from "../../../src/lib/progress/digest.ts";
import type { LessonEvent, QuizAttempt, ScenarioRun } from "../../../src/lib/progress/schema.ts";
import { LEARNER, sampleRecord } from "./sample.ts";

const lesson = (kind: LessonEvent["kind"], at: string, seconds = 60, subject = "procedure/the-session") =>
  digestOf({ kind: "lesson", value: { id: `${kind}-${at}`, lesson: subject, kind, at, seconds } }) as LessonDigest;
const attempt = (patch: Partial<QuizAttempt>) => digestOf({ kind: "attempt", value: { ...sampleRecord().attempts[0]!, ...patch } }) as QuizDigest;
const run = (patch: Partial<ScenarioRun>) => digestOf({ kind: "run", value: { ...sampleRecord().runs[0]!, ...patch } }) as ScenarioDigest;

/** combine in both orders, which must agree. */
function both<D extends Digest>(a: D, b: D): D {
  const ab = combine(a, b);
  expect(combine(b, a)).toEqual(ab);
  return ab;
}

describe("one entry's digest", () => {
  it("an opened event is a visit, not a completion", () => {
    expect(lesson("opened", "2025-03-01T08:05:00.000Z", 30)).toEqual({
      kind: "lesson", subject: "procedure/the-session", visits: 1, completed: false, completedAt: undefined, ms: 30_000, last: "2025-03-01T08:05:00.000Z",
    });
  });

  it("a completed event is a completion, not a visit", () => {
    expect(lesson("completed", "2025-03-01T08:20:00.000Z", 900)).toEqual({
      kind: "lesson", subject: "procedure/the-session", visits: 0, completed: true, completedAt: "2025-03-01T08:20:00.000Z", ms: 900_000, last: "2025-03-01T08:20:00.000Z",
    });
  });

  it("an attempt and a run carry their score, their time and when they finished", () => {
    expect(attempt({ score: 1, passed: false })).toEqual({ kind: "quiz", subject: "the-session-check", attempts: 1, bestScore: 1, max: 2, passed: false, ms: 270_000, last: "2025-03-01T08:25:30.000Z" });
    expect(run({ outcome: undefined })).toEqual({ kind: "scenario", subject: "boundary-wall", runs: 1, bestScore: 8, max: 10, lastOutcome: undefined, ms: 720_000, last: "2025-03-02T09:12:00.000Z" });
  });
});

describe("combining lesson digests", () => {
  const opened = lesson("opened", "2025-03-05T08:00:00.000Z", 100);
  const doneEarly = lesson("completed", "2025-03-02T08:00:00.000Z", 200);
  const doneLate = lesson("completed", "2025-03-04T08:00:00.000Z", 300);

  it("a completion is kept when a later visit comes in, and the time is the latest", () => {
    expect(both(opened, doneEarly)).toEqual({
      kind: "lesson", subject: "procedure/the-session", visits: 1, completed: true, completedAt: "2025-03-02T08:00:00.000Z", ms: 300_000, last: "2025-03-05T08:00:00.000Z",
    });
  });

  it("of two completions the earliest counts as the day the lesson was done", () => {
    expect(both(doneEarly, doneLate)).toMatchObject({ visits: 0, completed: true, completedAt: "2025-03-02T08:00:00.000Z", ms: 500_000, last: "2025-03-04T08:00:00.000Z" });
  });

  it("visits alone are not a completion", () => {
    const again = lesson("opened", "2025-03-01T08:00:00.000Z", 10);
    expect(both(opened, again)).toMatchObject({ visits: 2, completed: false, completedAt: undefined, last: "2025-03-05T08:00:00.000Z" });
  });
});

describe("combining quiz digests", () => {
  it("a pass once is a pass for good, and the best score is by ratio", () => {
    const passed = attempt({ id: "a", score: 2, max: 2, passed: true, finished: "2025-03-01T08:25:30.000Z" });
    const failed = attempt({ id: "b", score: 1, max: 2, passed: false, finished: "2025-03-03T08:00:00.000Z" });
    expect(both(passed, failed)).toMatchObject({ attempts: 2, bestScore: 2, max: 2, passed: true, last: "2025-03-03T08:00:00.000Z" });
    expect(both(failed, failed)).toMatchObject({ attempts: 2, bestScore: 1, passed: false });
  });
});

describe("combining scenario digests", () => {
  it("keeps the outcome of the latest run, whatever its score", () => {
    const good = run({ score: 10, outcome: "lawful-agreement", finished: "2025-03-02T09:12:00.000Z" });
    const later = run({ score: 2, outcome: "escalation", finished: "2025-03-06T09:00:00.000Z" });
    expect(both(good, later)).toMatchObject({ runs: 2, bestScore: 10, max: 10, lastOutcome: "escalation", last: "2025-03-06T09:00:00.000Z" });
    // A later run without an outcome leaves none, not the older one's.
    const unfinished = run({ outcome: undefined, finished: "2025-03-07T09:00:00.000Z" });
    expect(both(good, unfinished).lastOutcome).toBeUndefined();
  });

  it("on runs finished at the same moment, the greater outcome, and one that has an outcome over one that has none", () => {
    const t = "2025-03-02T09:12:00.000Z";
    expect(both(run({ outcome: "escalation", finished: t }), run({ outcome: "lawful-agreement", finished: t })).lastOutcome).toBe("lawful-agreement");
    expect(both(run({ outcome: undefined, finished: t }), run({ outcome: "escalation", finished: t })).lastOutcome).toBe("escalation");
    expect(both(run({ outcome: undefined, finished: t }), run({ outcome: undefined, finished: t })).lastOutcome).toBeUndefined();
  });
});

it("refuses to combine digests of different kinds or subjects, naming both", () => {
  const a = lesson("opened", "2025-03-01T08:00:00.000Z");
  expect(() => combine(a, lesson("opened", "2025-03-01T08:00:00.000Z", 60, "basics/principles"))).toThrow(
    "cannot combine digests of lesson:procedure/the-session and lesson:basics/principles",
  );
  expect(() => combine<Digest>(attempt({}), { ...run({}), subject: "the-session-check" })).toThrow("cannot combine digests of quiz:the-session-check and scenario:the-session-check");
});

it("refuses digests of a kind it does not know instead of adding them up as scenarios", () => {
  const unknown = { ...run({}), kind: "badge" } as unknown as Digest;
  expect(() => combine(unknown, { ...unknown })).toThrow("unreachable");
});

describe("addToDigests", () => {
  it("folds entries into the map and returns only the digests they changed, once each", () => {
    const map = new Map<string, Digest>();
    const [first] = addToDigests(map, [{ kind: "lesson", value: sampleRecord().lessons[0]! }]);
    expect(first).toMatchObject({ visits: 1, completed: false });
    const untouched = addToDigests(map, [{ kind: "attempt", value: sampleRecord().attempts[0]! }])[0]!;
    const changed = addToDigests(map, [
      { kind: "lesson", value: sampleRecord().lessons[1]! },
      { kind: "lesson", value: { ...sampleRecord().lessons[0]!, id: "ev-open-2" } },
    ]);
    expect(changed).toEqual([{ ...first, visits: 2, completed: true, completedAt: "2025-03-01T08:20:00.000Z", ms: 900_000, last: "2025-03-01T08:20:00.000Z" }]);
    expect([...map.values()]).toEqual([changed[0], untouched]);
    expect(map.get(digestKey({ kind: "lesson", subject: "procedure/the-session" }))).toEqual(changed[0]);
  });
});

describe("order and owner", () => {
  it("sorts lessons, then quizzes, then scenarios, each by subject", () => {
    const r = sampleRecord();
    const record = {
      lessons: [{ ...r.lessons[0]!, lesson: "procedure/z" }, { ...r.lessons[0]!, id: "b", lesson: "basics/a" }],
      attempts: [{ ...r.attempts[0]!, quiz: "z-check" }, { ...r.attempts[0]!, id: "a2", quiz: "a-check" }],
      runs: [{ ...r.runs[0]!, scenario: "wage-arrears" }, { ...r.runs[0]!, id: "r2", scenario: "boundary-wall" }],
    };
    const order = (ds: Digest[]) => ds.map((d) => `${d.kind}:${d.subject}`);
    const expected = ["lesson:basics/a", "lesson:procedure/z", "quiz:a-check", "quiz:z-check", "scenario:boundary-wall", "scenario:wage-arrears"];
    expect(order(digestRecord(record))).toEqual(expected);
    const digests = digestRecord(record);
    expect(order(sortDigests([...digests].reverse()))).toEqual(expected);
    expect(order(sortDigests([digests[5]!, digests[0]!, digests[3]!, digests[1]!, digests[4]!, digests[2]!]))).toEqual(expected);
  });

  it("withoutOwner gives back the digest as digestRecord has it", () => {
    const [digest] = digestRecord(sampleRecord());
    expect(withoutOwner({ ...digest!, learner: LEARNER })).toEqual(digest);
    expect(withoutOwner({ ...digest!, learner: LEARNER })).not.toHaveProperty("learner");
  });
});
