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

  it("every message is a non-empty string (one test over all keys, naming the ones at fault)", () => {
    const bad = entries.filter(([, value]) => typeof value !== "string" || value.trim() === "").map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it("uses only {word} placeholders, with balanced braces", () => {
    for (const [key, value] of entries) {
      const withoutPlaceholders = value.replace(/\{\w+\}/g, "");
      expect(withoutPlaceholders, key).not.toMatch(/[{}]/);
    }
  });
});

describe("fill()", () => {
  it("fills placeholders and leaves unknown ones as written", async () => {
    const { fill } = await import("../../src/i18n/fill.ts");
    expect(fill("第 {n} 步，共 {total} 步", { n: 0 })).toBe("第 0 步，共 {total} 步");
    expect(fill("{a}{a}", { a: "x" })).toBe("xx");
    // Inherited names are not values: a template naming `toString` keeps its placeholder.
    expect(fill("{toString}", {})).toBe("{toString}");
  });
});

describe("pick()", () => {
  it("takes exact keys, prefixes and exclusions, in order", async () => {
    const { pick } = await import("../../src/i18n/pick.ts");
    const quiz = pick("quiz.*", "!quiz.page.*", "nav.me");
    expect(quiz["nav.me"]).toBe(zhCN["nav.me"]);
    expect(Object.keys(quiz).some((k) => k.startsWith("quiz.page."))).toBe(false);
    expect(Object.keys(quiz).filter((k) => k.startsWith("quiz.")).length).toBe(
      Object.keys(zhCN).filter((k) => k.startsWith("quiz.") && !k.startsWith("quiz.page.")).length,
    );
  });

  it("fails on a selector that matches nothing, so a typo cannot drop labels", async () => {
    const { pick } = await import("../../src/i18n/pick.ts");
    expect(() => pick("quiz.nosuchkey")).toThrow(/quiz\.nosuchkey/);
    expect(() => pick("!nosuch.*")).toThrow();
  });

  it("gives the scenario player exactly its keys (all scenario strings but the static page's, and the look-up's)", async () => {
    const { pick } = await import("../../src/i18n/pick.ts");
    const { playerStringSelectors, scenarioStrings } = await import("../../src/i18n/zh-CN.scenario.ts");
    const pageOnly = /^(nav|home|scenario\.(list|meta|difficulty|disputeType|intro|noscript))\b/;
    const expected = [
      ...Object.keys(scenarioStrings).filter((k) => !pageOnly.test(k)),
      ...["lookup.loading", "lookup.failed", "lookup.empty", "lookup.count", "search.kind.law", "search.kind.term"],
    ].sort();
    expect(Object.keys(pick(...playerStringSelectors)).sort()).toEqual(expected);
  });
});

describe("scenario vocabulary names", () => {
  it("come from src/lib/scenario, spelled once", async () => {
    const { outcomeNames, outcomes } = await import("../../src/lib/scenario/vocabulary.ts");
    const { elementNames } = await import("../../src/lib/scenario/agreement.ts");
    const { rubricNames } = await import("../../src/lib/scenario/debrief.ts");
    for (const o of outcomes) expect(t(`scenario.outcome.${o}`)).toBe(outcomeNames[o]);
    expect(t("scenario.outcome.escalation")).toBe("矛盾激化");
    expect(t("scenario.element.parties")).toBe(elementNames.parties);
    expect(t("scenario.rubric.procedure")).toBe(rubricNames.procedure);
  });
});
