/**
 * What /trainers/class/ needs to grade and replay learners' records in the browser: the
 * curriculum facts and levels, the quiz banks and the scenarios, exactly as `npm run
 * report` reads them (readCurrentContent), so the page's CSV and the command's are the
 * same. Fetched only once a trainer gives the page some files.
 */
import type { APIRoute } from "astro";
import { readCurrentContent } from "../../../lib/cert/issue-files.ts";
import { classContextOf } from "../../../lib/statistics/class-context.ts";
import type { ClassData } from "../../../lib/statistics/class-data.ts";

export const GET: APIRoute = () => {
  const content = readCurrentContent(process.cwd());
  // The build refuses content with issues before pages render; this is the same check.
  if ("code" in content) throw new Error(`content has ${content.values?.n} issues`);
  const data: ClassData = {
    context: classContextOf(content),
    banks: content.banks,
    scenarios: content.scenarios,
  };
  return new Response(JSON.stringify(data), { headers: { "Content-Type": "application/json" } });
};
