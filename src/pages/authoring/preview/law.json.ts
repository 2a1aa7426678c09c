/**
 * Every provision as the players show it (citation, heading, summary, link), so a file
 * tried on the preview page has working law links. Fetched only when a file is played.
 */
import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { provisionInfos } from "../../../utils/scenarios.ts";

export const GET: APIRoute = async () => {
  const ids = (await getCollection("law")).map((entry) => entry.id).sort();
  return new Response(JSON.stringify(await provisionInfos(ids)), { headers: { "Content-Type": "application/json" } });
};
