/**
 * The shapes of everything trainers write in content/. One source of truth: Astro's
 * content collections and the `npm run check` CLI both validate with these schemas.
 * Messages are zh-CN because trainers read them.
 */
import { z } from "zod";
import { text } from "./fields.ts";
import { LESSON_REF, SLUG } from "../id-patterns.ts";

/** Lowercase kebab-case identifier used in URLs: `written-agreement`. */
export const slugSchema = z
  .string({ required_error: "缺少编号" })
  .regex(SLUG, "编号只能用小写字母、数字和连字符，例如 written-agreement");

/** `<statute-id>-<article>`, e.g. `rmtjf-28` for 《人民调解法》第二十八条. */
export const provisionIdSchema = z
  .string()
  .regex(/^[a-z]+-[1-9]\d*$/, "条文编号的格式是 <法规编号>-<条号>，例如 rmtjf-28");

/** A lesson reference: `<course-id>/<lesson-id>`, or `<lesson-id>` within the same course. */
export const lessonRefSchema = z
  .string()
  .regex(
    LESSON_REF,
    "先修课程的格式是 <课程编号>/<课时编号>，同一课程内可只写课时编号，例如 procedure/the-session",
  );

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式是 YYYY-MM-DD，例如 2010-08-28");


// ── Law ───────────────────────────────────────────────────────────────────────

/** One article of a statute, summarised faithfully in our own words. */
export const provisionSchema = z
  .object({
    /** Article number as an integer: 28 for 第二十八条. */
    article: z.number({ invalid_type_error: "条号应为整数，例如 28" }).int().positive(),
    /** A short heading in our words, shown beside the citation. */
    heading: text(2, 24, "条文标题"),
    /** A faithful paraphrase (not the statute's wording). */
    summary: text(10, 400, "条文概要"),
    /** Topic tags, reused across statutes, for the law library and search. */
    topics: z.array(text(1, 12, "主题标签")).min(1, "至少写 1 个主题标签").max(6, "主题标签最多 6 个"),
  })
  .strict();

export const statuteKinds = ["law", "regulation", "rule", "judicial-interpretation", "policy"] as const;

/** A statute file in content/law/<id>.yaml. */
export const statuteFileSchema = z
  .object({
    /** Lowercase pinyin initials; provision ids are `<id>-<article>`. */
    id: z.string().regex(/^[a-z]+$/, "法规编号只能用小写字母（拼音首字母），例如 rmtjf"),
    /** Full official title: 中华人民共和国人民调解法. */
    title: text(2, 60, "法规全称"),
    /** Short title used in citations: 人民调解法. */
    shortTitle: text(2, 30, "法规简称"),
    /** law 法律 · regulation 行政法规 · rule 部门规章 · judicial-interpretation 司法解释 · policy 政策文件. */
    kind: z.enum(statuteKinds, {
      errorMap: () => ({ message: `类型只能是 ${statuteKinds.join(" / ")}` }),
    }),
    /** The body that adopted it. */
    issuer: text(2, 40, "制定机关"),
    adopted: isoDate,
    effective: isoDate,
    /** Optional caveat shown on the statute page (e.g. which amendment the numbers follow). */
    note: z.string().trim().max(300).optional(),
    provisions: z.array(provisionSchema).min(1, "至少要有一条条文"),
  })
  .strict();

// ── Glossary ──────────────────────────────────────────────────────────────────

export const glossaryTermSchema = z
  .object({
    id: slugSchema,
    term: text(1, 20, "术语"),
    definition: text(8, 300, "释义"),
    /** Provisions that define or govern the term. */
    law: z.array(provisionIdSchema).default([]),
  })
  .strict();

/** A glossary file in content/glossary/<name>.yaml: a list of terms. */
export const glossaryFileSchema = z.array(glossaryTermSchema).min(1, "术语表至少要有一个术语");

// ── Courses and lessons (MDX frontmatter) ─────────────────────────────────────

const objectives = z
  .array(text(4, 80, "学习目标"), { required_error: "缺少学习目标，至少写 1 条" })
  .min(1, "至少写 1 条学习目标")
  .max(6, "学习目标最多 6 条");

/** Frontmatter of content/courses/<course-id>/index.mdx. */
export const courseFrontmatterSchema = z
  .object({
    /** Must equal the folder name. */
    id: slugSchema,
    title: text(2, 30, "课程名称"),
    summary: text(5, 160, "课程简介"),
    objectives,
    /** Position in the catalogue, 1-based. */
    order: z.number({ required_error: "缺少顺序，例如 order: 1", invalid_type_error: "应为正整数，例如 order: 1" }).int().positive(),
    /** Course ids to take first. */
    prerequisites: z.array(slugSchema).default([]),
    /** Provision ids the course relies on. */
    law: z.array(provisionIdSchema).default([]),
  })
  .strict();

/** Frontmatter of content/courses/<course-id>/<nn>-<lesson-id>.mdx. */
export const lessonFrontmatterSchema = z
  .object({
    /** Unique within the course; becomes the URL. */
    id: slugSchema,
    title: text(2, 30, "课时标题"),
    summary: text(5, 160, "课时简介"),
    objectives,
    /** Estimated study time in minutes. */
    minutes: z
      .number({ required_error: "缺少预计学习时间（分钟数），例如 minutes: 15", invalid_type_error: "应为分钟数，例如 minutes: 15" })
      .int("应为整数分钟")
      .min(3, "至少 3 分钟")
      .max(90, "最多 90 分钟，更长的内容请拆成两课"),
    /** Position within the course, 1-based and unique. */
    order: z.number({ required_error: "缺少顺序，例如 order: 1", invalid_type_error: "应为正整数，例如 order: 1" }).int().positive(),
    prerequisites: z.array(lessonRefSchema).default([]),
    /** Every provision the lesson relies on, including each one cited with <Law>. */
    law: z.array(provisionIdSchema).default([]),
  })
  .strict();

export type Provision = z.infer<typeof provisionSchema>;
export type StatuteFile = z.infer<typeof statuteFileSchema>;
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export type CourseFrontmatter = z.infer<typeof courseFrontmatterSchema>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
