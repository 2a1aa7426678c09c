/**
 * The ids a trainer's file may cite, for the preview's checker: every provision, lesson,
 * course and each lesson's number of objectives (src/lib/preview/known.ts), from the same
 * content check as the build. Fetched only once a file is given.
 */
import type { APIRoute } from "astro";
import { checkedContent } from "../../../lib/check-all.ts";
import { contentDir } from "../../../lib/content/content-dir.ts";
import { knownIds } from "../../../lib/preview/known.ts";
import { knownFromContentSet } from "../../../lib/quiz/check.ts";

export const GET: APIRoute = () => {
  const root = process.cwd();
  const { set } = checkedContent(root, contentDir(root));
  return new Response(JSON.stringify(knownIds(knownFromContentSet(set))), { headers: { "Content-Type": "application/json" } });
};
