/** What the instant look-up searches: law provisions and glossary terms, as plain records. */
import { articleLabel } from "../content/cn-number.ts";
import { provisionId } from "../content/model.ts";
import type { GlossaryTerm, StatuteFile } from "../content/schemas.ts";
import { provisionPath, termPath } from "../routes.ts";

export type LookupKind = "law" | "term";

export interface LookupDocument {
  /** `law:rmtjf-28` or `term:sifa-queren`: unique across kinds. */
  ref: string;
  kind: LookupKind;
  /** 《人民调解法》第二十八条 or the term itself. */
  title: string;
  /** Heading of a provision; empty for terms. */
  heading: string;
  /** Summary or definition. */
  body: string;
  /** Topic tags. */
  tags: string[];
  /** Site-relative URL (without the base path). */
  path: string;
}

/** Every provision and glossary term of the curriculum as look-up documents. */
export function lookupDocuments(set: {
  statutes: readonly { data: StatuteFile }[];
  glossaries: readonly { terms: readonly GlossaryTerm[] }[];
}): LookupDocument[] {
  const docs: LookupDocument[] = [];
  for (const { data: statute } of set.statutes) {
    for (const p of statute.provisions) {
      docs.push({
        ref: `law:${provisionId(statute.id, p.article)}`,
        kind: "law",
        title: `《${statute.shortTitle}》${articleLabel(p.article)}`,
        heading: p.heading,
        body: p.summary,
        tags: p.topics,
        path: provisionPath(statute.id, p.article),
      });
    }
  }
  for (const { terms } of set.glossaries) {
    for (const term of terms) {
      docs.push({ ref: `term:${term.id}`, kind: "term", title: term.term, heading: "", body: term.definition, tags: [], path: termPath(term.id) });
    }
  }
  return docs;
}
