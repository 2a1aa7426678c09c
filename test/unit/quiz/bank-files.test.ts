/**
 * Reading bank files: the text of one bank (parse.ts), the folder of banks (files.ts), and
 * the shape an answer must have to be stored with an attempt (response.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkQuizDir } from "../../../src/lib/quiz/files.ts";
import { parseBankText } from "../../../src/lib/quiz/parse.ts";
import { responseSchema } from "../../../src/lib/quiz/response.ts";
import { CORE, FINAL, known, validFiles } from "./check-mutations.ts";

const FILE = "content/quizzes/empty.yaml";

describe("parseBankText", () => {
  it("reads a valid bank with no issues, and locates its fields", () => {
    const text = validFiles().get(CORE)!;
    const { value, issues, locate } = parseBankText(text, CORE);
    expect(issues).toEqual([]);
    expect(value?.id).toBe("procedure-core");
    expect(value?.items).toHaveLength(6);
    expect(locate(["items", 1, "id"])).toEqual({ line: 24, column: 9 });
  });

  it.each([
    ["an empty file", ""],
    ["a file of blank lines", "\n\n"],
    ["a file holding only a comment", "# 题库\n"],
    ["a file holding only ~ (null)", "~\n"],
  ])("says %s is empty, on its first line", (_what, text) => {
    const { value, issues, locate } = parseBankText(text, FILE);
    expect(value).toBeUndefined();
    expect(issues).toEqual([{ file: FILE, line: 1, column: 1, field: "", message: "文件是空的" }]);
    expect(locate(["id"])).toEqual({ line: 1, column: 1 });
  });

  it("reports a YAML error and nothing else, with no value", () => {
    const { value, issues } = parseBankText("id: a\n  title: b\n items: [\n", FILE);
    expect(value).toBeUndefined();
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue).toMatchObject({ file: FILE, field: "" });
    expect(issues[0]!.message).toMatch(/^YAML 格式错误：/);
  });

  it("reports schema issues at their line, with no value, and still locates fields", () => {
    const text = validFiles().get(FINAL)!.replace("passMark: 80", "passMark: 180");
    const { value, issues, locate } = parseBankText(text, FINAL);
    expect(value).toBeUndefined();
    expect(issues).toEqual([{ file: FINAL, line: 14, column: 15, field: "quizzes.0.passMark", message: "及格线 passMark（百分比）最大是 100" }]);
    expect(locate(["quizzes", 0, "passMark"])).toEqual({ line: 14, column: 15 });
  });

  it("a file that is a list, not a bank, asks for a bank's fields", () => {
    const { value, issues } = parseBankText("- id: a\n", FILE);
    expect(value).toBeUndefined();
    expect(issues).toEqual([{ file: FILE, line: 1, column: 1, field: "", message: "应为字段组，实际是列表（每项以 - 开头）" }]);
  });
});

describe("checkQuizDir", () => {
  it("reads only the .yaml and .yml files, in name order, with paths relative to the root using /", () => {
    const root = mkdtempSync(join(tmpdir(), "quiz-dir-"));
    try {
      const quizzes = join(root, "content", "quizzes");
      mkdirSync(quizzes, { recursive: true });
      const valid = validFiles();
      writeFileSync(join(quizzes, "procedure-final.yaml"), valid.get(FINAL)!);
      writeFileSync(join(quizzes, "procedure-core.yml"), valid.get(CORE)!);
      // Not banks: a backup, a note, and a name that merely ends in "yaml".
      writeFileSync(join(quizzes, "procedure-core.yaml.bak"), "not: [a bank");
      writeFileSync(join(quizzes, "README.md"), "# 题库\n");
      writeFileSync(join(quizzes, "notes-yaml"), "not: [a bank");
      const { banks, issues, catalog } = checkQuizDir({ root, quizzes }, known);
      expect(banks.map((b) => b.file)).toEqual(["content/quizzes/procedure-core.yml", "content/quizzes/procedure-final.yaml"]);
      // A .yml bank is read, and then asked to be renamed: bank files end in .yaml.
      expect(issues.map(({ file, field, message }) => ({ file, field, message }))).toEqual([
        { file: "content/quizzes/procedure-core.yml", field: "id", message: "文件名应与题库编号一致：请把文件命名为 procedure-core.yaml，或把 id 改成文件名" },
      ]);
      expect(catalog.quizzes.has("procedure-final-test")).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("finds no banks when the folder does not exist", () => {
    const root = mkdtempSync(join(tmpdir(), "quiz-dir-"));
    try {
      const { banks, issues, catalog } = checkQuizDir({ root, quizzes: join(root, "content", "quizzes") }, known);
      expect(banks).toEqual([]);
      expect(issues).toEqual([]);
      expect(catalog.items.size).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("reads the file's text as UTF-8, so Chinese titles survive", () => {
    const root = mkdtempSync(join(tmpdir(), "quiz-dir-"));
    try {
      writeFileSync(join(root, "procedure-final.yaml"), validFiles().get(FINAL)!);
      writeFileSync(join(root, "procedure-core.yaml"), validFiles().get(CORE)!);
      const { banks, issues } = checkQuizDir({ root, quizzes: root }, known);
      expect(issues).toEqual([]);
      expect(banks.map((b) => [b.file, b.data.title])).toEqual([
        ["procedure-core.yaml", "调解程序基础题库"],
        ["procedure-final.yaml", "调解程序结课测试"],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("responseSchema", () => {
  it.each<[string, unknown]>([
    ["an option id", "a"],
    ["true", true],
    ["false", false],
    ["a list of option ids", ["a", "c"]],
    ["an empty list", []],
    ["pairs", { noise: "committee" }],
    ["no answer", null],
    ["an id of 100 characters", "x".repeat(100)],
    ["a list of 20 ids", Array.from({ length: 20 }, (_, i) => `o${i}`)],
  ])("accepts %s", (_what, value) => {
    expect(responseSchema.safeParse(value).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ["a number", 3],
    ["an id of 101 characters", "x".repeat(101)],
    ["a list of 21 ids", Array.from({ length: 21 }, (_, i) => `o${i}`)],
    ["a list with a number", ["a", 1]],
    ["pairs naming a number", { noise: 1 }],
    ["pairs naming an id of 101 characters", { noise: "x".repeat(101) }],
    ["nothing", undefined],
  ])("refuses %s", (_what, value) => {
    expect(responseSchema.safeParse(value).success).toBe(false);
  });
});
