/** Merging two copies of one learner's record. */
import { describe, expect, it } from "vitest";
import { ProgressStoreError } from "../../../src/lib/progress/errors.ts";
import { mergeProfiles, mergeRecords, normalizeRecord } from "../../../src/lib/progress/merge.ts";
import type { ProgressRecord } from "../../../src/lib/progress/schema.ts";
import { sampleRecord } from "./sample.ts";

/** The phone: the sample plus one more lesson visit. */
function phone(): ProgressRecord {
  const r = sampleRecord();
  r.lessons.push({ id: "ev-phone", lesson: "procedure/the-agreement", kind: "opened", at: "2025-03-03T12:00:00.000Z", seconds: 300 });
  return r;
}

/** The township computer: the sample (minus one event) plus a retried attempt and a rename. */
function computer(): ProgressRecord {
  const r = sampleRecord();
  r.lessons = r.lessons.slice(1);
  r.attempts.push({ ...r.attempts[0], id: "at-2", started: "2025-03-04T08:00:00.000Z", finished: "2025-03-04T08:03:00.000Z" });
  r.learner = { ...r.learner, name: "张秀兰（东关村）", updated: "2025-03-04T09:00:00.000Z" };
  return r;
}

describe("mergeRecords", () => {
  it("takes the union of entries, without duplicates, in chronological order", () => {
    const merged = mergeRecords(phone(), computer());
    expect(merged.lessons.map((e) => e.id)).toEqual(["ev-open-1", "ev-done-1", "ev-phone"]);
    expect(merged.attempts.map((a) => a.id)).toEqual(["at-1", "at-2"]);
    expect(merged.runs.map((r) => r.id)).toEqual(["run-1"]);
  });

  it("keeps the most recently updated profile", () => {
    expect(mergeRecords(phone(), computer()).learner.name).toBe("张秀兰（东关村）");
    expect(mergeRecords(computer(), phone()).learner.name).toBe("张秀兰（东关村）");
  });

  it("is idempotent", () => {
    const once = mergeRecords(phone(), computer());
    expect(mergeRecords(once, computer())).toEqual(once);
    expect(mergeRecords(once, phone())).toEqual(once);
    expect(mergeRecords(once, once)).toEqual(once);
    expect(mergeRecords(phone(), phone())).toEqual(normalizeRecord(phone()));
  });

  it("is commutative and associative", () => {
    const third = sampleRecord();
    third.runs = [{ ...third.runs[0], id: "run-2", started: "2025-03-05T10:00:00.000Z", finished: "2025-03-05T10:20:00.000Z" }];
    expect(mergeRecords(phone(), computer())).toEqual(mergeRecords(computer(), phone()));
    expect(mergeRecords(mergeRecords(phone(), computer()), third)).toEqual(mergeRecords(phone(), mergeRecords(computer(), third)));
  });

  it("picks the same copy of a conflicting entry whatever the order", () => {
    const a = sampleRecord();
    const b = sampleRecord();
    b.lessons[1] = { ...b.lessons[1], seconds: 901 };
    expect(mergeRecords(a, b)).toEqual(mergeRecords(b, a));
    expect(mergeRecords(a, b).lessons).toHaveLength(2);
  });

  it("refuses to merge two different learners", () => {
    const other = sampleRecord();
    other.learner = { ...other.learner, id: "someone-else-1234" };
    expect(() => mergeRecords(sampleRecord(), other)).toThrow(ProgressStoreError);
    try {
      mergeRecords(sampleRecord(), other);
    } catch (error) {
      expect((error as ProgressStoreError).code).toBe("learner-mismatch");
    }
  });

  it("does not modify its inputs", () => {
    const a = phone();
    const b = computer();
    const before = JSON.stringify([a, b]);
    mergeRecords(a, b);
    expect(JSON.stringify([a, b])).toBe(before);
  });
});

describe("mergeProfiles", () => {
  it("breaks a tie in update time the same way in both orders", () => {
    const a = sampleRecord().learner;
    const b = { ...a, village: "西关村" };
    expect(mergeProfiles(a, b)).toEqual(mergeProfiles(b, a));
    const c = { ...a, updated: "2025-03-01T08:00:00Z" }; // same instant, other spelling
    expect(mergeProfiles(a, c)).toEqual(mergeProfiles(c, a));
  });
});
