/** The coverage page's view model: grouping, required and short rows, totals. */
import { beforeEach, describe, expect, it } from "vitest";
import { buildCoverage, type CoverageSource } from "../../../src/lib/coverage/matrix.ts";
import type { Requirement } from "../../../src/lib/coverage/rules.ts";
import { coverageView, isRequired } from "../../../src/lib/coverage/view.ts";

const requirement: Requirement = { statute: "rmtjf", from: 17, to: 18, lessons: 1, scenarios: 1, items: 2 };
const statutes = [
  { id: "rmtjf", shortTitle: "人民调解法", provisions: [{ article: 16, heading: "补贴" }, { article: 17, heading: "申请" }, { article: 18, heading: "告知" }, { article: 19, heading: "指定" }] },
  { id: "mfd", shortTitle: "民法典", provisions: [{ article: 17, heading: "成年人" }] },
];
const source: CoverageSource = {
  statutes,
  lessons: [
    { key: "basics/principles", title: "原则", law: ["rmtjf-17", "rmtjf-18"], objectives: ["一", "二"] },
    { key: "procedure/starting-mediation", title: "启动", law: ["rmtjf-17"], objectives: ["三"] },
    { key: "procedure/preparation", title: "准备", law: [], objectives: ["四"] },
  ],
  scenarios: [{ id: "s", title: "S", law: ["rmtjf-17", "rmtjf-18", "rmtjf-19"] }],
  items: [
    { id: "a", bank: "b", law: ["rmtjf-17", "rmtjf-18", "rmtjf-19"], objective: "basics/principles#2" },
    { id: "b", bank: "b", law: ["rmtjf-17"], objective: "procedure/preparation#1" },
  ],
};
describe("coverageView", () => {
  // Built inside each test (not at load time), so mutation testing sees which test covers what.
  let view: ReturnType<typeof coverageView>;
  beforeEach(() => {
    view = coverageView(buildCoverage(source), statutes, requirement);
  });

  it("groups provisions by statute in the given order", () => {
    expect(view.statutes.map((s) => [s.id, s.shortTitle, s.rows.map((r) => r.id)])).toEqual([
      ["rmtjf", "人民调解法", ["rmtjf-16", "rmtjf-17", "rmtjf-18", "rmtjf-19"]],
      ["mfd", "民法典", ["mfd-17"]],
    ]);
  });

  it("marks the required articles, and as short those below the requirement", () => {
    const rows = view.statutes[0].rows.map((r) => [r.id, r.required, r.short]);
    expect(rows).toEqual([
      ["rmtjf-16", false, false],
      ["rmtjf-17", true, false],
      ["rmtjf-18", true, true], // one item of two
      ["rmtjf-19", false, false], // not required, however little it is covered
    ]);
    expect(view.statutes[1].rows[0]).toMatchObject({ required: false, short: false }); // same article number, other statute
  });

  it("is not short with exactly the required number of each", () => {
    const exact = coverageView(buildCoverage({ ...source, items: [...source.items, { id: "c", bank: "b", law: ["rmtjf-18"] }] }), statutes, requirement);
    // rmtjf-18: one lesson, one scenario, two items.
    expect(exact.statutes[0].rows[2]).toMatchObject({ lessons: ["basics/principles"], scenarios: ["s"], items: ["a", "c"], short: false });
  });

  it("is short when any one of lessons, scenarios or items is missing", () => {
    const noLesson = coverageView(buildCoverage({ ...source, lessons: [] }), statutes, requirement);
    expect(noLesson.statutes[0].rows[1].short).toBe(true);
    const noScenario = coverageView(buildCoverage({ ...source, scenarios: [] }), statutes, requirement);
    expect(noScenario.statutes[0].rows[1].short).toBe(true);
  });

  it("groups objectives by course, keeping lesson order", () => {
    expect(view.courses.map((c) => [c.course, c.rows.map((o) => o.ref)])).toEqual([
      ["basics", ["basics/principles#1", "basics/principles#2"]],
      ["procedure", ["procedure/starting-mediation#1", "procedure/preparation#1"]],
    ]);
  });

  it("lists uncited provisions and counts the totals", () => {
    expect(view.uncited.map((r) => r.id)).toEqual(["rmtjf-16", "mfd-17"]);
    expect(view.totals).toEqual({ provisions: 5, complete: 2, uncited: 2, objectives: 4, tested: 2 });
  });

  it("isRequired takes both ends of the range and nothing outside it", () => {
    expect([16, 17, 18, 19].map((article) => isRequired({ statute: "rmtjf", article }, requirement))).toEqual([false, true, true, false]);
    expect(isRequired({ statute: "mfd", article: 17 }, requirement)).toBe(false);
  });
});
