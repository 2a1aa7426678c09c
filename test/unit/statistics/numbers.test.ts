import { describe, expect, it } from "vitest";
import { correlation, histogram, mean, round } from "../../../src/lib/statistics/numbers.ts";

describe("descriptive statistics", () => {
  it("gives no mean of nothing", () => {
    expect(mean([])).toBeUndefined();
    expect(mean([1, 2, 6])).toBe(3);
  });

  it("correlates two points perfectly, and needs at least two", () => {
    expect(correlation([0, 1], [0, 1])).toBe(1);
    expect(correlation([0, 1], [1, 0])).toBe(-1);
    expect(correlation([1], [1])).toBeUndefined();
    expect(correlation([], [])).toBeUndefined();
  });

  it("pairs values only as far as the shorter list goes", () => {
    expect(correlation([0, 1, 5], [0, 1])).toBe(1);
    expect(correlation([0, 1], [1, 0, 7])).toBe(-1);
  });

  it("has no correlation when either variable does not vary, rounding dust included", () => {
    expect(correlation([0, 1, 2], [1, 1, 1])).toBeUndefined();
    expect(correlation([1, 1, 1], [0, 1, 2])).toBeUndefined();
    // 0.1 + 0.2 is 0.30000000000000004: the same value up to rounding.
    expect(correlation([0, 1], [0.1 + 0.2, 0.3])).toBeUndefined();
    expect(correlation([0.1 + 0.2, 0.3], [0, 1])).toBeUndefined();
  });

  it("rounds for display, never to a negative zero", () => {
    expect(round(undefined)).toBeUndefined();
    expect(round(0.456)).toBe(0.46);
    expect(round(0.25, 1)).toBe(0.3);
    expect(Object.is(round(-0.001), 0)).toBe(true);
  });

  it("bins shares in equal widths, 1 in the last bin", () => {
    expect(histogram([0, 0.1, 0.15, 0.999, 1], 10)).toEqual([1, 2, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(histogram([-0.2, 1.5], 4)).toEqual([1, 0, 0, 1]);
  });
});
