/**
 * The coverage rules of npm run check, each with its own failing case: a required article
 * missing or covered too little (error), an objective no item tests (warning). The same rules
 * run over the shipped content in test/unit/coverage/shipped.test.ts.
 */
import { describe, expect, it } from "vitest";
import { buildCoverage, type CoverageSource } from "../../../src/lib/coverage/matrix.ts";
import { checkObjectivesTested, checkRequiredProvisions, coverageRuleCodes, procedureRequirement, type Requirement } from "../../../src/lib/coverage/rules.ts";

const requirement: Requirement = { statute: "rmtjf", from: 17, to: 18, lessons: 1, scenarios: 1, items: 2 };
const lines: Record<string, number> = { "rmtjf-17": 90, "rmtjf-18": 95 };
const where = (id: string) => (id in lines ? { file: "content/law/rmtjf.yaml", line: lines[id], column: 14 } : undefined);

/** Arts. 17 and 18 each taught once, practised once and assessed twice: exactly enough. */
const enough: CoverageSource = {
  statutes: [{ id: "rmtjf", shortTitle: "人民调解法", provisions: [{ article: 17, heading: "申请与主动调解" }, { article: 18, heading: "法院、公安告知" }] }],
  lessons: [{ key: "procedure/starting-mediation", title: "调解的启动", law: ["rmtjf-17", "rmtjf-18"], objectives: ["说出启动的三种来源"] }],
  scenarios: [{ id: "lane-scuffle", title: "巷口推搡", law: ["rmtjf-17", "rmtjf-18"] }],
  items: [
    { id: "a", bank: "procedure", law: ["rmtjf-17", "rmtjf-18"], objective: "procedure/starting-mediation#1" },
    { id: "b", bank: "procedure", law: ["rmtjf-17", "rmtjf-18"] },
  ],
};
const required = (source: CoverageSource) => checkRequiredProvisions(buildCoverage(source), requirement, where);

describe("required provisions (error)", () => {
  it("pass when each is taught once, practised once and assessed twice", () => {
    expect(required(enough)).toEqual([]);
  });

  it("fail at the article's line when an article is assessed by only one item", () => {
    const issues = required({ ...enough, items: [enough.items[0], { ...enough.items[1], law: ["rmtjf-17"] }] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: "content/law/rmtjf.yaml", line: 95, column: 14, field: "", code: "provision-under-covered" });
    expect(issues[0].message).toContain("rmtjf-18");
    expect(issues[0].message).toContain("题目 1/2");
    expect(issues[0].message).not.toMatch(/课时 \d/);
  });

  it("fail when no lesson teaches an article", () => {
    const [issue] = required({ ...enough, lessons: [{ ...enough.lessons[0], law: ["rmtjf-18"] }] });
    expect(issue).toMatchObject({ line: 90, code: "provision-under-covered" });
    expect(issue.message).toContain("课时 0/1");
    expect(issue.message).toContain("frontmatter 的 law");
  });

  it("fail when no scenario practises an article, saying where to cite it", () => {
    const [issue] = required({ ...enough, scenarios: [{ ...enough.scenarios[0], law: ["rmtjf-17"] }] });
    expect(issue).toMatchObject({ line: 95 });
    expect(issue.message).toContain("情景模拟 0/1");
  });

  it("name every shortfall of one article in one issue", () => {
    const issues = required({ ...enough, lessons: [], scenarios: [], items: [] });
    expect(issues.map((i) => i.line)).toEqual([90, 95]);
    expect(issues[0].message).toMatch(/课时 0\/1（[^）]+）；情景模拟 0\/1（[^）]+）；题目 0\/2/);
  });

  it("fail, on the statute file, when a required article is missing from it", () => {
    const source = { ...enough, statutes: [{ ...enough.statutes[0], provisions: [enough.statutes[0].provisions[0]] }] };
    const issues = required(source);
    expect(issues).toEqual([expect.objectContaining({ file: "content/law/rmtjf.yaml", line: 0, column: 0, field: "", code: "provision-required-missing" })]);
    expect(issues[0].message).toContain("缺少第 18 条");
  });

  it("cover Arts. 17 to 33 of the People's Mediation Law: one lesson, one scenario, two items each", () => {
    expect(procedureRequirement).toEqual({ statute: "rmtjf", from: 17, to: 33, lessons: 1, scenarios: 1, items: 2 });
  });
});

describe("objectives tested (warning)", () => {
  const locate = (lesson: string, n: number) => ({ file: `content/courses/${lesson}.mdx`, line: 5 + n, column: 5 });

  it("warn at the objective's line for an objective no item names, with the line to add", () => {
    const source = { ...enough, lessons: [{ ...enough.lessons[0], objectives: ["说出启动的三种来源", "区分明确拒绝和一时有气"] }] };
    const issues = checkObjectivesTested(buildCoverage(source), locate);
    expect(issues).toEqual([
      expect.objectContaining({ file: "content/courses/procedure/starting-mediation.mdx", line: 7, column: 5, field: "objectives.1", code: "objective-untested" }),
    ]);
    expect(issues[0].message).toContain("「区分明确拒绝和一时有气」");
    expect(issues[0].message).toContain("objective: procedure/starting-mediation#2");
  });

  it("fall back to the lesson key when the objective's line is unknown", () => {
    const source = { ...enough, items: [] };
    expect(checkObjectivesTested(buildCoverage(source), () => undefined)).toEqual([
      expect.objectContaining({ file: "procedure/starting-mediation", line: 0, column: 0, field: "objectives.0" }),
    ]);
  });

  it("say nothing when every objective is tested", () => {
    expect(checkObjectivesTested(buildCoverage(enough), locate)).toEqual([]);
  });
});

describe("rule codes", () => {
  it("each has a failing case above", () => {
    const source = { ...enough, lessons: [{ ...enough.lessons[0], objectives: ["a 目标一二", "b 目标三四"] }], items: [] };
    const coverage = buildCoverage({ ...source, statutes: [{ ...source.statutes[0], provisions: [source.statutes[0].provisions[0]] }] });
    const codes = new Set([
      ...checkRequiredProvisions(coverage, requirement, where).map((i) => i.code),
      ...checkRequiredProvisions(buildCoverage(source), requirement, where).map((i) => i.code),
      ...checkObjectivesTested(coverage, () => undefined).map((i) => i.code),
    ]);
    expect([...codes].sort()).toEqual([...coverageRuleCodes].sort());
  });
});
