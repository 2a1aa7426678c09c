/** Reads content/ from disk into a ContentSet. Node-only; everything after reading is pure. */
import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { crossCheck } from "./check.ts";
import type { ContentIssue } from "./issues.ts";
import type { ContentSet } from "./model.ts";
import { parseCourseText, parseGlossaryText, parseLessonText, parseStatuteText } from "./parse.ts";

export interface ContentDirs {
  /** Project root, used to print relative paths. */
  root: string;
  /** The content folder (content/ unless overridden, e.g. by the benchmark). */
  content: string;
}

const listFiles = (dir: string, pattern: RegExp): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((n) => pattern.test(n)).sort().map((n) => join(dir, n)) : [];

export function readContentSet({ root, content }: ContentDirs): { set: ContentSet; issues: ContentIssue[] } {
  const rel = (path: string) => relative(root, path).split(sep).join("/");
  const issues: ContentIssue[] = [];
  const set: ContentSet = { statutes: [], glossaries: [], courses: [], lessons: [], courseFolders: [], unparsedLessonKeys: [] };

  for (const path of listFiles(join(content, "law"), /\.ya?ml$/)) {
    const file = rel(path);
    const parsed = parseStatuteText(readFileSync(path, "utf8"), file);
    issues.push(...parsed.issues);
    if (parsed.value) set.statutes.push({ file, data: parsed.value, locate: parsed.locate });
  }
  for (const path of listFiles(join(content, "glossary"), /\.ya?ml$/)) {
    const file = rel(path);
    const parsed = parseGlossaryText(readFileSync(path, "utf8"), file);
    issues.push(...parsed.issues);
    if (parsed.value) set.glossaries.push({ file, terms: parsed.value, locate: parsed.locate });
  }
  const coursesDir = join(content, "courses");
  const folders = existsSync(coursesDir)
    ? readdirSync(coursesDir).filter((n) => statSync(join(coursesDir, n)).isDirectory()).sort()
    : [];
  for (const folder of folders) {
    for (const path of listFiles(join(coursesDir, folder), /\.mdx?$/)) {
      const file = rel(path);
      const text = readFileSync(path, "utf8");
      if (path.endsWith(`${sep}index.mdx`)) {
        set.courseFolders.push(folder);
        const parsed = parseCourseText(text, file);
        issues.push(...parsed.issues);
        if (parsed.value) set.courses.push({ file, folder, data: parsed.value, body: parsed.body, bodyOffset: parsed.bodyOffset, locate: parsed.locate });
      } else {
        const parsed = parseLessonText(text, file);
        issues.push(...parsed.issues);
        const rawId = (parsed.raw as { id?: unknown } | undefined)?.id;
        if (!parsed.value && typeof rawId === "string") set.unparsedLessonKeys.push(`${folder}/${rawId}`);
        if (parsed.value) set.lessons.push({ file, folder, data: parsed.value, body: parsed.body, bodyOffset: parsed.bodyOffset, locate: parsed.locate });
      }
    }
  }
  return { set, issues };
}

/** Every content issue in the tree: per-file schema problems and cross-file problems. */
export function checkContent(dirs: ContentDirs): { set: ContentSet; issues: ContentIssue[] } {
  const { set, issues } = readContentSet(dirs);
  return { set, issues: [...issues, ...crossCheck(set)] };
}
