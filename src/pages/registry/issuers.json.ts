/** dist/registry/issuers.json: the issuing bodies and their public keys. */
import type { APIRoute } from "astro";
import { json, siteRegistry } from "./_published.ts";

export const GET: APIRoute = () => json({ issuers: siteRegistry().issuers });
