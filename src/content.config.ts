/**
 * Content collections. Schemas live in src/lib/content/schemas.ts so that the check CLI,
 * unit tests and this build validate with the same rules.
 */
import { defineCollection, z } from "astro:content";
import { glob, type Loader } from "astro/loaders";
import { join } from "node:path";
import { contentDir } from "./lib/content/content-dir.ts";
import { readContentSet } from "./lib/content/files.ts";
import { ContentError } from "./lib/content/issues.ts";
import { provisionId } from "./lib/content/model.ts";
import { knownFromContentSet } from "./lib/quiz/check.ts";
import { checkQuizDir } from "./lib/quiz/files.ts";
import { bankFileSchema } from "./lib/quiz/schema.ts";
import { levelSchema } from "./lib/certification/schema.ts";
import { checkScenarioDir } from "./lib/scenario/files.ts";
import { scenarioSchema } from "./lib/scenario/schema.ts";
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

/** Read content/ with our own parser, which reports file and line for every problem. */
function readOrThrow() {
  const { set, issues } = readContentSet({ root, content });
  if (issues.length) throw new ContentError(issues);
  return set;
}

const statuteLoader: Loader = {
  name: "statutes",
  load: async ({ store, parseData }) => {
    store.clear();
    for (const { data, file } of readOrThrow().statutes) {
      store.set({ id: data.id, data: await parseData({ id: data.id, data }), filePath: file });
    }
  },
};

const provisionLoader: Loader = {
  name: "law-provisions",
  load: async ({ store, parseData }) => {
    store.clear();
    for (const { data: statute, file } of readOrThrow().statutes) {
      for (const provision of statute.provisions) {
        const id = provisionId(statute.id, provision.article);
        const data = { ...provision, statute: statute.id, shortTitle: statute.shortTitle };
        store.set({ id, data: await parseData({ id, data }), filePath: file });
      }
    }
  },
};

const glossaryLoader: Loader = {
  name: "glossary",
  load: async ({ store, parseData }) => {
    store.clear();
    for (const { terms, file } of readOrThrow().glossaries) {
      for (const term of terms) store.set({ id: term.id, data: await parseData({ id: term.id, data: term }), filePath: file });
    }
  },
};

/** Scenarios, checked by the scenario checker (schema, links, reachability, ranges). */
const scenarioLoader: Loader = {
  name: "scenarios",
  load: async ({ store, parseData }) => {
    store.clear();
    const provisions = knownFromContentSet(readOrThrow()).provisions;
    const files = checkScenarioDir(root, join(content, "scenarios"), provisions);
    const issues = files.flatMap((f) => f.issues);
    if (issues.length) throw new ContentError(issues);
    for (const { scenario, file } of files) {
      if (scenario) store.set({ id: scenario.id, data: await parseData({ id: scenario.id, data: scenario }), filePath: file });
    }
  },
};

/**
 * Question banks, one entry per file of content/quizzes (id = bank id; data = the bank's
 * items, scoring rules and the quizzes written in it), checked by the bank checker
 * (schema, answers among options, ids across banks, pools big enough, lessons and provisions).
 */
const quizLoader: Loader = {
  name: "quizzes",
  load: async ({ store, parseData }) => {
    store.clear();
    const { banks, issues } = checkQuizDir({ root, quizzes: join(content, "quizzes") }, knownFromContentSet(readOrThrow()));
    if (issues.length) throw new ContentError(issues);
    for (const { data, file } of banks) store.set({ id: data.id, data: await parseData({ id: data.id, data }), filePath: file });
  },
};

/** Folder name of a path like `basics/01-what-is.mdx`. */
const folderOf = (entry: string) => entry.split("/")[0];

export const collections = {
  statutes: defineCollection({ loader: statuteLoader, schema: statuteFileSchema }),
  law: defineCollection({
    loader: provisionLoader,
    schema: provisionSchema.extend({ statute: z.string(), shortTitle: z.string() }),
  }),
  glossary: defineCollection({ loader: glossaryLoader, schema: glossaryTermSchema }),
  scenarios: defineCollection({ loader: scenarioLoader, schema: scenarioSchema }),
  quizzes: defineCollection({ loader: quizLoader, schema: bankFileSchema }),
  // Cross-file rules (courses, quizzes, scenarios, cycles) run in check-all before the build.
  certifications: defineCollection({ loader: glob({ pattern: "*.yaml", base: join(content, "certifications") }), schema: levelSchema }),
  townships: defineCollection({ loader: glob({ pattern: "*.yaml", base: join(content, "townships") }), schema: townshipSchema }),
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

