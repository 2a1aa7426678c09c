import { describe, expect, test } from "vitest";
import { analyseQuery, asksQuestion, mergeResults, relaxationPlan, relaxedSearch, type Scored } from "../../../src/lib/search/relax.ts";
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
    const r = await relaxedSearch("司法确认", engine(calls), { want: 1 });
    expect(r).toMatchObject({ stage: "exact", dropped: [], searched: ["司法确认"] });
    expect(r.results.map((x) => x.id)).toEqual(["law33", "term"]);
    expect(calls).toEqual(["司法确认"]);
  });
  test("a keyword query runs its stages in turn until enough are found; stricter results stay first", async () => {
    const calls: string[] = [];
    const r = await relaxedSearch("申请 司法 台账", engine(calls), { want: 3 });
    // Only the lesson has all three words: it stays first though the others score higher.
    expect(r.results.map((x) => x.id)).toEqual(["lesson", "term", "law33"]);
    expect(r).toMatchObject({ stage: "parts", searched: ["申请", "司法", "台账"] });
    expect(calls).toEqual(["申请 司法 台账", "申请", "司法", "台账"]);
  });
  test("a question runs its whole plan and ranks by score summed over its parts and words, not by stage", async () => {
    const calls: string[] = [];
    const r = await relaxedSearch("协议生效后多久申请司法确认", engine(calls), { want: 2 });
    // law33 0.59 × 7 searches, term 2.5 × 2 (司法, 确认), lesson 0.53 × 5; the plain search
    // (law33 only) adds nothing, and the formal words 期限/时效 find nothing here.
    expect(r.results.map((x) => x.id)).toEqual(["term", "law33", "lesson"]);
    expect(calls).toEqual(["协议生效后 申请司法确认", "申请司法确认", "协议生效后", "协议", "生效", "申请", "司法", "确认", "期限", "时效"]);
    // term, shown in the top 2, was found by single words only: the page says so.
    expect(r).toMatchObject({ stage: "any", dropped: ["多久"] });
    expect(r.searched).toEqual(["协议", "生效", "申请", "司法", "确认", "期限", "时效"]);
  });
  test("a question's results are weighted (the search page gives lessons less)", async () => {
    const r = await relaxedSearch("协议生效后多久申请司法确认", engine([]), { want: 2, weight: (x) => (x.id === "term" ? 0.1 : 1) });
    expect(r.results.map((x) => x.id)).toEqual(["law33", "lesson", "term"]);
    // Both shown results were found by the parts (law33) and words (lesson): the loosest is "any".
    expect(r.stage).toBe("any");
  });
  test("when a question's top results all come from the plain search, it reports only the plain stage", async () => {
    const r = await relaxedSearch("协议生效后多久申请司法确认", engine([]), { want: 1, weight: (x) => (x.id === "law33" ? 10 : 1) });
    expect(r).toMatchObject({ stage: "plain", searched: ["协议生效后 申请司法确认"] });
  });
  test("in a question, the law's word for an everyday one counts half as much as the question's own words", async () => {
    const pages: Record<string, { text: string; score: number }> = { formal: { text: "期限 时效", score: 1 }, own: { text: "申请", score: 1.5 } };
    const search = async (q: string) =>
      Object.entries(pages)
        .filter(([, p]) => p.text.includes(q))
        .map(([id, p]) => ({ id, score: p.score }));
    // formal: 2 × 1 × 0.5 = 1 < own: 1.5 (at full weight formal would have 2).
    expect((await relaxedSearch("申请要多久", search)).results.map((x) => x.id)).toEqual(["own", "formal"]);
  });
  test("in a question, the plain search only tells which pages have every part: its score is not added", async () => {
    const scores: Record<string, { id: string; score: number }[]> = {
      "赡养 再婚子女": [{ id: "a", score: 5 }],
      赡养: [{ id: "a", score: 1 }],
      再婚: [{ id: "b", score: 2.5 }],
    };
    // Counted, the plain search would give a 6 against b's 2.5.
    expect((await relaxedSearch("赡养吗再婚子女", async (q) => scores[q] ?? [])).results.map((x) => x.id)).toEqual(["b", "a"]);
  });
  test("a search made in two stages (a part that is also a word) counts once", async () => {
    const calls: string[] = [];
    const scores: Record<string, { id: string; score: number }[]> = { 赡养: [{ id: "a", score: 1 }], 再婚: [{ id: "b", score: 1.5 }] };
    const r = await relaxedSearch("赡养吗再婚子女", async (q) => (calls.push(q), scores[q] ?? []));
    // 赡养 is a part and a word: counted twice it would give a 2 against b's 1.5.
    expect(r.results.map((x) => x.id)).toEqual(["b", "a"]);
    expect(calls).toEqual(["赡养 再婚子女", "再婚子女", "赡养", "再婚", "子女"]);
  });
  test("a stage that adds nothing new does not count as used", async () => {
    const r = await relaxedSearch("台账 司法确认", engine([]), { want: 5 });
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
  test("an excerpt that is only a separator becomes empty; runs of spaces after a separator go too", () => {
    expect(cleanExcerpt(".")).toBe("");
    expect(cleanExcerpt("生活。.")).toBe("生活。");
    expect(cleanExcerpt("生活。.  下一句")).toBe("生活。下一句");
    expect(cleanExcerpt("确认.  双方")).toBe("确认。双方");
    expect(cleanExcerpt("  调解 ")).toBe("调解");
  });
  test("leaves Latin text alone", () => {
    expect(cleanExcerpt("see e.g. this. And")).toBe("see e.g. this. And");
  });
});

describe("what counts as a question word", () => {
  test.each([
    "是什么意思", "什么意思", "怎么处理", "怎么办理", "怎么回事", "怎么办", "怎么弄", "怎么样", "怎么", "咋办", "咋弄",
    "怎样", "如何", "是什么", "是啥", "什么", "为什么", "为啥", "多长时间内", "多长时间", "多久以内", "多久内", "多少钱", "多久", "多少", "哪些", "哪个",
    "哪里", "是不是", "能不能", "可不可以", "行不行", "要不要", "有没有", "算不算数", "算不算", "能否", "是否",
    "还能", "可以", "请问", "一下", "应该", "需要",
  ])("%s is dropped whole, wherever it stands", (phrase) => {
    expect(analyseQuery(`宅基地${phrase}`)).toMatchObject({ dropped: [phrase], parts: ["宅基地"] });
    expect(analyseQuery(`${phrase}宅基地`).dropped).toEqual([phrase]);
  });
  test.each(["吗", "呢", "吧", "啊", "呀", "嘛", "么", "咋", "啥", "的", "了", "是", "能", "还", "要", "我", "你", "他", "她", "几", "谁", "呗", "在", "想"])(
    "the filler %s is dropped when it stands alone",
    (filler) => {
      expect(analyseQuery(`宅基地 ${filler} 协议`)).toMatchObject({ dropped: [filler], parts: ["宅基地", "协议"] });
    },
  );
  test.each(["我家", "好的", "时候", "几个", "不想", "真是", "这个", "那个", "现在", "已经", "还是", "就是", "因为", "所以", "但是", "如果", "一个", "没有", "不是"])(
    "the common word %s is kept in the parts but not searched on its own",
    (word) => {
      const a = analyseQuery(`调解 ${word} 协议`);
      expect(a.parts).toContain(word);
      expect(a.words).toEqual(["调解", "协议"]);
    },
  );
  test("a question phrase is matched at every position, not only the first", () => {
    expect(analyseQuery("怎么 赡养 怎么办").dropped).toEqual(["怎么", "怎么办"]);
    expect(analyseQuery("怎么 赡养 怎么办").parts).toEqual(["赡养"]);
  });
  test("the same part twice is searched once", () => {
    expect(analyseQuery("赡养，赡养").parts).toEqual(["赡养"]);
  });
  test("leading and trailing spaces do not become part of the query", () => {
    expect(analyseQuery("  赡养  ").query).toBe("赡养");
    expect(relaxationPlan("  赡养  ")[0].queries).toEqual(["赡养"]);
  });
  test("the dictionary segments words (a query of two words yields two words, not characters)", () => {
    expect(analyseQuery("调解协议").words).toEqual(["调解", "协议"]);
  });
});

describe("plan details", () => {
  test("a single word left after dropping question words gives no word-by-word stage", () => {
    expect(relaxationPlan("赡养吗")).toEqual([{ stage: "plain", queries: ["赡养"] }]);
  });
  test("a single everyday word still gets its formal word in a word stage", () => {
    expect(relaxationPlan("收钱")).toEqual([
      { stage: "exact", queries: ["收钱"] },
      { stage: "any", queries: ["收钱", "收费"] },
    ]);
  });
  test("the word stage is skipped when every word was already searched as a part", () => {
    expect(relaxationPlan("调解 协议").map((s) => s.stage)).toEqual(["exact", "parts"]);
  });
});

describe("what counts as a question", () => {
  test("question words, or one unbroken sentence of seven characters or more", () => {
    expect(asksQuestion("调解要收钱吗")).toBe(true);
    expect(asksQuestion("家里人虐待老人")).toBe(true);
    expect(asksQuestion("虐待老人家人")).toBe(false);
    expect(asksQuestion("劳动仲裁 申请时效")).toBe(false);
  });
  test("a citation is not a sentence, and a question with one thing to search is searched as typed", () => {
    expect(asksQuestion("人民调解法第三十三条")).toBe(false);
    expect(asksQuestion("民法典一千零六十七")).toBe(true);
    expect(asksQuestion("民法典第1067条调解")).toBe(false);
    expect(asksQuestion("赡养吗")).toBe(false);
  });
  test("an everyday word of the synonyms table is one word, never cut into bigrams", () => {
    const { words } = analyseQuery("调委会由几个人组成");
    expect(words).toContain("调委会");
    expect(words.some((w) => w !== "调委会" && (w.includes("委") || w.includes("调")))).toBe(false);
  });
  test("a one-character everyday word (骗) is not searched on its own", () => {
    expect(analyseQuery("被骗签的协议").words).toEqual(["被骗", "骗签", "协议"]);
  });
});

describe("relaxedSearch reporting", () => {
  test("when only the plain stage runs, it reports the plain query it searched", async () => {
    const r = await relaxedSearch("赡养吗", async () => []);
    expect(r).toMatchObject({ stage: "plain", searched: ["赡养"], dropped: ["吗"], results: [] });
  });
  test("when nothing is found, it reports the first search it made", async () => {
    expect((await relaxedSearch("调解 吗 协议", async () => [])).searched).toEqual(["调解 协议"]);
    expect((await relaxedSearch("赡养", async () => [])).searched).toEqual(["赡养"]);
  });
  test("ties in a merge keep the order in which results were first found", () => {
    const merged = mergeResults<Scored>([
      { query: "甲乙", results: [{ id: "x", score: 1 }, { id: "y", score: 1 }, { id: "z", score: 1 }] },
    ]);
    expect(merged.map((r) => r.id)).toEqual(["x", "y", "z"]);
  });
});
