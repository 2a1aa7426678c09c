import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { readContentSet } from "../../../src/lib/content/files.ts";
import { lookupDocuments } from "../../../src/lib/search/documents.ts";
import { LOOKUP_STRATEGY } from "../../../src/lib/search/lookup-config.ts";
import { Lookup } from "../../../src/lib/search/lookup-index.ts";
import { measure } from "../../../src/lib/search/relevance.ts";
import type { TokenStrategy } from "../../../src/lib/search/tokenize.ts";

const judgements = (parse(readFileSync("test/relevance/queries.yaml", "utf8")) as { q: string | number; lookup: string[] }[]).map(
  (j) => ({ q: String(j.q), expected: j.lookup }),
);
const { set } = readContentSet({ root: process.cwd(), content: "content" });
const documents = lookupDocuments(set);

describe("instant look-up relevance (test/relevance/queries.yaml)", () => {
  test("the relevance set has at least 40 judged queries", () => {
    expect(judgements.filter((j) => j.expected.length).length).toBeGreaterThanOrEqual(40);
  });

  test("every judged item exists in the index", () => {
    const refs = new Set(documents.map((d) => d.ref));
    expect(judgements.flatMap((j) => j.expected).filter((ref) => !refs.has(ref))).toEqual([]);
  });

  test.each(["words", "ngrams", "combined"] as TokenStrategy[])("strategy %s: report recall@5 and MRR", (strategy) => {
    const lookup = Lookup.fromDocuments(documents, strategy);
    const report = measure(judgements, (q) => lookup.search(q, 10).map((h) => h.doc.ref));
    console.log(`lunr ${strategy}: recall@5 ${report.recallAtK.toFixed(3)}, MRR ${report.mrr.toFixed(3)}`);
    if (strategy === LOOKUP_STRATEGY) expect(report.recallAtK).toBeGreaterThanOrEqual(0.9);
  });

  test("a serialised index loads and answers the same as the one built in memory", () => {
    const built = Lookup.fromDocuments(documents, LOOKUP_STRATEGY);
    const loaded = new Lookup(JSON.parse(JSON.stringify(built.data)));
    for (const { q } of judgements.slice(0, 10)) {
      expect(loaded.search(q).map((h) => h.doc.ref)).toEqual(built.search(q).map((h) => h.doc.ref));
    }
  });

  test("article numbers are found both as 第二十八条 and as 28", () => {
    const lookup = Lookup.fromDocuments(documents, LOOKUP_STRATEGY);
    expect(lookup.search("第二十八条")[0].doc.ref).toBe("law:rmtjf-28");
    expect(lookup.search("28")[0].doc.ref).toBe("law:rmtjf-28");
  });

  test("a query with no searchable characters returns nothing rather than everything", () => {
    const lookup = Lookup.fromDocuments(documents, LOOKUP_STRATEGY);
    expect(lookup.search("  ，。！ ")).toEqual([]);
  });
});
