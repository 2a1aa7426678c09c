/**
 * The bank checker at its edges: rules that must stay quiet (an item's own scoring rule,
 * a pool that fits exactly), a second final for one course, files given in any order or
 * named .yml, and courses without a final.
 */
import { describe, expect, it } from "vitest";
import { formatIssues } from "../../../src/lib/content/issues.ts";
import { checkQuizCoverage, checkQuizzes } from "../../../src/lib/quiz/check.ts";
import { applyMutations, CORE, FINAL, known, mutations, validFiles } from "./check-mutations.ts";

const check = (files: Map<string, string>, order: "sorted" | "reversed" = "sorted") => {
  const list = [...files].map(([file, text]) => ({ file, text }));
  return checkQuizzes(order === "sorted" ? list : list.reverse(), known);
};

describe("rules that must stay quiet", () => {
  it("accept a multiple-choice item that states its own rule in a bank without one", () => {
    const files = applyMutations(validFiles(), [
      ...mutations["multiple-without-scoring-rule"],
      { file: CORE, replace: ["    answer: [a, b, d]\n", "    answer: [a, b, d]\n    scoring: all-or-nothing\n"] },
    ]);
    const { issues } = check(files);
    expect(issues, formatIssues(issues)).toEqual([]);
  });

  it("accept a draw whose pool, less what earlier rules may take, holds exactly its count", () => {
    // Rule 1 takes all 3 items tagged 受理; rule 2's pool of 4 shares one of them, leaving 3 ≥ 2.
    const files = applyMutations(validFiles(), [{ file: CORE, replace: ["      - count: 2\n        tags: [受理]", "      - count: 3\n        tags: [受理]"] }]);
    const { issues } = check(files);
    expect(issues, formatIssues(issues)).toEqual([]);
    // Rule 2 asking for all 4 of its pool no longer fits: the shared item may be gone.
    const tight = applyMutations(files, [{ file: CORE, replace: ["      - count: 2\n        tags: [调解原则, 调解程序]", "      - count: 4\n        tags: [调解原则, 调解程序]"] }]);
    expect(check(tight).issues.map((i) => i.code)).toEqual(["draw-pool-too-small"]);
    expect(check(tight).issues[0].message).toContain("最多 1 题可能已被前面的抽题规则抽走，还差 1 题");
  });

  it("accept a cross-bank draw of exactly the other bank's size", () => {
    const files = applyMutations(validFiles(), [{ file: FINAL, replace: ["      - count: 5", "      - count: 6"] }]);
    const { issues } = check(files);
    expect(issues, formatIssues(issues)).toEqual([]);
  });
});

describe("item rules", () => {
  it("check a case-judgement answer against its options", () => {
    const files = applyMutations(validFiles(), [{ file: CORE, replace: ["    answer: a\n    explanation: 《人民调解法》第二十六条", "    answer: d\n    explanation: 《人民调解法》第二十六条"] }]);
    const { issues } = check(files);
    expect(issues.map(({ field, code }) => ({ field, code }))).toEqual([{ field: "items.5.answer", code: "answer-not-an-option" }]);
  });

  it("tell a missing article of a known statute from a statute that does not exist", () => {
    const twoStatutes = { ...known, provisions: new Set(["xzfy-1", ...known.provisions]) };
    const files = applyMutations(validFiles(), mutations["unknown-provision"]);
    const { issues } = checkQuizzes([...files].map(([file, text]) => ({ file, text })), twoStatutes);
    expect(issues.map((i) => i.message)).toEqual(["条文 rmtjf-99 不存在：content/law/rmtjf.yaml 里没有这一条，请先添加或改正条号"]);
  });
});

describe("a quiz drawing from its own bank and another", () => {
  // procedure-final gains one item of its own; its final draws 5 from procedure-core and 1 from itself.
  const mixed = (coreCount: number) =>
    applyMutations(validFiles(), [
      {
        file: FINAL,
        replace: [
          "quizzes:\n",
          ["items:", "  - id: final-only", "    type: true-false", "    stem: 人民调解不收取任何费用。", "    answer: true", "    explanation: 第四条规定调解不收费。", "    tags: [调解原则]", "    difficulty: 1", "quizzes:", ""].join("\n"),
        ],
      },
      { file: FINAL, replace: ["      - count: 5\n        bank: procedure-core\n", `      - count: ${coreCount}\n        bank: procedure-core\n      - count: 1\n`] },
    ]);

  it("is checked once, over every bank: valid when both pools suffice", () => {
    const { issues } = check(mixed(5));
    expect(issues, formatIssues(issues)).toEqual([]);
  });

  it("reports the other bank's pool when it is too small", () => {
    const { issues } = check(mixed(7));
    expect(issues.map(({ file, field, code }) => ({ file, field, code }))).toEqual([{ file: FINAL, field: "quizzes.0.draw.0.count", code: "draw-pool-too-small" }]);
  });
});

describe("one final per course", () => {
  it("reports a second course final for the same course, saying 课程", () => {
    const files = applyMutations(validFiles(), [
      {
        file: FINAL,
        replace: [
          "    reveal: false\n",
          ["    reveal: false", "  - id: procedure-final-retake", "    title: 补考", "    kind: course-final", "    course: procedure", "    draw:", "      - count: 1", "        bank: procedure-core", "    passMark: 60", ""].join("\n"),
        ],
      },
    ]);
    const { issues } = check(files);
    expect(issues.map(({ file, field, code }) => ({ file, field, code }))).toEqual([{ file: FINAL, field: "quizzes.1.course", code: "quiz-duplicate-target" }]);
    expect(issues[0].message).toContain("procedure 已有结课测试（content/quizzes/procedure-final.yaml:5），每个课程只设一个");
  });
});

describe("files in any order", () => {
  it("reports a bank id used twice on the later file by name, whatever order the files come in", () => {
    const files = applyMutations(validFiles(), mutations["bank-id-twice"]);
    const sorted = check(files).issues;
    expect(check(files, "reversed").issues).toEqual(sorted);
    expect(sorted.every((i) => i.file === FINAL)).toBe(true);
  });

  it("does not report draws from a .yml bank that failed its schema as a missing bank", () => {
    const broken = applyMutations(validFiles(), [...mutations["yaml-bad-indent"], { rename: [CORE, "content/quizzes/procedure-core.yml"] }]);
    const { issues } = check(broken);
    expect(issues.map((i) => i.file)).toEqual(["content/quizzes/procedure-core.yml"]);
    expect(issues.some((i) => i.code === "draw-unknown-bank")).toBe(false);
  });
});

describe("coverage", () => {
  it("names a course without a final, reported against the quiz folder", () => {
    const { banks } = check(validFiles());
    const withCourse = { ...known, lessons: new Set(["procedure/the-session"]), courses: new Set(["procedure", "family"]) };
    expect(checkQuizCoverage(banks, withCourse)).toEqual([
      { file: "content/quizzes", line: 0, column: 0, field: "", message: "课程 family 还没有结课测试（kind: course-final）" },
    ]);
    expect(checkQuizCoverage(banks, withCourse, "quizzes")[0].file).toBe("quizzes");
  });
});
