/**
 * Writes an N× larger curriculum: law, glossary (anything beside courses/) copied once,
 * every course replicated N times. Copy 1 keeps its ids; copy r gets `<id>-r<r>`, and
 * every reference to a course (course prerequisites, `<course>/<lesson>` lesson
 * prerequisites) points at the same copy, so the result passes the content checker.
 */
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { splitFrontmatter } from "../../src/lib/content/source.ts";

export function generateCurriculum(source: string, target: string, scale: number): void {
  for (const name of readdirSync(source)) {
    if (name !== "courses") cpSync(join(source, name), join(target, name), { recursive: true });
  }

  const coursesDir = join(source, "courses");
  const courseIds = readdirSync(coursesDir).filter((name) => statSync(join(coursesDir, name)).isDirectory());
  // Course `order` must be unique across the catalogue: copy r is shifted past copy r-1.
  const orderStep = Math.max(0, ...courseIds.map((id) => Number(frontmatterOf(join(coursesDir, id, "index.mdx")).order) || 0));

  for (let copy = 1; copy <= scale; copy++) {
    const rename = (courseId: string) => (copy === 1 || !courseIds.includes(courseId) ? courseId : `${courseId}-r${copy}`);
    for (const courseId of courseIds) {
      const from = join(coursesDir, courseId);
      const to = join(target, "courses", rename(courseId));
      mkdirSync(to, { recursive: true });
      for (const name of readdirSync(from)) {
        if (!name.endsWith(".mdx")) {
          copyFileSync(join(from, name), join(to, name));
          continue;
        }
        const text = readFileSync(join(from, name), "utf8");
        const edit =
          name === "index.mdx"
            ? (data: Frontmatter): Frontmatter => ({
                id: rename(courseId),
                order: Number(data.order) + (copy - 1) * orderStep,
                prerequisites: listOf(data.prerequisites)?.map(rename),
              })
            : (data: Frontmatter): Frontmatter => ({
                // Lesson ids stay: they only need to be unique within their course.
                prerequisites: listOf(data.prerequisites)?.map((ref) => {
                  const [course, lesson] = ref.split("/");
                  return lesson === undefined ? ref : `${rename(course)}/${lesson}`;
                }),
              });
        writeFileSync(join(to, name), rewriteFrontmatter(text, edit));
      }
    }
  }
}

type Frontmatter = Record<string, unknown>;

const listOf = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map(String) : undefined);

function frontmatterOf(file: string): Frontmatter {
  const { frontmatter } = splitFrontmatter(readFileSync(file, "utf8"));
  return (parseDocument(frontmatter ?? "").toJS() ?? {}) as Frontmatter;
}

/** Set the fields `edit` returns (undefined = leave alone), keeping the body byte for byte. */
function rewriteFrontmatter(text: string, edit: (data: Frontmatter) => Frontmatter): string {
  const { frontmatter, body } = splitFrontmatter(text);
  if (frontmatter === null) return text; // The checker will report it, with the file name.
  const doc = parseDocument(frontmatter);
  for (const [key, value] of Object.entries(edit((doc.toJS() ?? {}) as Frontmatter))) {
    if (value !== undefined && doc.has(key)) doc.set(key, doc.createNode(value, { flow: Array.isArray(value) }));
  }
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${body}`;
}
