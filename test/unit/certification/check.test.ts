/**
 * The level checker: the shipped levels and the fixtures pass, and each mistake (one
 * edit of a valid file) yields exactly the issue listed, at its line and column.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkAll } from "../../../src/lib/check-all.ts";
import { checkCertifications, type CertificationKnown } from "../../../src/lib/certification/check.ts";
import { formatIssues } from "../../../src/lib/content/issues.ts";
import { checkCertificationDir, knownForCertification, scenarioMax } from "../../../src/lib/certification/files.ts";

const dir = "test/fixtures/certification";
const BASE = `${dir}/base.yaml`;
const REVIEW = `${dir}/review.yaml`;
const read = (file: string) => readFileSync(join(process.cwd(), file), "utf8");

const known: CertificationKnown = {
  courses: new Set(["basics", "procedure"]),
  quizzes: new Set(["basics-final", "procedure-final"]),
  scenarios: new Map([
    ["ditch", { max: 34, outcomes: new Set(["lawful-agreement", "unlawful-agreement"]) }],
    ["referral", { max: 46, outcomes: new Set(["correct-referral"]) }],
  ]),
};

/** Both fixtures, with `edit` applied to the text of `file`. */
function check(file: string, edit: (text: string) => string) {
  const files = [BASE, REVIEW].map((f) => ({ file: f, text: f === file ? edit(read(f)) : read(f) }));
  return checkCertifications(files, known).issues;
}

const swap = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`fixture lacks ${from}`);
  return text.replace(from, to);
};

interface Case {
  file: string;
  edit: (text: string) => string;
  at: [line: number, column: number];
  field: string;
  says: string[];
  /** Issues in all, when the mistake shows in more than one place (first listed is checked). */
  count?: number;
}

const cases: Record<string, Case> = {
  "an unknown course": { file: BASE, edit: swap("[basics, procedure]", "[basics, procedur]"), at: [9, 21], field: "requires.courses.1", says: ["没有编号为 procedur 的课程", "现有：basics、procedure"] },
  "an unknown final quiz": { file: BASE, edit: swap("quiz: basics-final, passMark: 80 }\n  scenarios", "quiz: basic-final, passMark: 80 }\n  scenarios"), at: [11, 15], field: "requires.finals.0.quiz", says: ["没有编号为 basic-final 的测验"] },
  "an unknown scenario": { file: BASE, edit: swap("scenario: ditch", "scenario: ditches"), at: [13, 19], field: "requires.scenarios.0.scenario", says: ["没有编号为 ditches 的情景模拟", "现有：ditch、referral"] },
  "an unknown refresher quiz": { file: REVIEW, edit: swap("quiz: { quiz: procedure-final", "quiz: { quiz: refresher"), at: [16, 17], field: "annualReview.quiz.quiz", says: ["没有编号为 refresher 的测验"] },
  "a pass mark above 100": { file: BASE, edit: swap("passMark: 80 }\n  scenarios", "passMark: 800 }\n  scenarios"), at: [11, 39], field: "requires.finals.0.passMark", says: ["不能大于 100"] },
  "a negative exam pass mark": { file: BASE, edit: swap("  passMark: 80\nvalidity", "  passMark: -1\nvalidity"), at: [18, 13], field: "exam.passMark", says: ["不能小于 0"] },
  "a minimum score above the scenario's maximum": { file: BASE, edit: swap("minScore: 20", "minScore: 35"), at: [13, 36], field: "requires.scenarios.0.minScore", says: ["最低分 35 高于情景 ditch 的满分 34", "0–34"] },
  "a scenario requirement with neither score nor outcome": { file: BASE, edit: swap(", minScore: 20 }", " }"), at: [13, 7], field: "requires.scenarios.0", says: ["minScore", "outcomes"] },
  "a level that requires itself": { file: REVIEW, edit: swap("levels: [base]", "levels: [review]"), at: [6, 12], field: "requires.levels.0", says: ["不能要求先持有它自己"] },
  "a cycle of levels": { file: BASE, edit: swap("requires:\n", "requires:\n  levels: [review]\n"), at: [9, 12], field: "requires.levels.0", says: ["循环要求：base → review → base"], count: 2 },
  "an unknown required level": { file: REVIEW, edit: swap("levels: [base]", "levels: [basic]"), at: [6, 12], field: "requires.levels.0", says: ["没有编号为 basic 的级别"] },
  "validity missing": { file: BASE, edit: swap("validityMonths: 12\n", ""), at: [1, 1], field: "validityMonths", says: ["缺少有效期 validityMonths"] },
  "an unknown outcome name": { file: BASE, edit: swap("[correct-referral]", "[referred]"), at: [14, 40], field: "requires.scenarios.1.outcomes.0", says: ["结局类型只能是", "lawful-agreement"] },
  "an outcome the scenario never reaches": { file: BASE, edit: swap("[correct-referral]", "[lawful-agreement]"), at: [14, 40], field: "requires.scenarios.1.outcomes.0", says: ["没有以「依法达成协议」（lawful-agreement）结束的结局", "correct-referral"] },
  "a file named unlike its id": { file: BASE, edit: swap("id: base\n", "id: basis\n"), at: [1, 5], field: "id", says: ["文件名应与级别编号一致", "basis.yaml"], count: 2 },
  "a misspelt field": { file: BASE, edit: swap("validityMonths: 12", "validityMonths: 12\nvalidty: 3"), at: [20, 1], field: "validty", says: ["不认识的字段 validty"] },
  "an empty file": { file: BASE, edit: () => "", at: [1, 1], field: "", says: ["文件是空的"] },
  "a YAML syntax error": { file: BASE, edit: swap("order: 1\n", "order: [1\n"), at: [5, 1], field: "", says: ["YAML 格式错误"] },
  "a duplicate exam id": { file: REVIEW, edit: swap("id: review-exam", "id: base-exam"), at: [11, 7], field: "exam.id", says: ["考试编号 base-exam 已被"] },
  "a level listed twice": { file: REVIEW, edit: swap("levels: [base]", "levels: [base, base]"), at: [6, 18], field: "requires.levels.1", says: ["级别 base 写了两次"] },
  "a final listed twice": {
    file: BASE,
    edit: swap("passMark: 80 }\n  scenarios", "passMark: 80 }\n    - { quiz: basics-final, passMark: 70 }\n  scenarios"),
    at: [12, 15],
    field: "requires.finals.1.quiz",
    says: ["测验 basics-final 写了两次"],
  },
  "a scenario listed twice": {
    file: BASE,
    edit: swap("outcomes: [correct-referral] }\n", "outcomes: [correct-referral] }\n    - { scenario: ditch, minScore: 10 }\n"),
    at: [15, 19],
    field: "requires.scenarios.2.scenario",
    says: ["情景 ditch 写了两次"],
  },
  "a course listed twice": { file: BASE, edit: swap("[basics, procedure]", "[basics, basics]"), at: [9, 21], field: "requires.courses.1", says: ["课程 basics 写了两次"] },
};

describe("certification level checker", () => {
  it("accepts the fixtures", () => {
    expect(formatIssues(check(BASE, (t) => t))).toBe("");
  });

  it("accepts the shipped levels against the real content", () => {
    const result = checkAll(process.cwd(), join(process.cwd(), "content"));
    expect(formatIssues(result.issues.filter((i) => i.file.startsWith("content/certifications")))).toBe("");
  }, 60_000);

  for (const [rule, c] of Object.entries(cases)) {
    it(`reports ${rule}`, () => {
      const issues = check(c.file, c.edit);
      expect(issues, formatIssues(issues)).toHaveLength(c.count ?? 1);
      const [issue] = issues;
      expect({ file: issue.file, at: [issue.line, issue.column], field: issue.field }).toEqual({ file: c.file, at: c.at, field: c.field });
      for (const part of c.says) expect(issue.message).toContain(part);
    });
  }

  it("knows each scenario's maximum (rubric maxima summed) and the outcomes its endings have", () => {
    const result = checkAll(process.cwd(), join(process.cwd(), "content"));
    const known = knownForCertification(["basics"], { quizzes: new Map([["basics-final", {} as never]]) }, result.scenarios);
    expect(known.courses).toEqual(new Set(["basics"]));
    expect(known.quizzes).toEqual(new Set(["basics-final"]));
    // content/scenarios/drainage-ditch.yaml: rubric 21 + 9 + 4.
    const ditch = known.scenarios.get("drainage-ditch")!;
    expect(ditch.max).toBe(34);
    // Exactly the outcomes of its endings: nothing from the other nodes.
    expect(ditch.outcomes).toEqual(new Set(["breakdown", "correct-referral", "escalation", "lawful-agreement", "unlawful-agreement"]));
    expect(scenarioMax({ rubric: { procedure: { max: 1 }, relationship: { max: 2 }, outcome: { max: 4 } } })).toBe(7);
  }, 60_000);

  it("accepts a minimum score equal to the scenario's maximum", () => {
    expect(formatIssues(check(BASE, swap("minScore: 20", "minScore: 34")))).toBe("");
  });

  it("reports a level id used by two files, in the later file", () => {
    const files = [
      { file: BASE, text: read(BASE) },
      { file: `${dir}/copy/base.yaml`, text: read(BASE).replace("id: base-exam", "id: copy-exam") },
    ];
    const issues = checkCertifications(files, known).issues;
    expect(issues.map((i) => [i.file, i.field, i.line, i.column, i.message])).toEqual([
      [`${dir}/copy/base.yaml`, "id", 1, 5, `级别编号 base 已在 ${BASE} 中使用：请换一个编号`],
    ]);
  });

  it("does not report a level as missing when its own file failed its schema", () => {
    const issues = check(BASE, swap("validityMonths: 12\n", ""));
    expect(issues.map((i) => i.file)).toEqual([BASE]);
  });

  it("reads every .yaml and .yml file of the folder in name order, and an absent folder as none", () => {
    const root = mkdtempSync(join(tmpdir(), "cert-levels-"));
    try {
      const levels = join(root, "content", "certifications");
      mkdirSync(levels, { recursive: true });
      writeFileSync(join(levels, "b.yaml"), "id: [");
      writeFileSync(join(levels, "a.yml"), "id: [");
      writeFileSync(join(levels, "notes.md"), "id: [");
      writeFileSync(join(levels, "c.yaml.bak"), "id: [");
      const { issues } = checkCertificationDir(root, levels, known);
      expect([...new Set(issues.map((i) => i.file))]).toEqual(["content/certifications/a.yml", "content/certifications/b.yaml"]);
      expect(checkCertificationDir(root, join(root, "absent"), known)).toEqual({ levels: [], issues: [] });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
