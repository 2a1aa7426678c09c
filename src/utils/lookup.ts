/** The law-and-terms look-up built from the content collections, once per build. */
import { getCollection } from "astro:content";
import { lookupDocuments, type LookupDocument } from "../lib/search/documents.ts";
import { LOOKUP_STRATEGY } from "../lib/search/lookup-config.ts";
import { Lookup } from "../lib/search/lookup-index.ts";

let cached: Promise<Lookup> | undefined;

async function build(): Promise<Lookup> {
  const statutes = await getCollection("statutes");
  const terms = (await getCollection("glossary")).map((entry) => entry.data);
  const documents: LookupDocument[] = lookupDocuments({ statutes, glossaries: [{ terms }] });
  return Lookup.fromDocuments(documents, LOOKUP_STRATEGY);
}

export const buildTimeLookup = (): Promise<Lookup> => (cached ??= build());

/** Up to `limit` documents related to `doc`, by searching its heading and tags. */
export async function related(ref: string, limit = 3): Promise<LookupDocument[]> {
  const lookup = await buildTimeLookup();
  const doc = lookup.data.documents.find((d) => d.ref === ref);
  if (!doc) return [];
  const query = [doc.kind === "law" ? doc.heading : doc.title, ...doc.tags].join(" ");
  return lookup
    .search(query, limit + 1)
    .map((hit) => hit.doc)
    .filter((d) => d.ref !== ref)
    .slice(0, limit);
}
