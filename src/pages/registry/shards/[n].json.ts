/** dist/registry/shards/<n>.json: every shard, empty ones too (a missing file means a broken deployment). */
import type { APIRoute, GetStaticPaths } from "astro";
import { json, siteRegistry } from "../_published.ts";

export const getStaticPaths = (() => siteRegistry().shards.map((shard) => ({ params: { n: String(shard.shard) }, props: { shard } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => json(props.shard);
