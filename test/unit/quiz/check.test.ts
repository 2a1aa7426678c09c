/**
 * The bank checker: the valid banks pass, and each mutation in check-mutations.ts (one
 * mistake) yields exactly the issues listed here, at the exact line and column.
 */
import { describe, expect, it } from "vitest";
import { readContentSet } from "../../../src/lib/content/files.ts";
import { contentDir } from "../../../src/lib/content/content-dir.ts";
import { formatIssues, type ContentIssue } from "../../../src/lib/content/issues.ts";
import { checkQuizCoverage, checkQuizText, checkQuizzes, knownFromContentSet, quizRuleCodes } from "../../../src/lib/quiz/check.ts";
import { checkQuizDir } from "../../../src/lib/quiz/files.ts";
import { applyMutations, CORE, FINAL, known, mutations, validDir, validFiles } from "./check-mutations.ts";

interface Expected {
  file: string;
  line: number;
  column: number;
  field: string;
  says: string[];
}

const check = (files: Map<string, string>) => checkQuizzes([...files].map(([file, text]) => ({ file, text })), known);

const cases: Record<keyof typeof mutations, { rule: string; expected: Expected[] }> = {
  "yaml-bad-indent": {
    rule: "a YAML indentation error is reported on its line, and the other bank does not report the bank as missing",
    expected: [{ file: CORE, line: 43, column: 1, field: "", says: ["YAML 格式错误", "缩进不一致"] }],
  },
  "empty-file": {
    rule: "an empty file says so",
    expected: [{ file: FINAL, line: 1, column: 1, field: "", says: ["文件是空的"] }],
  },
  "unknown-item-type": {
    rule: "an unknown item type lists the six types",
    expected: [{ file: CORE, line: 46, column: 11, field: "items.3.type", says: ["single / multiple / true-false / ordering / matching / case-judgement"] }],
  },
  "true-false-answer-not-boolean": {
    rule: "a true-false answer written as 错 asks for true or false",
    expected: [{ file: CORE, line: 40, column: 13, field: "items.2.answer", says: ["true（正确）或 false（错误）"] }],
  },
  "case-option-without-feedback": {
    rule: "every case-judgement option needs feedback",
    expected: [{ file: CORE, line: 88, column: 9, field: "items.5.options.2.feedback", says: ["缺少选项反馈"] }],
  },
  "unknown-field": {
    rule: "a misspelt key is reported on its line, next to the now-missing field",
    expected: [
      { file: CORE, line: 7, column: 5, field: "items.0.difficulty", says: ["缺少难度 difficulty"] },
      { file: CORE, line: 22, column: 5, field: "items.0.dificulty", says: ["不认识的字段 dificulty"] },
    ],
  },
  "file-name-mismatch": {
    rule: "a bank whose file name differs from its id names the expected file",
    expected: [{ file: "content/quizzes/procedure-basics.yaml", line: 2, column: 5, field: "id", says: ["procedure-core.yaml"] }],
  },
  "nothing-in-file": {
    rule: "a bank with neither items nor quizzes",
    expected: [{ file: FINAL, line: 2, column: 1, field: "", says: ["既没有题目 items，也没有测验 quizzes"] }],
  },
  "single-answer-not-an-option": {
    rule: "a single-choice answer that is not an option lists the option ids",
    expected: [{ file: CORE, line: 18, column: 13, field: "items.0.answer", says: ["答案 e 不在选项中", "a、b、c"] }],
  },
  "multiple-answer-not-an-option": {
    rule: "a multiple-choice answer that is not an option is reported at that entry",
    expected: [{ file: CORE, line: 32, column: 20, field: "items.1.answer.2", says: ["答案 e 不在选项中"] }],
  },
  "multiple-answer-twice": {
    rule: "a multiple-choice answer listed twice",
    expected: [{ file: CORE, line: 32, column: 20, field: "items.1.answer.2", says: ["b 写了两次"] }],
  },
  "multiple-without-scoring-rule": {
    rule: "a multiple-choice item must state its partial-credit rule (item or bank)",
    expected: [{ file: CORE, line: 23, column: 11, field: "items.1.type", says: ["多选题要写明计分规则", "partial-if-no-wrong", "scoring.multiple"] }],
  },
  "duplicate-option-id": {
    rule: "two options with one id",
    expected: [{ file: CORE, line: 13, column: 13, field: "items.0.options.1.id", says: ["选项编号 a 重复"] }],
  },
  "duplicate-option-text": {
    rule: "two options with the same text",
    expected: [{ file: CORE, line: 17, column: 15, field: "items.0.options.2.text", says: ["与第 1 个选项相同"] }],
  },
  "ordering-step-missing": {
    rule: "an ordering answer must list every step",
    expected: [{ file: CORE, line: 53, column: 13, field: "items.3.answer", says: ["全部步骤", "缺少 agreement"] }],
  },
  "ordering-step-twice": {
    rule: "a step listed twice in an ordering answer (so another is missing)",
    expected: [
      { file: CORE, line: 53, column: 31, field: "items.3.answer.2", says: ["步骤 prepare 在答案里写了两次"] },
      { file: CORE, line: 53, column: 13, field: "items.3.answer", says: ["缺少 session"] },
    ],
  },
  "matching-unknown-prompt": {
    rule: "a matching answer keyed by an unknown prompt (so a prompt has no answer)",
    expected: [
      { file: CORE, line: 71, column: 39, field: "items.4.answer.wage", says: ["wage 不是左侧的编号", "noise、wages、assault"] },
      { file: CORE, line: 71, column: 13, field: "items.4.answer", says: ["缺少 wages"] },
    ],
  },
  "matching-answer-not-an-option": {
    rule: "a matching answer naming an option that does not exist",
    expected: [{ file: CORE, line: 71, column: 57, field: "items.4.answer.assault", says: ["答案 court 不在选项中"] }],
  },
  "duplicate-item-id": {
    rule: "an item id used twice in one bank names the first line",
    expected: [{ file: CORE, line: 37, column: 9, field: "items.2.id", says: ["题目编号 who-may-apply", "第 7 行"] }],
  },
  "unknown-provision": {
    rule: "a law reference to a missing article of a known statute",
    expected: [{ file: CORE, line: 20, column: 11, field: "items.0.law.0", says: ["rmtjf-99 不存在", "content/law/rmtjf.yaml"] }],
  },
  "unknown-statute": {
    rule: "a law reference to a statute that does not exist",
    expected: [{ file: CORE, line: 42, column: 11, field: "items.2.law.0", says: ["没有编号为 tjf 的法规文件"] }],
  },
  "item-lesson-missing": {
    rule: "an item's lesson that does not exist",
    expected: [{ file: CORE, line: 23, column: 13, field: "items.0.lesson", says: ["找不到课时 procedure/start-mediation"] }],
  },
  "quiz-lesson-missing": {
    rule: "a lesson check for a lesson that does not exist",
    expected: [{ file: CORE, line: 101, column: 13, field: "quizzes.0.lesson", says: ["找不到课时 procedure/session"] }],
  },
  "final-course-missing": {
    rule: "a course final for a course that does not exist lists the courses",
    expected: [{ file: FINAL, line: 8, column: 13, field: "quizzes.0.course", says: ["没有编号为 procedures 的课程", "现有：procedure"] }],
  },
  "pool-too-small": {
    rule: "a draw asking for more items than its pool holds",
    expected: [{ file: CORE, line: 103, column: 16, field: "quizzes.0.draw.0.count", says: ["要抽 4 题", "只有 3 题"] }],
  },
  "pool-taken-by-earlier-rule": {
    rule: "a draw whose pool can be emptied by an earlier rule, whatever the seed",
    expected: [{ file: CORE, line: 105, column: 16, field: "quizzes.0.draw.1.count", says: ["要抽 4 题", "最多 1 题可能已被前面的抽题规则抽走", "还差 1 题"] }],
  },
  "draw-tag-unknown": {
    rule: "a draw by a tag no item carries (so its pool is empty)",
    expected: [
      { file: CORE, line: 104, column: 16, field: "quizzes.0.draw.0.tags.0", says: ["没有带标签「受案」的题目"] },
      { file: CORE, line: 103, column: 16, field: "quizzes.0.draw.0.count", says: ["只有 0 题"] },
    ],
  },
  "draw-bank-missing": {
    rule: "a draw from a bank that does not exist lists the banks",
    expected: [{ file: FINAL, line: 11, column: 15, field: "quizzes.0.draw.0.bank", says: ["没有编号为 procedure-basics 的题库", "procedure-core、procedure-final"] }],
  },
  "cross-bank-pool-too-small": {
    rule: "a draw from another bank asking for more than that bank holds",
    expected: [{ file: FINAL, line: 10, column: 16, field: "quizzes.0.draw.0.count", says: ["要抽 7 题", "procedure-core", "只有 6 题"] }],
  },
  "item-id-in-two-banks": {
    rule: "an item id used in two banks names the first file and line",
    expected: [{ file: FINAL, line: 5, column: 9, field: "items.0.id", says: ["题目编号 mediation-is-free 已在 content/quizzes/procedure-core.yaml:37"] }],
  },
  "objective-beyond-list": {
    rule: "an objective number past the end of the lesson's objectives says how many there are",
    expected: [{ file: CORE, line: 24, column: 16, field: "items.0.objective", says: ["只有 2 条学习目标，没有第 3 条", "从 1 数起"] }],
  },
  "objective-unknown-lesson": {
    rule: "an objective of a lesson that does not exist",
    expected: [{ file: CORE, line: 24, column: 16, field: "items.0.objective", says: ["找不到课时 procedure/start-mediation"] }],
  },
  "objective-bad-form": {
    rule: "an objective written without its course shows the form <course>/<lesson>#<n>",
    expected: [{ file: CORE, line: 24, column: 16, field: "items.0.objective", says: ["<课程编号>/<课时编号>#<第几条学习目标>", "procedure/starting-mediation#2"] }],
  },
  "ordering-unknown-step": {
    rule: "an ordering answer naming a step that is not an option (so one step is missing)",
    expected: [
      { file: CORE, line: 53, column: 40, field: "items.3.answer.3", says: ["signing 不是本题的步骤", "accept、prepare、session、agreement"] },
      { file: CORE, line: 53, column: 13, field: "items.3.answer", says: ["缺少 agreement"] },
    ],
  },
  "matching-duplicate-prompt": {
    rule: "two matching prompts with one id (so the answer's other key names no prompt)",
    expected: [
      { file: CORE, line: 65, column: 15, field: "items.4.prompts.2.id", says: ["左侧编号 wages 重复"] },
      { file: CORE, line: 71, column: 57, field: "items.4.answer.assault", says: ["assault 不是左侧的编号"] },
    ],
  },
  "quiz-id-twice-in-bank": {
    rule: "a quiz id used twice in one bank names the first line",
    expected: [{ file: FINAL, line: 18, column: 9, field: "quizzes.1.id", says: ["procedure-final-test 在本文件第 5 行已经用过"] }],
  },
  "bank-id-twice": {
    rule: "a bank id used by two files names the first file (its own draws then read the other bank as this one)",
    expected: [
      { file: FINAL, line: 2, column: 5, field: "id", says: ["procedure-core.yaml"] },
      { file: FINAL, line: 10, column: 16, field: "quizzes.0.draw.0.count", says: ["只有 0 题"] },
      { file: FINAL, line: 2, column: 5, field: "id", says: ["题库编号 procedure-core 已在 content/quizzes/procedure-core.yaml 中使用"] },
    ],
  },
  "quiz-id-in-two-banks": {
    rule: "a quiz id used in two banks",
    expected: [{ file: FINAL, line: 5, column: 9, field: "quizzes.0.id", says: ["测验编号 the-session-check 已在 content/quizzes/procedure-core.yaml:98"] }],
  },
  "two-checks-for-one-lesson": {
    rule: "two lesson checks for one lesson",
    expected: [{ file: FINAL, line: 21, column: 13, field: "quizzes.1.lesson", says: ["procedure/the-session 已有课后小测", "procedure-core.yaml:98"] }],
  },
};

describe("the valid banks", () => {
  it("have no issues", () => {
    const { issues, banks, catalog } = check(validFiles());
    expect(issues, formatIssues(issues)).toEqual([]);
    expect(banks.map((b) => b.data.id)).toEqual(["procedure-core", "procedure-final"]);
    expect(catalog.items.size).toBe(6);
    expect([...catalog.quizzes.keys()]).toEqual(["the-session-check", "procedure-final-test"]);
  });

  it("read from disk give the same result, with paths relative to the root", () => {
    const { issues, banks } = checkQuizDir({ root: validDir, quizzes: validDir }, known);
    expect(issues).toEqual([]);
    expect(banks.map((b) => b.file)).toEqual(["procedure-core.yaml", "procedure-final.yaml"]);
  });

  it("cover every item type", () => {
    const { catalog } = check(validFiles());
    expect(new Set([...catalog.items.values()].map((c) => c.item.type))).toEqual(
      new Set(["single", "multiple", "true-false", "ordering", "matching", "case-judgement"]),
    );
  });
});

describe("each mutation yields exactly the issues for its one mistake", () => {
  it("has a case for every mutation and a mutation for every case", () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(mutations).sort());
  });

  for (const [name, { rule, expected }] of Object.entries(cases)) {
    it(`${name}: ${rule}`, () => {
      const { issues } = check(applyMutations(validFiles(), mutations[name]));
      expect(issues.map(({ file, line, column, field }) => ({ file, line, column, field }))).toEqual(
        expected.map(({ file, line, column, field }) => ({ file, line, column, field })),
      );
      issues.forEach((issue: ContentIssue, i) => {
        for (const words of expected[i].says) expect(issue.message).toContain(words);
      });
    });
  }
});

describe("rule codes", () => {
  it("every quiz checker rule code has a failing mutation", () => {
    const found = new Set(Object.values(mutations).flatMap((m) => check(applyMutations(validFiles(), m)).issues.map((i) => i.code)));
    expect(quizRuleCodes.filter((code) => !found.has(code))).toEqual([]);
    const exported = new Set<string>(quizRuleCodes);
    expect([...found].filter((code) => code !== undefined && !exported.has(code))).toEqual([]);
  });
});

describe("objective references", () => {
  it("accept an objective within the lesson's list, and count from 1", () => {
    const files = applyMutations(validFiles(), [
      { file: CORE, replace: ["    lesson: procedure/starting-mediation\n", "    lesson: procedure/starting-mediation\n    objective: procedure/starting-mediation#2\n"] },
    ]);
    const { issues, catalog } = check(files);
    expect(issues).toEqual([]);
    expect(catalog.items.get("who-may-apply")?.item.objective).toBe("procedure/starting-mediation#2");
  });

  it("are checked only for their lesson when the objectives are not known", () => {
    const files = applyMutations(validFiles(), mutations["objective-beyond-list"]);
    const withoutObjectives = { ...known, objectives: undefined };
    expect(checkQuizzes([...files].map(([file, text]) => ({ file, text })), withoutObjectives).issues).toEqual([]);
  });
});

describe("checkQuizText alone", () => {
  it("returns the bank even when a later rule fails, so cross-bank checks still see its ids", () => {
    const files = applyMutations(validFiles(), mutations["single-answer-not-an-option"]);
    const { bank, issues } = checkQuizText(files.get(CORE) as string, CORE, known);
    expect(bank?.data.id).toBe("procedure-core");
    expect(issues).toHaveLength(1);
  });

  it("leaves draws from other banks to the cross-bank check", () => {
    const { issues } = checkQuizText(validFiles().get(FINAL) as string, FINAL, known);
    expect(issues).toEqual([]);
  });
});

describe("coverage", () => {
  it("names lessons without a lesson check and courses without a final", () => {
    const { banks } = check(validFiles());
    const issues = checkQuizCoverage(banks, known);
    expect(issues.map((i) => i.message)).toEqual([
      "课时 procedure/starting-mediation 还没有课后小测（kind: lesson-check）",
      "课时 procedure/ending-mediation 还没有课后小测（kind: lesson-check）",
    ]);
  });
});

describe("knownFromContentSet", () => {
  it("lists the shipped curriculum's provisions, lessons and courses", () => {
    const root = process.cwd();
    const { set } = readContentSet({ root, content: contentDir(root) });
    const shipped = knownFromContentSet(set);
    expect(shipped.provisions.has("rmtjf-17")).toBe(true);
    expect(shipped.lessons.has("procedure/the-session")).toBe(true);
    expect(shipped.courses.has("procedure")).toBe(true);
    const session = set.lessons.find((l) => l.folder === "procedure" && l.data.id === "the-session");
    expect(shipped.objectives?.get("procedure/the-session")).toEqual(session?.data.objectives);
  });
});
