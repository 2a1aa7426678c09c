/** dist/registry/index.json: how to find a number's shard, which status lists exist. */
import type { APIRoute } from "astro";
import { json, siteRegistry } from "./_published.ts";

export const GET: APIRoute = () => json(siteRegistry().index);
