/** Groups built pages by the template that made them and keeps the heaviest of each group. */
import type { PageWeight } from "./page-weight.ts";

/** Output paths (format: "directory") of each page type, in the order the report lists them. */
export const pageTypes = [
  { type: "home", path: /^index\.html$/ },
  { type: "catalogue", path: /^courses\/index\.html$/ },
  { type: "course", path: /^courses\/[^/]+\/index\.html$/ },
  { type: "lesson", path: /^courses\/[^/]+\/[^/]+\/index\.html$/ },
  { type: "law library", path: /^law\/index\.html$/ },
  { type: "statute", path: /^law\/[^/]+\/index\.html$/ },
  { type: "provision", path: /^law\/[^/]+\/[^/]+\/index\.html$/ },
  { type: "glossary", path: /^glossary\/index\.html$/ },
  { type: "glossary term", path: /^glossary\/[^/]+\/index\.html$/ },
  { type: "search", path: /^search\/index\.html$/ },
  { type: "scenario list", path: /^scenarios\/index\.html$/ },
  { type: "scenario", path: /^scenarios\/[^/]+\/index\.html$/ },
  { type: "quiz", path: /^quizzes\/[^/]+\/index\.html$/ },
  { type: "trainers", path: /^trainers\/index\.html$/ },
  { type: "scenario graph", path: /^trainers\/[^/]+\/index\.html$/ },
  { type: "authoring", path: /^authoring\/(?:[^/]+\/)?index\.html$/ },
  { type: "verify", path: /^verify\/index\.html$/ },
  { type: "exam", path: /^exam\/index\.html$/ },
  { type: "404", path: /^404\.html$/ },
] as const;

export type PageType = (typeof pageTypes)[number]["type"] | "other";

export const pageTypeOf = (page: string): PageType => pageTypes.find((t) => t.path.test(page))?.type ?? "other";

export interface TypeSummary {
  type: PageType;
  pages: number;
  /** The page of this type with the largest total gzip size; undefined if the build has none. */
  heaviest?: PageWeight;
}

/** One row per page type (plus "other" if a page matches none, so nothing goes unreported). */
export function summariseByType(weights: readonly PageWeight[]): TypeSummary[] {
  const types: PageType[] = [...pageTypes.map((t) => t.type), "other"];
  return types
    .map((type) => {
      const ofType = weights.filter((w) => pageTypeOf(w.page) === type);
      const heaviest = ofType.reduce<PageWeight | undefined>((max, w) => (!max || w.total.gzip > max.total.gzip ? w : max), undefined);
      return { type, pages: ofType.length, heaviest };
    })
    .filter((row) => row.type !== "other" || row.pages > 0);
}
