/**
 * Parse one content file's text into typed data plus located issues. Pure: no file
 * system, so the same code runs in Astro loaders, the check CLI and unit tests.
 */
import type { ZodTypeAny, z } from "zod";
import type { ContentIssue } from "./issues.ts";
import {
  courseFrontmatterSchema,
  glossaryFileSchema,
  lessonFrontmatterSchema,
  statuteFileSchema,
  type CourseFrontmatter,
  type GlossaryTerm,
  type LessonFrontmatter,
  type StatuteFile,
} from "./schemas.ts";
import { parseYamlSource, splitFrontmatter, type FieldPath } from "./source.ts";
import { zodIssues } from "./zod-issues.ts";

type Locate = (path: FieldPath, options?: { key?: boolean }) => { line: number; column: number };

export interface Parsed<T> {
  value: T | undefined;
  /** The YAML as read, even when it failed the schema (lets later checks avoid cascades). */
  raw: unknown;
  issues: ContentIssue[];
  locate: Locate;
}

function parseYamlWith<S extends ZodTypeAny>(schema: S, text: string, file: string, lineOffset = 0): Parsed<z.infer<S>> {
  const source = parseYamlSource(text, file, lineOffset);
  const { data: raw, locate } = source;
  if (source.issues.length) return { value: undefined, raw, issues: source.issues, locate };
  if (raw === undefined || raw === null) {
    const message = lineOffset ? "frontmatter 是空的" : "文件是空的";
    return { value: undefined, raw, issues: [{ file, line: 1 + lineOffset, column: 1, field: "", message }], locate };
  }
  const result = schema.safeParse(raw);
  return result.success
    ? { value: result.data, raw, issues: [], locate }
    : { value: undefined, raw, issues: zodIssues(result.error, file, locate), locate };
}

export const parseStatuteText = (text: string, file: string): Parsed<StatuteFile> =>
  parseYamlWith(statuteFileSchema, text, file);

export const parseGlossaryText = (text: string, file: string): Parsed<GlossaryTerm[]> =>
  parseYamlWith(glossaryFileSchema, text, file);

export interface ParsedMdx<T> extends Parsed<T> {
  body: string;
  /** 0-based line in the file where the body starts. */
  bodyOffset: number;
}

function parseMdxWith<S extends ZodTypeAny>(schema: S, text: string, file: string): ParsedMdx<z.infer<S>> {
  const split = splitFrontmatter(text);
  if (split.frontmatter === null) {
    return {
      value: undefined,
      raw: undefined,
      issues: [{ file, line: 1, column: 1, field: "", message: "缺少文件开头的 frontmatter（以 --- 开始和结束的字段区）" }],
      locate: () => ({ line: 1, column: 1 }),
      body: split.body,
      bodyOffset: 0,
    };
  }
  return { ...parseYamlWith(schema, split.frontmatter, file, split.frontmatterOffset), body: split.body, bodyOffset: split.bodyOffset };
}

export const parseCourseText = (text: string, file: string): ParsedMdx<CourseFrontmatter> =>
  parseMdxWith(courseFrontmatterSchema, text, file);

export const parseLessonText = (text: string, file: string): ParsedMdx<LessonFrontmatter> =>
  parseMdxWith(lessonFrontmatterSchema, text, file);
