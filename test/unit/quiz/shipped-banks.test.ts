/** The shipped question banks: valid, and covering every lesson with a check and every course with a final. */
import { describe, expect, test } from "vitest";
import { join } from "node:path";
import { readContentSet } from "../../../src/lib/content/files.ts";
import { formatIssues } from "../../../src/lib/content/issues.ts";
import { checkQuizCoverage, knownFromContentSet } from "../../../src/lib/quiz/check.ts";
import { drawQuiz } from "../../../src/lib/quiz/draw.ts";
import { checkQuizDir } from "../../../src/lib/quiz/files.ts";

const root = process.cwd();
const { set } = readContentSet({ root, content: join(root, "content") });
const known = knownFromContentSet(set);
const { banks, catalog, issues } = checkQuizDir({ root, quizzes: join(root, "content", "quizzes") }, known);

describe("shipped question banks", () => {
  test("pass the checker", () => {
    expect(issues, formatIssues(issues)).toEqual([]);
  });

  test("give every lesson an end-of-lesson check and every course a final test", () => {
    const missing = checkQuizCoverage(banks, known);
    expect(missing.map((m) => m.message)).toEqual([]);
  });

  test("every quiz draws its full count for many seeds", () => {
    for (const quiz of banks.flatMap((b) => b.data.quizzes)) {
      const wanted = quiz.draw.reduce((n, rule) => n + rule.count, 0);
      for (let seed = 0; seed < 25; seed++) expect(drawQuiz(quiz.id, `seed-${seed}`, catalog).items).toHaveLength(wanted);
    }
  });
});
