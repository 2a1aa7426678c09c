/** dist/registry/status/<listId>.json: each signed status list, as the CLI wrote it. */
import type { APIRoute, GetStaticPaths } from "astro";
import { json, siteRegistry } from "../_published.ts";

export const getStaticPaths = (() =>
  siteRegistry().statusLists.map((l) => ({ params: { list: l.file.replace(/\.json$/, "") }, props: { credential: l.credential } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => json(props.credential);
