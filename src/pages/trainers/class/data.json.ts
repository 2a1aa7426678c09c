/**
 * What /trainers/class/ needs to grade and replay learners' records in the browser: the
 * curriculum facts and levels, the quiz banks and the scenarios, exactly as `npm run
 * report` reads them (readCurrentContent), so the page's CSV and the command's are the
 * same, and each scenario's graph laid out for the decision drawing. Fetched only once
 * a trainer gives the page some files.
 */
import type { APIRoute } from "astro";
import { readCurrentContent } from "../../../lib/cert/issue-files.ts";
import { classContextOf } from "../../../lib/statistics/class-context.ts";
import type { ClassData } from "../../../lib/statistics/class-data.ts";
import { decisionLayout } from "../../../lib/statistics/decision-layout.ts";

export const GET: APIRoute = async () => {
  const content = readCurrentContent(process.cwd());
  // The build refuses content with issues before pages render; this is the same check.
  if ("code" in content) throw new Error(`content has ${content.values?.n} issues`);
  const data: ClassData = {
    context: classContextOf(content),
    banks: content.banks,
    scenarios: content.scenarios,
    layouts: await Promise.all(content.scenarios.map((s) => decisionLayout(s))),
  };
  return new Response(JSON.stringify(data), { headers: { "Content-Type": "application/json" } });
};
