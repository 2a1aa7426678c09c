import { describe, expect, it } from "vitest";
import { formatHours, formatMinutes } from "../../../src/lib/curriculum/time.ts";

describe("formatMinutes", () => {
  it.each([
    [0, "0 分钟"],
    [15, "15 分钟"],
    [59, "59 分钟"],
    [60, "1 小时"],
    [61, "1 小时 1 分钟"],
    [120, "2 小时"],
    [125, "2 小时 5 分钟"],
    [600, "10 小时"],
  ])("formats %i minutes as %s", (minutes, expected) => {
    expect(formatMinutes(minutes)).toBe(expected);
  });
});

describe("formatHours", () => {
  it.each([
    [0, "0"],
    [20, "0.3"],
    [60, "1"],
    [90, "1.5"],
    [95, "1.6"],
    [125, "2.1"],
    [600, "10"],
  ])("formats %i minutes as %s hours", (minutes, expected) => {
    expect(formatHours(minutes)).toBe(expected);
  });
});
