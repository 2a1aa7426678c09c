/**
 * The instant law-and-terms look-up: a lunr index over pre-tokenised fields. Documents are
 * tokenised by our own tokenizer and joined with spaces, and lunr's pipeline is emptied,
 * so lunr indexes exactly our tokens; queries go through the same tokenizer.
 */
import lunr from "lunr";
import type { LookupDocument } from "./documents.ts";
import { queryTokens, tokenize, type TokenStrategy } from "./tokenize.ts";
import { analyseQuery } from "./relax.ts";
import { formalWords } from "./synonyms.ts";

/** Field weights: a match in the citation or term outranks one in the summary. */
const fieldBoosts = { title: 8, heading: 4, tags: 3, body: 1 } as const;

/**
 * How much a whole part of the query (not only its bigrams) appears in a document: the
 * share of the query's characters found as unbroken phrases, counted fully in the title
 * or heading and half in the tags or body. A score is multiplied by 1 + 2 × that share, so
 * a summary that says 调解协议 outranks a title that has 调解 and 协议 apart. Measured:
 * recall@5 unchanged on both relevance sets (weights 0–4 tried); dropping documents that
 * match only a few of the query's bigrams instead cost 0.12 recall@5 on the question set.
 */
const PHRASE_WEIGHT = 2;
/** Boost of the formal words for everyday ones (the query's own bigrams have 3); measured best of 1–3. */
const SYNONYM_BOOST = 2;
function phraseCover(doc: LookupDocument, phrases: readonly string[], length: number): number {
  if (length === 0) return 0;
  const head = `${doc.title} ${doc.heading}`.toLowerCase();
  const rest = `${doc.tags.join(" ")} ${doc.body}`.toLowerCase();
  let cover = 0;
  for (const p of phrases) cover += head.includes(p) ? [...p].length : rest.includes(p) ? [...p].length / 2 : 0;
  return cover / length;
}

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
    // Question words (怎么办, 吗 …) add only noise bigrams; search what is left, if anything.
    const { parts } = analyseQuery(query);
    const tokens = queryTokens(parts.length ? parts.join(" ") : query, this.data.strategy);
    if (tokens.length === 0) return [];
    // The law's words for everyday ones (两口子 → 夫妻) count, a little less than the query's own.
    const extra = queryTokens(formalWords(query).join(" "), this.data.strategy).filter((t) => !tokens.includes(t));
    const results = this.index.query((q) => {
      for (const token of tokens) {
        // Longer tokens are more specific; single characters only break ties.
        q.term(token, { usePipeline: false, wildcard: lunr.Query.wildcard.NONE, boost: [...token].length > 1 ? 3 : 1 });
      }
      for (const token of extra) q.term(token, { usePipeline: false, wildcard: lunr.Query.wildcard.NONE, boost: SYNONYM_BOOST });
    });
    const phrases = parts.filter((p) => [...p].length > 1).map((p) => p.toLowerCase());
    const length = phrases.reduce((n, p) => n + [...p].length, 0);
    return results
      .flatMap((r) => {
        const doc = this.byRef.get(r.ref);
        return doc ? [{ doc, score: r.score * (1 + PHRASE_WEIGHT * phraseCover(doc, phrases, length)) }] : [];
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
