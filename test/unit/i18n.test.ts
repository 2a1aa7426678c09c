import { describe, expect, it } from "vitest";
import { t, zhCN, type MessageKey } from "../../src/i18n/zh-CN.ts";

describe("t()", () => {
  it("returns a string without placeholders unchanged", () => {
    expect(t("site.name")).toBe("调解员学堂");
  });

  it("fills one placeholder", () => {
    expect(t("course.lessonCount", { n: 6 })).toBe("6 课");
    expect(t("lesson.minutes", { time: "15 分钟" })).toBe("预计 15 分钟");
  });

  it("fills several placeholders", () => {
    expect(t("readAloud.reading", { n: 2, total: 7 })).toBe("正在朗读第 2 段，共 7 段");
  });

  it("fills a placeholder with the number 0", () => {
    expect(t("course.lessonCount", { n: 0 })).toBe("0 课");
  });

  it("leaves placeholders it has no value for as written", () => {
    expect(t("readAloud.reading", { n: 2 })).toBe("正在朗读第 2 段，共 {total} 段");
    expect(t("course.lessonCount")).toBe("{n} 课");
  });

  it("ignores values that have no placeholder", () => {
    expect(t("nav.home", { n: 3 })).toBe("首页");
  });
});

describe("zh-CN messages", () => {
  const entries = Object.entries(zhCN) as [MessageKey, string][];

  it("has messages", () => {
    expect(entries.length).toBeGreaterThan(50);
  });

  it.each(entries)("%s is a non-empty string", (_key, value) => {
    expect(typeof value).toBe("string");
    expect(value.trim()).not.toBe("");
  });

  it("uses only {word} placeholders, with balanced braces", () => {
    for (const [key, value] of entries) {
      const withoutPlaceholders = value.replace(/\{\w+\}/g, "");
      expect(withoutPlaceholders, key).not.toMatch(/[{}]/);
    }
  });
});
