import { describe, expect, test } from "vitest";
import { colloquialSynonyms, formalWords } from "../../../src/lib/search/synonyms.ts";

describe("formalWords", () => {
  test("gives the law's words for the everyday words in a query, each once", () => {
    expect(formalWords("两口子闹离婚调委会能调吗")).toEqual(["人民调解委员会", "夫妻"]);
    expect(formalWords("老板拖欠工资")).toEqual(["用人单位", "劳动报酬"]);
    expect(formalWords("欠薪 工资")).toEqual(["劳动报酬", "拖欠"]);
  });
  test("leaves out formal words the query already has, and finds nothing in a formal query", () => {
    expect(formalWords("调委会就是人民调解委员会")).toEqual([]);
    expect(formalWords("人民调解委员会")).toEqual([]);
  });
  test("reads full-width text like any query (NFKC)", () => {
    expect(formalWords("ＡＢ 收钱")).toEqual(["收费"]);
  });
  test("no everyday word maps to itself or to nothing", () => {
    for (const [everyday, formal] of Object.entries(colloquialSynonyms)) {
      expect(formal.length, everyday).toBeGreaterThan(0);
      expect(formal, everyday).not.toContain(everyday);
    }
  });
});
