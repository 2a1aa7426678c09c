/**
 * dist/quizzes/<quiz>/items/<item>.json: one item a quiz's draw rules can pick, with its
 * bank's scoring and the provisions it cites. <quiz-runner> fetches only the items it drew
 * (lib/quiz/page-data.ts); a saved course's pack holds its quizzes' item files
 * (lib/offline/packs.ts), so a quiz also works offline.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { quizItemFiles } from "../../../../utils/quizzes.ts";

export const getStaticPaths = (async () =>
  (await quizItemFiles()).map(({ quiz, item, file }) => ({ params: { quiz, item }, props: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.file), { headers: { "Content-Type": "application/json; charset=utf-8" } });
