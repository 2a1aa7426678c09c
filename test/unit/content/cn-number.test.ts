import { describe, expect, it } from "vitest";
import { articleLabel, toChineseNumeral } from "../../../src/lib/content/cn-number.ts";

describe("toChineseNumeral", () => {
  it.each([
    [1, "一"],
    [9, "九"],
    [10, "十"],
    [11, "十一"],
    [19, "十九"],
    [20, "二十"],
    [28, "二十八"],
    [100, "一百"],
    [105, "一百零五"],
    [110, "一百一十"],
    [111, "一百一十一"],
    [1000, "一千"],
    [1001, "一千零一"],
    [1010, "一千零一十"],
    [1067, "一千零六十七"],
    [1260, "一千二百六十"],
    [9999, "九千九百九十九"],
  ])("writes %i as %s", (n, expected) => {
    expect(toChineseNumeral(n)).toBe(expected);
  });

  it.each([0, -1, 10000, 1.5, Number.NaN])("throws a RangeError for %s", (n) => {
    expect(() => toChineseNumeral(n)).toThrow(RangeError);
  });
});

describe("articleLabel", () => {
  it("wraps the numeral as 第…条", () => {
    expect(articleLabel(28)).toBe("第二十八条");
    expect(articleLabel(10)).toBe("第十条");
    expect(articleLabel(1067)).toBe("第一千零六十七条");
  });
});
