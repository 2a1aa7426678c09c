/** Merging two copies of one learner's record. */
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../../src/lib/progress/canonical.ts";
import { ProgressStoreError } from "../../../src/lib/progress/errors.ts";
import { mergeProfiles, mergeRecords, normalizeRecord, pickCopy } from "../../../src/lib/progress/merge.ts";
import type { LearnerProfile, ProgressRecord } from "../../../src/lib/progress/schema.ts";
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

describe("mergeProfiles: each field's newest value", () => {
  const base = sampleRecord().learner;
  // Spellings whose text order contradicts their time order (an offset), and same instants spelled twice.
  const profiles: LearnerProfile[] = [
    { ...base, name: "甲", township: "一镇", village: "一村", created: "2025-01-01T09:00:00+08:00", updated: "2025-02-01T09:00:00+08:00" },
    { ...base, name: "乙", township: "一镇", village: "二村", created: "2025-01-01T02:00:00.000Z", updated: "2025-02-01T01:00:00.000Z", changed: { name: "2025-01-20T00:00:00.000Z" } },
    { ...base, name: "丙", township: "三镇", village: "三村", created: "2025-01-01T01:00:00.000Z", updated: "2025-02-01T02:00:00.000Z", changed: { township: "2025-01-10T00:00:00.000Z", village: "2025-02-01T09:00:00+08:00" } },
    { ...base, name: "丁", township: "四镇", village: "四村", created: "2025-01-01T01:00:00.000Z", updated: "2025-01-05T00:00:00.000Z" },
  ];

  it("is commutative and associative over profiles with offsets, equal instants and per-field times", () => {
    for (const a of profiles) {
      for (const b of profiles) {
        expect(mergeProfiles(a, b)).toEqual(mergeProfiles(b, a));
        for (const c of profiles) expect(mergeProfiles(mergeProfiles(a, b), c)).toEqual(mergeProfiles(a, mergeProfiles(b, c)));
      }
      expect(mergeProfiles(a, a)).toEqual(a);
    }
  });

  it("keeps the latest update, the earliest creation, and each field from the copy that changed it last", () => {
    const [p1, p2, p3, p4] = profiles as [LearnerProfile, LearnerProfile, LearnerProfile, LearnerProfile];
    // p1 updated at 01:00Z (written +08:00), p3 at 02:00Z: text order says p1, time says p3.
    // The village changed at the very same text on both: the greater value wins.
    expect(mergeProfiles(p1, p3)).toEqual({ ...p3, name: "丙", township: "一镇", village: "三村", changed: { township: p1.updated, village: p1.updated } });
    // p1 and p2 updated at the same instant: the name changed earlier on p2, so p1's wins; the
    // village's times are one instant spelled twice: the greater spelling (p1's) wins.
    expect(mergeProfiles(p1, p2)).toEqual({ ...p1 });
    // An older copy changes nothing, but a field changed later than it stays.
    expect(mergeProfiles(p3, p4)).toEqual(p3);
  });
});

describe("normalizeRecord", () => {
  it("orders entries at the same time by id, whatever order they came in", () => {
    const r = sampleRecord();
    const at = "2025-03-01T08:05:00.000Z";
    const entries = ["b", "c", "a"].map((id) => ({ ...r.lessons[0], id, at }));
    for (const order of [entries, [...entries].reverse(), [entries[1]!, entries[2]!, entries[0]!]]) {
      expect(normalizeRecord({ ...r, lessons: order }).lessons.map((e) => e.id)).toEqual(["a", "b", "c"]);
    }
  });
});

describe("conflicting copies: mergeRecords and the store's pickCopy keep the same one", () => {
  it("the copy with the greater canonical text, in both orders, for every kind of entry", () => {
    const a = sampleRecord();
    const b = sampleRecord();
    b.lessons[1] = { ...b.lessons[1]!, seconds: 901 };
    b.attempts[0] = { ...b.attempts[0]!, score: 1, passed: false };
    b.runs[0] = { ...b.runs[0]!, outcome: "escalation" };
    const pairs = [
      [a.lessons[1]!, b.lessons[1]!],
      [a.attempts[0]!, b.attempts[0]!],
      [a.runs[0]!, b.runs[0]!],
    ] as const;
    for (const order of [mergeRecords(a, b), mergeRecords(b, a)]) {
      const kept = [order.lessons[1], order.attempts[0], order.runs[0]];
      pairs.forEach(([x, y], i) => {
        // The greater canonical JSON: `"seconds":901` > `"seconds":900`, `"passed":true` > `"passed":false`…
        const greater = canonicalJson(x) > canonicalJson(y) ? x : y;
        expect(kept[i]).toEqual(greater);
        expect(pickCopy(x, y)).toBe(greater === x ? "stored" : "incoming");
        expect(pickCopy(y, x)).toBe(greater === y ? "stored" : "incoming");
      });
    }
    expect(pickCopy(a.lessons[1], structuredClone(a.lessons[1]))).toBe("same");
  });
});

describe("chronological order of every kind of entry", () => {
  it("attempts and runs by their start, not by id, after a merge or a normalisation", () => {
    const r = sampleRecord();
    const early = "2025-03-01T08:00:00.000Z";
    const late = "2025-03-09T08:00:00.000Z";
    const a = { ...r, attempts: [{ ...r.attempts[0]!, id: "z-first", started: early }], runs: [{ ...r.runs[0]!, id: "z-first", started: early }] };
    const b = { ...r, attempts: [{ ...r.attempts[0]!, id: "a-second", started: late }], runs: [{ ...r.runs[0]!, id: "a-second", started: late }] };
    for (const merged of [mergeRecords(a, b), mergeRecords(b, a)]) {
      expect(merged.attempts.map((e) => e.id)).toEqual(["z-first", "a-second"]);
      expect(merged.runs.map((e) => e.id)).toEqual(["z-first", "a-second"]);
    }
    const mixed = { ...r, attempts: [...b.attempts, ...a.attempts], runs: [...b.runs, ...a.runs] };
    expect(normalizeRecord(mixed).attempts.map((e) => e.id)).toEqual(["z-first", "a-second"]);
    expect(normalizeRecord(mixed).runs.map((e) => e.id)).toEqual(["z-first", "a-second"]);
  });
});
