/**
 * Node only: the private bank folder a trainer names to `cert paper` and `cert grade`.
 * It must lie outside content/ and dist/ (everything there is published), and it is
 * checked with the quiz checker against the site's content (law, courses, lessons).
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import type { QuizCatalog } from "../quiz/catalog.ts";
import { checkQuizzes, type KnownContent } from "../quiz/check.ts";
import type { Problem } from "./problem.ts";

/** `child` is `parent` or below it. By path segments: "dist/..bank" and "dist/c:bank" are inside dist; another drive (Windows) is not. */
const inside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

const real = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path));

/** Why this folder cannot be a private bank, or undefined. `published` = content/, dist/ and any build output folder. */
export function bankFolderProblem(dir: string, published: readonly string[]): Problem | undefined {
  const path = real(dir);
  if (!existsSync(path) || !statSync(path).isDirectory()) return { code: "bank-missing", values: { dir } };
  const inPublished = published.find((p) => inside(path, real(p)));
  if (inPublished) return { code: "bank-published", values: { dir, published: inPublished } };
  return undefined;
}

export function readPrivateBank(dir: string, root: string, known: KnownContent): { catalog: QuizCatalog; issues: ContentIssue[]; files: number } {
  const names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  const files = names.map((name) => {
    const path = join(dir, name);
    const rel = relative(root, path).split(sep).join("/");
    return { file: rel.startsWith("..") ? path : rel, text: readFileSync(path, "utf8") };
  });
  const { catalog, issues } = checkQuizzes(files, known);
  return { catalog, issues, files: files.length };
}
