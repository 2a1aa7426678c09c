/** The whole curriculum as parsed from content/, before any cross-file checks. */
import type { CourseFrontmatter, GlossaryTerm, LessonFrontmatter, StatuteFile } from "./schemas.ts";
import type { FieldPath } from "./source.ts";

type Locate = (path: FieldPath, options?: { key?: boolean }) => { line: number; column: number };

export interface StatuteEntry {
  file: string;
  data: StatuteFile;
  locate: Locate;
}

export interface GlossaryEntry {
  file: string;
  terms: GlossaryTerm[];
  locate: Locate;
}

export interface MdxEntry<T> {
  file: string;
  /** The course folder name the file lives in. */
  folder: string;
  data: T;
  body: string;
  bodyOffset: number;
  locate: Locate;
}

export type CourseEntry = MdxEntry<CourseFrontmatter>;
export type LessonEntry = MdxEntry<LessonFrontmatter>;

export interface ContentSet {
  statutes: StatuteEntry[];
  glossaries: GlossaryEntry[];
  courses: CourseEntry[];
  lessons: LessonEntry[];
  /** Course folders that contain an index.mdx, whether or not it parsed. */
  courseFolders: string[];
  /**
   * `<course>/<lesson>` of lessons whose frontmatter failed the schema but whose id could
   * be read: references to them are not reported again as missing.
   */
  unparsedLessonKeys: string[];
}

/** Provision id as cited by authors: `rmtjf-28`. */
export const provisionId = (statuteId: string, article: number): string => `${statuteId}-${article}`;

/** Resolve a lesson reference written inside `courseId` to `<course>/<lesson>`. */
export const resolveLessonRef = (ref: string, courseId: string): string => (ref.includes("/") ? ref : `${courseId}/${ref}`);
