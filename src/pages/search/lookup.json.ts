/** The serialised law-and-terms look-up index, fetched by <law-lookup> when a search starts. */
import type { APIRoute } from "astro";
import { buildTimeLookup } from "../../utils/lookup.ts";

export const GET: APIRoute = async () => {
  const lookup = await buildTimeLookup();
  return new Response(JSON.stringify(lookup.data), { headers: { "content-type": "application/json" } });
};
