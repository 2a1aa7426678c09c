import { describe, expect, test } from "vitest";
import { analyseQuery, mergeResults, relaxationPlan, relaxedSearch, type Scored } from "../../../src/lib/search/relax.ts";
import { cleanExcerpt } from "../../../src/lib/search/excerpt.ts";

describe("analyseQuery", () => {
  test("drops question phrases and splits the rest where they stood", () => {
    expect(analyseQuery("协议生效后多久申请司法确认")).toMatchObject({ dropped: ["多久"], parts: ["协议生效后", "申请司法确认"] });
    expect(analyseQuery("调解不成怎么办")).toMatchObject({ dropped: ["怎么办"], parts: ["调解不成"] });
  });
  test("prefers the longest question phrase at a position", () => {
    expect(analyseQuery("诉访分离是什么意思").dropped).toEqual(["是什么意思"]);
    expect(analyseQuery("劳动仲裁要在多长时间内申请").dropped).toContain("多长时间内");
  });
  test("drops single-character fillers only when they stand alone, never inside a word", () => {
    const a = analyseQuery("调解要收钱吗");
    expect(a.dropped).toEqual(["要", "吗"]);
    expect(a.parts).toEqual(["调解", "收钱"]);
    // 了 in 了解 and 的 in 的确 are parts of words.
    expect(analyseQuery("了解情况").dropped).toEqual([]);
    expect(analyseQuery("了解情况").parts).toEqual(["了解情况"]);
  });
  test("spaces and punctuation separate parts; full-width text is normalised", () => {
    expect(analyseQuery(" 调解协议，书面 ").parts).toEqual(["调解协议", "书面"]);
    expect(analyseQuery("ＱＲ码").query).toBe("QR码");
  });
  test("words are dictionary words of two or more characters; runs of unknown single characters become bigrams", () => {
    expect(analyseQuery("申请司法确认").words).toEqual(["申请", "司法", "确认"]);
    expect(analyseQuery("诉访分离").words).toEqual(expect.arrayContaining(["诉访", "分离"]));
  });
  test("weak words are not searched on their own", () => {
    expect(analyseQuery("邻居家的水往我家院子里排").words).not.toContain("我家");
  });
  test("a query of question words alone leaves nothing to search", () => {
    expect(analyseQuery("怎么办？").parts).toEqual([]);
    expect(relaxationPlan("怎么办？")).toEqual([]);
    expect(relaxationPlan("   ")).toEqual([]);
  });
});

describe("relaxationPlan", () => {
  test("a plain query is searched as typed first, then word by word", () => {
    expect(relaxationPlan("申请司法确认")).toEqual([
      { stage: "exact", queries: ["申请司法确认"] },
      { stage: "any", queries: ["申请", "司法", "确认"] },
    ]);
  });
  test("a question is searched without its question words, then part by part (longest first), then word by word", () => {
    expect(relaxationPlan("协议生效后多久申请司法确认")).toEqual([
      { stage: "plain", queries: ["协议生效后 申请司法确认"] },
      { stage: "parts", queries: ["申请司法确认", "协议生效后"] },
      // 多久 also brings the law's words for it.
      { stage: "any", queries: ["协议", "生效", "申请", "司法", "确认", "期限", "时效"] },
    ]);
  });
  test("single characters are not searched as parts, and a word stage that adds nothing is left out", () => {
    const plan = relaxationPlan("一方不愿意调解还能调吗");
    expect(plan.map((s) => s.stage)).toEqual(["plain", "any"]);
    expect(relaxationPlan("赡养")).toEqual([{ stage: "exact", queries: ["赡养"] }]);
  });
});

describe("everyday words", () => {
  test("the any-word stage also searches the law's word for an everyday one", () => {
    expect(relaxationPlan("调解要收钱吗").at(-1)).toEqual({ stage: "any", queries: ["调解", "收钱", "收费"] });
  });
  test("a formal word the query already has is not added again", () => {
    expect(relaxationPlan("调委会 人民调解委员会").flatMap((s) => s.queries).filter((q) => q === "人民调解委员会")).toHaveLength(1);
  });
});

describe("mergeResults", () => {
  test("ranks by summed score, then by how much of the query was found, then by first appearance", () => {
    const merged = mergeResults<Scored>([
      { query: "申请司法确认", results: [{ id: "a", score: 1 }, { id: "b", score: 2 }] },
      { query: "协议", results: [{ id: "a", score: 1.5 }, { id: "c", score: 1 }, { id: "d", score: 1 }] },
      { query: "生效", results: [{ id: "d", score: 0 }] },
    ]);
    expect(merged.map((r) => r.id)).toEqual(["a", "b", "d", "c"]);
  });
  test("keeps the first item object of each id", () => {
    const first = { id: "a", score: 1 };
    expect(mergeResults([{ query: "x", results: [first] }, { query: "y", results: [{ id: "a", score: 1 }] }])[0]).toBe(first);
  });
});

describe("relaxedSearch", () => {
  /** A fake engine: each page is a set of words; a query matches when every space-separated part is in it. */
  const pages: Record<string, string> = {
    law33: "协议生效后 三十日内 申请司法确认",
    lesson: "调解协议 生效 申请 司法 确认 台账",
    term: "司法确认",
  };
  const engine = (calls: string[]) => async (q: string) => {
    calls.push(q);
    return Object.entries(pages)
      .filter(([, text]) => q.split(" ").every((part) => text.includes(part)))
      .map(([id, text]) => ({ id, score: 10 / text.length }));
  };

  test("an exact hit stops the search: nothing is relaxed", async () => {
    const calls: string[] = [];
    const r = await relaxedSearch("司法确认", engine(calls), 1);
    expect(r).toMatchObject({ stage: "exact", dropped: [], searched: ["司法确认"] });
    expect(r.results.map((x) => x.id)).toEqual(["law33", "term"]);
    expect(calls).toEqual(["司法确认"]);
  });
  test("a question without question words finds the page, and says what it dropped", async () => {
    const calls: string[] = [];
    const r = await relaxedSearch("协议生效后多久申请司法确认", engine(calls), 1);
    expect(r).toMatchObject({ stage: "plain", dropped: ["多久"], searched: ["协议生效后 申请司法确认"] });
    expect(r.results.map((x) => x.id)).toEqual(["law33"]);
    expect(calls).toEqual(["协议生效后 申请司法确认"]);
  });
  test("goes on to looser stages until enough results are found; stricter results stay first", async () => {
    const calls: string[] = [];
    const r = await relaxedSearch("协议生效后多久申请司法确认", engine(calls), 3);
    expect(r.results[0].id).toBe("law33");
    expect(new Set(r.results.map((x) => x.id))).toEqual(new Set(["law33", "lesson", "term"]));
    expect(r.stage).toBe("any");
    expect(r.searched).toEqual(["协议", "生效", "申请", "司法", "确认", "期限", "时效"]);
  });
  test("a stage that adds nothing new does not count as used", async () => {
    const r = await relaxedSearch("台账 司法确认", engine([]), 5);
    // No page has both 台账 and 司法确认; the parts find all three (best score first), and the
    // word stage after them finds nothing new.
    expect(r.results.map((x) => x.id)).toEqual(["term", "law33", "lesson"]);
    expect(r.stage).toBe("parts");
    expect(r.searched).toEqual(["司法确认", "台账"]);
  });
  test("nothing found anywhere: no results, the first stage reported", async () => {
    const r = await relaxedSearch("宅基地", engine([]));
    expect(r).toMatchObject({ stage: "exact", results: [] });
  });
  test("a query with nothing searchable never calls the engine", async () => {
    const calls: string[] = [];
    expect((await relaxedSearch("吗？", engine(calls))).results).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe("cleanExcerpt", () => {
  test("drops pagefind's element separator at the start", () => {
    expect(cleanExcerpt(". 《民事诉讼法》第一百八十四条")).toBe("《民事诉讼法》第一百八十四条");
    expect(cleanExcerpt(". . <mark>调解</mark>")).toBe("<mark>调解</mark>");
  });
  test("turns separators after Chinese text into 。 and drops them after Chinese punctuation", () => {
    expect(cleanExcerpt("<mark>司法</mark><mark>确认</mark>. 双方当事人")).toBe("<mark>司法</mark><mark>确认</mark>。双方当事人");
    expect(cleanExcerpt("调解协议属特别程序. 确认")).toBe("调解协议属特别程序。确认");
    expect(cleanExcerpt("生活。. 下一句")).toBe("生活。下一句");
    expect(cleanExcerpt("相邻关系.")).toBe("相邻关系。");
  });
  test("leaves Latin text alone", () => {
    expect(cleanExcerpt("see e.g. this. And")).toBe("see e.g. this. And");
  });
});
