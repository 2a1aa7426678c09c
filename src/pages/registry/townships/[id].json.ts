/** dist/registry/townships/<id>.json: a township's printed name and its villages, for the verdict's place names. */
import type { APIRoute, GetStaticPaths } from "astro";
import { getCollection } from "astro:content";
import { json } from "../_published.ts";

export const getStaticPaths = (async () =>
  (await getCollection("townships")).map((t) => ({ params: { id: t.id }, props: { name: t.data.name, county: t.data.county, villages: t.data.villages } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => json(props);
