/**
 * The real content/ folder, as shipped. A failure names the lesson file to fix.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scanComponents } from "../../../src/lib/content/body-scan.ts";
import { checkContent } from "../../../src/lib/content/files.ts";
import { formatIssues } from "../../../src/lib/content/issues.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const content = fileURLToPath(new URL("../../../content/", import.meta.url));
const { set, issues } = checkContent({ root, content });

/** The numbered questions under `## 复习题`, up to the next `##` heading. */
function reviewQuestions(body: string): number[] | undefined {
  const lines = body.split(/\r?\n/);
  const start = lines.findIndex((line) => /^##\s+复习题\s*$/.test(line));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && /^##?\s/.test(line));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .map((line) => /^(\d+)\.\s+\S/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]));
}

describe("shipped content", () => {
  it("passes the content check with zero issues", () => {
    expect(issues, `\n${formatIssues(issues)}\n`).toEqual([]);
  });

  it("has at least 3 courses and 18 lessons", () => {
    expect(set.courses.length).toBeGreaterThanOrEqual(3);
    expect(set.lessons.length).toBeGreaterThanOrEqual(18);
  });

  it("has at least one lesson in every course", () => {
    for (const course of set.courses) {
      expect(set.lessons.filter((l) => l.folder === course.folder).length, course.file).toBeGreaterThan(0);
    }
  });

  describe.each(set.lessons.map((lesson) => [lesson.file, lesson] as const))("%s", (_file, lesson) => {
    it("has learning objectives", () => {
      expect(lesson.data.objectives.length).toBeGreaterThanOrEqual(1);
      for (const objective of lesson.data.objectives) expect(objective.trim()).not.toBe("");
    });

    it("cites at least one <Law> in its body when its frontmatter lists law", () => {
      if (lesson.data.law.length === 0) return;
      const cited = scanComponents(lesson.body).filter((use) => use.name === "Law");
      expect(cited.length, `frontmatter law: ${lesson.data.law.join(", ")}`).toBeGreaterThan(0);
    });

    it("ends with a `## 复习题` section of 2–3 questions numbered from 1", () => {
      const numbers = reviewQuestions(lesson.body);
      expect(numbers, "no `## 复习题` heading").toBeDefined();
      expect(numbers!.length).toBeGreaterThanOrEqual(2);
      expect(numbers!.length).toBeLessThanOrEqual(3);
      expect(numbers).toEqual(numbers!.map((_, i) => i + 1));
    });
  });
});
