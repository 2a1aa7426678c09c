/** One representative URL per page type, found in the built site rather than hard-coded. */
import { readdirSync, statSync, existsSync } from "node:fs";
import { join } from "node:path";
import { distDir } from "./dist.ts";

const dist = distDir();
const dirsIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).sort() : [];

/** The largest scenario graph page (the hardest to fit on a phone), or undefined without scenarios. */
/** Folders under trainers/ that are tools, not a scenario's graph page. */
export const TRAINER_TOOLS: readonly string[] = ["coverage", "class"];

export function largestGraphPage(): string | undefined {
  const dir = join(dist, "trainers");
  const size = (n: string) => statSync(join(dir, n, "index.html")).size;
  const [largest] = dirsIn(dir)
    .filter((n) => !TRAINER_TOOLS.includes(n) && existsSync(join(dir, n, "index.html")))
    .sort((a, b) => size(b) - size(a) || a.localeCompare(b));
  return largest && `trainers/${largest}/`;
}

export function pageTypes(): Record<string, string> {
  const course = dirsIn(join(dist, "courses"))[0];
  const lesson = dirsIn(join(dist, "courses", course))[0];
  const statute = dirsIn(join(dist, "law")).includes("rmtjf") ? "rmtjf" : dirsIn(join(dist, "law"))[0];
  const article = dirsIn(join(dist, "law", statute))[0];
  const term = dirsIn(join(dist, "glossary"))[0];
  if (!course || !lesson || !statute || !article || !term) throw new Error("dist/ has no course, lesson or statute page: build first");
  return {
    home: "",
    catalogue: "courses/",
    course: `courses/${course}/`,
    lesson: `courses/${course}/${lesson}/`,
    "law library": "law/",
    statute: `law/${statute}/`,
    provision: `law/${statute}/${article}/`,
    glossary: "glossary/",
    term: `glossary/${term}/`,
    search: "search/?q=调解协议",
    "scenario list": "scenarios/",
    "my learning": "me/",
    "record import": "me/import/",
    quiz: `quizzes/${dirsIn(join(dist, "quizzes"))[0]}/`,
    trainers: "trainers/",
    coverage: "trainers/coverage/",
    "class report": "trainers/class/",
    ...(largestGraphPage() ? { "scenario graph": largestGraphPage()! } : {}),
    authoring: "authoring/",
    "scenario authoring": "authoring/scenarios/",
    "quiz authoring": "authoring/quizzes/",
    verify: "verify/",
    certification: "certification/",
    townships: "townships/",
    ...(dirsIn(join(dist, "townships"))[0] ? { "township roster": `townships/${dirsIn(join(dist, "townships"))[0]}/` } : {}),
    // One page for every certificate; without a registry it shows the number form.
    certificate: "certificates/",
    "not found": "no-such-page/",
  };
}

/** Every lesson page path in dist/, in course order of the folders. */
export function lessonPaths(): string[] {
  return dirsIn(join(dist, "courses")).flatMap((course) =>
    dirsIn(join(dist, "courses", course)).map((lesson) => `courses/${course}/${lesson}/`),
  );
}
