/**
 * The instant law-and-terms look-up: a lunr index over pre-tokenised fields. Documents are
 * tokenised by our own tokenizer and joined with spaces, and lunr's pipeline is emptied,
 * so lunr indexes exactly our tokens; queries go through the same tokenizer.
 */
import lunr from "lunr";
import type { LookupDocument } from "./documents.ts";
import { queryTokens, tokenize, type TokenStrategy } from "./tokenize.ts";

/** Field weights: a match in the citation or term outranks one in the summary. */
const fieldBoosts = { title: 8, heading: 4, tags: 3, body: 1 } as const;

export interface SerialisedLookup {
  version: 1;
  strategy: TokenStrategy;
  index: object;
  documents: LookupDocument[];
}

export function buildLookupIndex(documents: readonly LookupDocument[], strategy: TokenStrategy): lunr.Index {
  return lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref("ref");
    for (const [field, boost] of Object.entries(fieldBoosts)) this.field(field, { boost });
    // Keep the serialised index small: we need no term positions.
    this.metadataWhitelist = [];
    for (const doc of documents) {
      const text = (s: string) => tokenize(s, strategy).join(" ");
      this.add({ ref: doc.ref, title: text(doc.title), heading: text(doc.heading), tags: text(doc.tags.join(" ")), body: text(doc.body) });
    }
  });
}

export function serialiseLookup(documents: LookupDocument[], strategy: TokenStrategy): SerialisedLookup {
  return { version: 1, strategy, index: buildLookupIndex(documents, strategy).toJSON(), documents };
}

export interface LookupHit {
  doc: LookupDocument;
  score: number;
}

export class Lookup {
  private readonly index: lunr.Index;
  private readonly byRef: Map<string, LookupDocument>;

  constructor(readonly data: SerialisedLookup) {
    this.index = lunr.Index.load(data.index);
    this.byRef = new Map(data.documents.map((d) => [d.ref, d]));
  }

  static fromDocuments(documents: LookupDocument[], strategy: TokenStrategy): Lookup {
    return new Lookup(serialiseLookup(documents, strategy));
  }

  search(query: string, limit = 10): LookupHit[] {
    const tokens = queryTokens(query, this.data.strategy);
    if (tokens.length === 0) return [];
    const results = this.index.query((q) => {
      for (const token of tokens) {
        // Longer tokens are more specific; single characters only break ties.
        q.term(token, { usePipeline: false, wildcard: lunr.Query.wildcard.NONE, boost: [...token].length > 1 ? 3 : 1 });
      }
    });
    return results.slice(0, limit).flatMap((r) => {
      const doc = this.byRef.get(r.ref);
      return doc ? [{ doc, score: r.score }] : [];
    });
  }
}
