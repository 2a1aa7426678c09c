import { describe, expect, test } from "vitest";
import { parseChineseNumeral, queryTokens, tokenize } from "../../../src/lib/search/tokenize.ts";
import { snippet } from "../../../src/lib/search/snippet.ts";

describe("parseChineseNumeral", () => {
  test.each([
    ["十", 10],
    ["十一", 11],
    ["二十八", 28],
    ["一百零五", 105],
    ["一千零六十七", 1067],
    ["两百", 200],
    ["33", 33],
  ])("%s → %i", (text, n) => expect(parseChineseNumeral(text)).toBe(n));
  test("is NaN for words that are not numerals", () => expect(parseChineseNumeral("调解")).toBeNaN());
});

describe("tokenize", () => {
  test("finds article numbers written in Chinese as digits too", () => {
    expect(tokenize("《人民调解法》第二十八条", "ngrams")).toContain("28");
    expect(tokenize("民法典第一千零六十七条", "words")).toContain("1067");
    expect(tokenize("第33条", "ngrams")).toContain("33");
  });
  test("keeps Latin words and digits as lowercase words", () => {
    expect(tokenize("QR 码 与 PDF 2024", "ngrams")).toEqual(expect.arrayContaining(["qr", "pdf", "2024"]));
  });
  test("ngrams are the bigrams of each CJK run; a lone character stands for itself", () => {
    expect(tokenize("调解协议", "ngrams")).toEqual(["调解", "解协", "协议"]);
    expect(tokenize("调 解", "ngrams")).toEqual(["调", "解"]);
  });
  test("words come from Intl.Segmenter dictionary segmentation", () => {
    const words = tokenize("申请司法确认", "words");
    expect(words.join("")).toBe("申请司法确认");
    expect(words.length).toBeGreaterThan(1);
  });
  test("combined holds both words and bigrams", () => {
    const tokens = tokenize("司法确认", "combined");
    expect(tokens).toEqual(expect.arrayContaining(["司法", "法确", "确认"]));
  });
  test("CJK Extension-A characters (U+3400–U+4DBF, in names and dialect words) are kept like common ones", () => {
    // 䶮 (U+4DAE) as in 刘䶮; 㐂 (U+3402) at the start of the block.
    expect(tokenize("刘䶮调解", "ngrams")).toEqual(["刘䶮", "䶮调", "调解"]);
    expect(tokenize("㐂", "ngrams")).toEqual(["㐂"]);
    expect(tokenize("刘䶮", "words").join("")).toBe("刘䶮");
  });
  test("CJK compatibility ideographs become their unified form (NFKC) and are kept", () => {
    // U+F9F1 is a compatibility form of 隣 (U+96A3).
    expect(tokenize("\uF9F1人", "ngrams")).toEqual(["隣人"]);
  });
  test("full-width letters and digits are normalised (NFKC)", () => {
    expect(tokenize("ＡＢＣ２８", "ngrams")).toEqual(["abc28"]);
  });
  test("queries are tokenised like documents, without repeats", () => {
    expect(queryTokens("调解 调解", "ngrams")).toEqual(["调解"]);
  });
});

describe("snippet", () => {
  test("marks the query words and keeps the rest plain", () => {
    const parts = snippet("当事人可以申请司法确认。", "司法确认");
    expect(parts).toEqual([
      { text: "当事人可以申请", mark: false },
      { text: "司法确认", mark: true },
      { text: "。", mark: false },
    ]);
  });
  test("cuts long text around the first match with ellipses", () => {
    const text = "甲".repeat(100) + "司法确认" + "乙".repeat(100);
    const joined = snippet(text, "司法确认", 40).map((p) => p.text).join("");
    expect(joined.startsWith("…")).toBe(true);
    expect(joined.endsWith("…")).toBe(true);
    expect(joined).toContain("司法确认");
  });
});
