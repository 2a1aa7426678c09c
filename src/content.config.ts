/**
 * Content collections. content/ is read and checked once per build, by the content check
 * (src/lib/check-all.ts, memoised per process in `checkedContent`): the collections below
 * are filled from that one result instead of reading the files again. Lessons and course
 * pages are MDX, which Astro's glob loader reads to render them. Schemas live in src/lib
 * so that the check CLI, unit tests and this build validate with the same rules.
 *
 * A new content kind: check it in check-all.ts, then add one `checked(…)` line below.
 */
import { defineCollection, z } from "astro:content";
import { glob, type Loader } from "astro/loaders";
import { join } from "node:path";
import { checkedContent, type CheckAllResult } from "./lib/check-all.ts";
import { contentDir } from "./lib/content/content-dir.ts";
import { ContentError } from "./lib/content/issues.ts";
import { provisionId } from "./lib/content/model.ts";
import { bankFileSchema } from "./lib/quiz/schema.ts";
import { levelSchema } from "./lib/certification/schema.ts";
import { scenarioSchema } from "./lib/scenario/schema.ts";
import { checkSummary, scenarioCheckSchema } from "./lib/scenario-graph/checked.ts";
import { townshipSchema } from "./lib/townships/schema.ts";
import {
  courseFrontmatterSchema,
  glossaryTermSchema,
  lessonFrontmatterSchema,
  provisionSchema,
  statuteFileSchema,
} from "./lib/content/schemas.ts";

const root = process.cwd();
const content = contentDir(root);

interface Entry {
  id: string;
  data: object;
  /** Relative to the project root, for Astro's error messages. */
  file?: string;
}

/**
 * A loader over the build's one content check. Broken content throws with file, line and
 * fix for every problem (the build's content-check integration already refused it; this
 * covers `astro dev` after an edit).
 */
function checked(name: string, entries: (result: CheckAllResult) => Entry[]): Loader {
  return {
    name,
    load: async ({ store, parseData }) => {
      const result = checkedContent(root, content);
      if (result.issues.length) throw new ContentError(result.issues);
      store.clear();
      for (const { id, data, file } of entries(result)) {
        store.set({ id, data: await parseData({ id, data: data as Record<string, unknown> }), filePath: file });
      }
    },
  };
}

/** Folder name of a path like `basics/01-what-is.mdx`. */
const folderOf = (entry: string) => entry.split("/")[0];

export const collections = {
  statutes: defineCollection({
    loader: checked("statutes", (r) => r.set.statutes.map(({ data, file }) => ({ id: data.id, data, file }))),
    schema: statuteFileSchema,
  }),
  law: defineCollection({
    loader: checked("law-provisions", (r) =>
      r.set.statutes.flatMap(({ data: statute, file }) =>
        statute.provisions.map((provision) => ({
          id: provisionId(statute.id, provision.article),
          data: { ...provision, statute: statute.id, shortTitle: statute.shortTitle },
          file,
        })),
      ),
    ),
    schema: provisionSchema.extend({ statute: z.string(), shortTitle: z.string() }),
  }),
  glossary: defineCollection({
    loader: checked("glossary", (r) => r.set.glossaries.flatMap(({ terms, file }) => terms.map((term) => ({ id: term.id, data: term, file })))),
    schema: glossaryTermSchema,
  }),
  /** Scenarios, checked by the scenario checker (schema, links, reachability, ranges). */
  scenarios: defineCollection({
    loader: checked("scenarios", (r) => r.scenarios.flatMap(({ scenario, file }) => (scenario ? [{ id: scenario.id, data: scenario, file }] : []))),
    schema: scenarioSchema,
  }),
  /** What the checker's exhaustive exploration found per scenario, for the trainers' pages. */
  scenarioChecks: defineCollection({
    loader: checked("scenario-checks", (r) =>
      r.scenarios.flatMap(({ scenario, file, exploration }) => (scenario && exploration ? [{ id: scenario.id, data: checkSummary(exploration), file }] : [])),
    ),
    schema: scenarioCheckSchema,
  }),
  /**
   * Question banks, one entry per file of content/quizzes (id = bank id; data = the bank's
   * items, scoring rules and the quizzes written in it), checked by the bank checker.
   */
  quizzes: defineCollection({
    loader: checked("quizzes", (r) => r.banks.map(({ data, file }) => ({ id: data.id, data, file }))),
    schema: bankFileSchema,
  }),
  // Cross-file rules (courses, quizzes, scenarios, cycles) run in check-all before the build.
  certifications: defineCollection({
    loader: checked("certifications", (r) => r.levels.map(({ level, file }) => ({ id: level.id, data: level, file }))),
    schema: levelSchema,
  }),
  townships: defineCollection({
    // A township's id is its file name.
    loader: checked("townships", (r) => r.townships.map(({ id, ...data }) => ({ id, data }))),
    schema: townshipSchema,
  }),
  courses: defineCollection({
    loader: glob({ pattern: "*/index.mdx", base: join(content, "courses"), generateId: ({ entry }) => folderOf(entry) }),
    schema: courseFrontmatterSchema,
  }),
  lessons: defineCollection({
    loader: glob({
      pattern: ["*/*.mdx", "!*/index.mdx"],
      base: join(content, "courses"),
      generateId: ({ entry, data }) => `${folderOf(entry)}/${String(data.id)}`,
    }),
    schema: lessonFrontmatterSchema,
  }),
};
