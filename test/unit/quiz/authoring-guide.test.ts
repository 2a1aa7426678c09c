/**
 * The question-bank guide (/authoring/quizzes/) must not teach anything the checker
 * rejects: its template passes, every item example passes inside a bank, its draw and
 * final-test examples pass, the partial credit it states is what grading gives, and the
 * checker messages it quotes are the checker's own, line for line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { zhCN } from "../../../src/i18n/zh-CN.ts";
import { readContentSet } from "../../../src/lib/content/files.ts";
import { formatIssues } from "../../../src/lib/content/issues.ts";
import { checkQuizText, checkQuizzes, knownFromContentSet } from "../../../src/lib/quiz/check.ts";
import { gradeItem } from "../../../src/lib/quiz/grade.ts";
import { itemTypes, type ItemOfType, type QuizItem } from "../../../src/lib/quiz/schema.ts";

const root = process.cwd();
const { set } = readContentSet({ root, content: join(root, "content") });
const known = knownFromContentSet(set);
const quizDir = join(root, "content", "quizzes");
const shippedFiles = readdirSync(quizDir)
  .filter((n) => n.endsWith(".yaml"))
  .map((n) => ({ file: `content/quizzes/${n}`, text: readFileSync(join(quizDir, n), "utf8") }));
const shipped = checkQuizzes(shippedFiles, known);
const guide = readFileSync(join(root, "src/pages/authoring/quizzes.mdx"), "utf8");
const blocks = (lang: string) => [...guide.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);
const yaml = blocks("yaml");
/** The guide's text with the few HTML character references MDX needs turned back into characters. */
const guideText = guide.replace(/&lt;/g, "<").replace(/&gt;/g, ">");

const template = yaml.find((b) => /^id: my-bank\b/m.test(b))!;
const broken = yaml.find((b) => /^id: my-bank-with-mistakes\b/m.test(b))!;
const itemExamples = yaml.filter((b) => b.startsWith("- id: "));
const indent = (text: string, by: string) => text.replace(/^(?=.)/gm, by);

/** A bank file holding `items` (YAML list text) and optional `quizzes`, checked as content/quizzes/guide.yaml. */
function check(items: string, quizzes = "") {
  const text = `id: guide\ntitle: 指南里的例子\nitems:\n${indent(items, "  ")}${quizzes ? `quizzes:\n${indent(quizzes, "  ")}` : ""}`;
  return checkQuizText(text, "content/quizzes/guide.yaml", known);
}

/** The one item of an example block, parsed by the real checker. */
function itemOf<T extends QuizItem["type"]>(id: string, type: T): ItemOfType<T> {
  const block = itemExamples.find((b) => b.startsWith(`- id: ${id}\n`));
  expect(block, id).toBeDefined();
  const { bank, issues } = check(block!);
  expect(formatIssues(issues)).toBe("");
  const item = bank!.data.items[0];
  expect(item.type).toBe(type);
  return item as ItemOfType<T>;
}

describe("the question-bank guide", () => {
  it("shows a template that passes the checker", () => {
    const { bank, issues } = checkQuizText(template, "content/quizzes/my-bank.yaml", known);
    expect(formatIssues(issues)).toBe("");
    expect(bank!.data.quizzes).toHaveLength(1);
  });

  it("gives one worked example per item type, each passing the checker inside a bank", () => {
    const types = itemExamples.map((b) => b.match(/^ {2}type: ([\w-]+)$/m)![1]);
    expect(types).toEqual([...itemTypes]);
    for (const block of itemExamples) {
      const { bank, issues } = check(block);
      expect(formatIssues(issues), block.split("\n")[0]).toBe("");
      expect(bank!.data.items).toHaveLength(1);
    }
  });

  it("gives item ids no shipped bank uses", () => {
    const ids = itemExamples.map((b) => b.match(/^- id: ([\w-]+)/)![1]);
    for (const id of ids) expect(shipped.catalog.items.has(id), id).toBe(false);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("shows a draw that passes in the procedure bank, and a final test that passes with the template's items", () => {
    // The draw example, as a new quiz at the end of the shipped procedure bank, checked with every shipped bank.
    const draw = yaml.find((b) => b.startsWith("draw:"))!;
    const files = shippedFiles.map(({ file, text }) =>
      file.endsWith("/procedure.yaml") ? { file, text: `${text.trimEnd()}\n  - id: guide-draw\n    title: 抽题的例子\n    kind: course-final\n    course: procedure\n    passMark: 60\n${indent(draw, "    ")}` } : { file, text },
    );
    const { banks, issues } = checkQuizzes(files, known);
    const procedure = banks.find((b) => b.data.id === "procedure")!;
    const at = procedure.data.quizzes.findIndex((q) => q.id === "guide-draw");
    expect(procedure.data.quizzes[at].draw).toHaveLength(3);
    expect(formatIssues(issues.filter((i) => i.field.startsWith(`quizzes.${at}.draw`)))).toBe("");

    const templateItems = template.slice(template.indexOf("items:"), template.indexOf("quizzes:")).replace(/^items:.*\n/, "").replace(/^ {2}/gm, "");
    const final = yaml.find((b) => b.startsWith("quizzes:"))!.replace(/^quizzes:\n/, "").replace(/^ {2}/gm, "");
    const { bank, issues: finalIssues } = check(templateItems, final);
    expect(formatIssues(finalIssues)).toBe("");
    expect(bank!.data.quizzes[0]).toMatchObject({ kind: "course-final", course: "basics" });
  });

  it("states the partial credit grading gives", () => {
    const multiple = itemOf("guide-multiple-agreement", "multiple");
    const score = (rule: "all-or-nothing" | "partial-if-no-wrong" | "proportional-with-penalty", chosen: string[]) =>
      gradeItem({ ...multiple, scoring: rule }, chosen).score;
    // Rows of the table: only a, b · a, b, d · a, b, c.
    expect([["a", "b"], ["a", "b", "d"], ["a", "b", "c"]].map((c) => score("all-or-nothing", c))).toEqual([0, 0, 1]);
    expect([["a", "b"], ["a", "b", "d"], ["a", "b", "c"]].map((c) => score("partial-if-no-wrong", c))).toEqual([0.6667, 0, 1]);
    expect([["a", "b"], ["a", "b", "d"], ["a", "b", "c"]].map((c) => score("proportional-with-penalty", c))).toEqual([0.6667, 0.3333, 1]);
    expect(guide).toContain("| `all-or-nothing` | 全对才得分：正确的都选上、错误的一个不选，才得满分，否则 0 分 | 0 分 | 0 分 | 1 分 |");
    expect(guide).toMatch(/\| `partial-if-no-wrong` \|[^|]+\| 2\/3 分 \| 0 分 \| 1 分 \|/);
    expect(guide).toMatch(/\| `proportional-with-penalty` \|[^|]+\| 2\/3 分 \| 1\/3 分 \| 1 分 \|/);

    const ordering = itemOf("guide-ordering-labour", "ordering");
    expect(gradeItem(ordering, ["mediate", "arbitrate", "court", "talk"]).score).toBeCloseTo(2 / 3, 3);
    expect(gradeItem(ordering, ["talk", "arbitrate", "mediate", "court"]).score).toBe(0);
    expect(guide).toContain("学员排成“调解 → 仲裁 → 起诉 → 协商”");
    expect(guide).toContain("得 2/3 分；");
    expect(guide).toContain("学员排成“协商 → 仲裁 → 调解 → 起诉”：三对都不对，得 0 分");

    const matching = itemOf("guide-matching-articles", "matching");
    expect(gradeItem(matching, { art4: "free", art17: "refuse", art33: "lawyer" }).score).toBeCloseTo(2 / 3, 3);
    expect(guide).toContain("左边三项配对了两项，得 2/3 分");

    for (const [id, type] of [["guide-single-fee", "single"], ["guide-true-false-refusal", "true-false"], ["guide-case-confirmation", "case-judgement"]] as const) {
      const item = itemOf(id, type);
      expect(gradeItem(item, item.answer).score, id).toBe(1);
    }
  });

  it("quotes the checker's report on its broken bank exactly", () => {
    const { issues } = checkQuizText(broken, "content/quizzes/my-bank-with-mistakes.yaml", known);
    const report = blocks("text").find((b) => b.startsWith("content/quizzes/my-bank-with-mistakes.yaml"));
    expect(report).toBe(`${formatIssues(issues)}\n`);
  });

  it("quotes the checker's own words for the format mistakes it lists", () => {
    const tf = (extra: string) => `- id: x\n  type: true-false\n  stem: 调解要收费吗？\n  answer: false\n  explanation: 第四条规定不收费。\n${extra}`;
    const cases = [
      "- id: x\n  type: choice\n  stem: 调解要收费吗？\n  answer: a\n  explanation: 第四条规定不收费。\n  tags: [收费]\n  difficulty: 1\n",
      "- id: x\n  type: true-false\n  stem: 调解要收费吗？\n  answer: 错\n  explanation: 第四条规定不收费。\n  tags: [收费]\n  difficulty: 1\n",
      tf("  difficulty: 1\n"),
      tf("  tags: [收费]\n  difficulty: 4\n"),
      tf("  tags: [收费]\n  difficulty: 1\n  objective: procedure/starting-mediation\n"),
    ];
    for (const items of cases) {
      const { issues } = check(items);
      expect(issues).toHaveLength(1);
      expect(guideText, items).toContain(`| ${issues[0].message} |`);
    }
  });

  it("names the difficulty levels with the site's one set of names", () => {
    const names = [1, 2, 3].map((n) => zhCN[`scenario.difficulty.${n}` as keyof typeof zhCN]);
    expect(template).toContain(`# 难度：1 ${names[0]}，2 ${names[1]}，3 ${names[2]}`);
    expect(guide).toContain('{t("scenario.difficulty.1")}');
  });
});
