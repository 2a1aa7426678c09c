/** The class report's charts and filter lists beyond class.test.ts. */
import { describe, expect, it } from "vitest";
import type { ClassData } from "../../../src/lib/statistics/class-data.ts";
import { classReport, placesOf, SCORE_BINS } from "../../../src/lib/statistics/class-report.ts";
import { loadScenario } from "../scenario/helpers.ts";
import { asLearner, attempt, bank, learner, lesson as lessonEntry } from "./class-fixture.ts";

const minimal = loadScenario("test/fixtures/scenarios/minimal.yaml");

const lesson = (id: string, key: string) => lessonEntry(id, key, "completed", "2026-05-01T08:00:00.000Z");

const data: ClassData = {
  context: {
    facts: {
      courses: {
        basics: { title: "基础", lessons: [{ key: "basics/one", title: "一" }, { key: "basics/two", title: "二" }] },
        later: { title: "以后再开", lessons: [] },
      },
      quizzes: { t: "基础 · 结课测试" },
      scenarios: {},
      levels: {},
    },
    levels: [],
    finals: ["t", "untaken"],
    scenarios: ["minimal"],
  },
  banks: [bank],
  scenarios: [minimal],
  layouts: [],
};

describe("the class report", () => {
  const learners = () =>
    [
      learner("A", [attempt("s", { q1: "b" }), attempt("t", { q1: "a", q2: true })], {
        lessons: [lesson("a1", "basics/one"), lesson("a2", "basics/two")],
        runs: [
          {
            id: "r1",
            scenario: "minimal",
            log: [{ choice: "ask-consent" }, { choice: "mediate" }],
            path: [],
            ending: "good-end",
            score: 1,
            max: 1,
            started: "2026-05-01T08:00:00.000Z",
            finished: "2026-05-01T08:10:00.000Z",
          },
        ],
      }),
      learner("B", [attempt("t", { q1: "a", q2: false })], { lessons: [lesson("b1", "basics/one")] }),
      learner("C", [], { lessons: [lesson("c1", "basics/two")] }),
      learner("D"),
    ].map((record) => asLearner(record));

  it("counts learners who finished a course and those who started it; a course without lessons has neither", () => {
    expect(classReport(learners(), data).completion).toEqual([
      { course: "basics", title: "基础", done: 1, started: 2 },
      { course: "later", title: "以后再开", done: 0, started: 0 },
    ]);
  });

  it("bins each final's first-attempt scores, empty bins for a final nobody took, titled by the facts or the id", () => {
    // t: A 2 of 2 (last bin), B 1 of 2 (bin 5 of 0–9). s is no final: its 0 is in no chart.
    const { scoreBins } = classReport(learners(), data);
    expect(scoreBins).toEqual([
      { quiz: "t", title: "基础 · 结课测试", bins: [0, 0, 0, 0, 0, 1, 0, 0, 0, 1] },
      { quiz: "untaken", title: "untaken", bins: new Array(SCORE_BINS).fill(0) },
    ]);
  });

  it("analyses each scenario over the learners, and adds study time per week", () => {
    const report = classReport(learners(), data);
    expect(report.scenarios.map((s) => [s.scenario, s.learners, s.runs])).toEqual([["minimal", 1, 1]]);
    // 4 lessons of 10 minutes and one 10-minute run, in the week of Monday 27 April.
    expect(report.weeks.map(([week]) => week)).toEqual(["2026-04-27"]);
    expect(report.weeks[0][1]).toBeCloseTo(50 / 60, 12);
    expect(report.rows.map((r) => r.learner)).toEqual(["A", "B", "C", "D"]);
  });
});

describe("places for the filter", () => {
  it("sorts townships and their villages by pinyin, each once", () => {
    const at = (id: string, township: string, village: string) => ({ learner: id, township, village });
    // 河口镇 (he) after 城关镇 (cheng); 上坝村 (shang) before 下坝村 (xia) before 中坝村 (zhong).
    const places = placesOf([at("A", "河口镇", "中坝村"), at("B", "河口镇", "下坝村"), at("C", "城关镇", "东关村"), at("D", "河口镇", "上坝村"), at("E", "河口镇", "下坝村")]);
    expect(places).toEqual([
      { township: "城关镇", villages: ["东关村"] },
      { township: "河口镇", villages: ["上坝村", "下坝村", "中坝村"] },
    ]);
  });
});
