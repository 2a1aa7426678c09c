/** Total study time is derived from the entries. */
import { describe, expect, it } from "vitest";
import { formatHours } from "../../../src/lib/curriculum/time.ts";
import { MAX_COUNTED_SECONDS, studyHours, studyMinutes, studySeconds } from "../../../src/lib/progress/hours.ts";
import { sampleRecord } from "./sample.ts";

describe("study time", () => {
  it("adds lesson time, quiz durations and scenario durations", () => {
    // 900 s of lessons + 270 s of quiz + 720 s of scenario.
    expect(studySeconds(sampleRecord())).toBe(1890);
    expect(studyMinutes(sampleRecord())).toBe(32);
    expect(studyHours(sampleRecord())).toBeCloseTo(0.525, 5);
    expect(formatHours(studyMinutes(sampleRecord()))).toBe("0.5");
  });

  it("caps an entry left open for hours, and ignores clock jumps backwards", () => {
    const r = sampleRecord();
    r.attempts[0] = { ...r.attempts[0], started: "2025-03-01T08:00:00.000Z", finished: "2025-03-02T08:00:00.000Z" };
    r.runs[0] = { ...r.runs[0], started: "2025-03-02T09:00:00.000Z", finished: "2025-03-02T08:00:00.000Z" };
    expect(studySeconds(r)).toBe(900 + MAX_COUNTED_SECONDS);
  });

  it("is zero for an empty record", () => {
    expect(studySeconds({ lessons: [], attempts: [], runs: [] })).toBe(0);
  });
});
