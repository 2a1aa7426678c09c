/** Reads content/quizzes/*.yaml and checks them. Node-only; everything after reading is pure. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import type { QuizCatalog } from "./catalog.ts";
import { checkQuizzes, type CheckedBank, type KnownContent } from "./check.ts";

export interface QuizDirs {
  /** Project root, used to print relative paths. */
  root: string;
  /** The folder holding the bank files, normally content/quizzes. */
  quizzes: string;
}

export function checkQuizDir({ root, quizzes }: QuizDirs, known: KnownContent): { banks: CheckedBank[]; catalog: QuizCatalog; issues: ContentIssue[] } {
  const names = existsSync(quizzes) ? readdirSync(quizzes).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
  const files = names.map((name) => {
    const path = join(quizzes, name);
    return { file: relative(root, path).split(sep).join("/"), text: readFileSync(path, "utf8") };
  });
  return checkQuizzes(files, known);
}
