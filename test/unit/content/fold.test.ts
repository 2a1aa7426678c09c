/**
 * Folded YAML text (`>-`) joins lines of Chinese without the space YAML puts there, keeps
 * the space between Latin words, and leaves everything else YAML decides untouched.
 */
import { describe, expect, it } from "vitest";
import { foldJoiner, isWide, joinFoldedLines } from "../../../src/lib/content/fold.ts";
import { parseYamlSource } from "../../../src/lib/content/source.ts";

/** The value of `text:` in a one-field document with the given folded body lines. */
const folded = (header: string, ...lines: string[]) => {
  const source = parseYamlSource(`text: ${header}\n${lines.map((l) => (l ? `  ${l}` : "")).join("\n")}\n`, "t.yaml");
  expect(source.issues).toEqual([]);
  return (source.data as { text: string }).text;
};

describe("folded text", () => {
  it("joins two lines of Chinese with nothing between them", () => {
    expect(folded(">-", "学员作为村人民调解委员会的调解员，", "要先确认双方自愿。")).toBe("学员作为村人民调解委员会的调解员，要先确认双方自愿。");
    expect(folded(">-", "调解", "协议")).toBe("调解协议");
  });

  it("keeps the space between Latin words and numbers", () => {
    expect(folded(">-", "People's Mediation", "Law of 2010")).toBe("People's Mediation Law of 2010");
    expect(folded(">-", "Art.", "17")).toBe("Art. 17");
  });

  it("keeps a space where Chinese meets Latin letters or digits, as CSS does", () => {
    expect(folded(">-", "越过原沟中心线约", "25 厘米")).toBe("越过原沟中心线约 25 厘米");
    expect(folded(">-", "2024 年 5 月 VIP", "客户")).toBe("2024 年 5 月 VIP 客户");
  });

  it("joins Chinese punctuation, full-width and ambiguous, to Chinese without a space", () => {
    expect(folded(">-", "他说：“好。”", "然后走了")).toBe("他说：“好。”然后走了");
    expect(folded(">-", "见第十七条", "（自愿原则）")).toBe("见第十七条（自愿原则）");
    expect(folded(">-", "事情还没完……", "第二天")).toBe("事情还没完……第二天");
    expect(folded(">-", "他说", "“不行”")).toBe("他说“不行”");
  });

  it("keeps a space around quotes and dashes in Latin text", () => {
    expect(folded(">-", "he said “no”", "and left")).toBe("he said “no” and left");
    expect(folded(">-", "he said", "“no”")).toBe("he said “no”");
  });

  it("does not treat Korean as written without spaces", () => {
    expect(folded(">-", "조정", "위원회")).toBe("조정 위원회");
  });

  it("keeps paragraphs, more-indented lines and chomping as YAML reads them", () => {
    expect(folded(">-", "第一段", "接着写", "", "第二段")).toBe("第一段接着写\n第二段");
    expect(folded(">-", "第一段", "", "", "第二段")).toBe("第一段\n\n第二段");
    expect(folded(">", "一行", "二行")).toBe("一行二行\n");
    expect(folded(">-", "列表：", "  一、自愿", "  二、平等", "结束")).toBe("列表：\n  一、自愿\n  二、平等\n结束");
  });

  it("reads digits inside the text as text (only a digit right after > is an indentation indicator)", () => {
    expect(folded(">-", "依照第1条", "规定")).toBe("依照第1条规定");
  });

  it("leaves plain text spread over several lines as YAML reads it (the guides teach >-)", () => {
    expect(parseYamlSource("a: 调解\n  协议\n", "t.yaml").data).toEqual({ a: "调解 协议" });
  });

  it("keeps spaces the author wrote inside a line", () => {
    expect(folded(">-", "张三 李四", "王五")).toBe("张三 李四王五");
  });

  it("reads a folded block with a comment after its header, and leaves literal and plain text alone", () => {
    expect(folded(">- # 说明", "调解", "协议")).toBe("调解协议");
    expect(folded("|-", "调解", "协议")).toBe("调解\n协议");
    const plain = parseYamlSource("a: 调解\nb: [调解, 协议]\n", "t.yaml").data;
    expect(plain).toEqual({ a: "调解", b: ["调解", "协议"] });
  });

  it("leaves a block with an explicit indentation indicator as YAML reads it", () => {
    expect(folded(">2-", "调解", "协议")).toBe("调解 协议");
  });

  it("re-joins folded text nested in lists and maps", () => {
    const data = parseYamlSource("items:\n  - stem: >-\n      问题\n      继续\n    n: 1\n", "t.yaml").data;
    expect(data).toEqual({ items: [{ stem: "问题继续", n: 1 }] });
  });

  it("keeps reporting lines and columns of the original text", () => {
    const source = parseYamlSource("a: >-\n  调解\n  协议\nb: 2\n", "t.yaml");
    expect(source.locate(["b"])).toEqual({ line: 4, column: 4 });
  });
});

describe("the joining rule", () => {
  it("names wide characters", () => {
    expect(["调", "。", "，", "（", "あ", "ア", "　"].map(isWide)).toEqual([true, true, true, true, true, true, true]);
    expect(["a", "1", " ", "“", "한", "-"].map(isWide)).toEqual([false, false, false, false, false, false]);
  });

  it("joins wide with wide, and ambiguous punctuation only beside wide", () => {
    expect(foldJoiner("调", "解")).toBe("");
    expect(foldJoiner("”", "然")).toBe("");
    expect(foldJoiner("说", "“")).toBe("");
    expect(foldJoiner("”", "“")).toBe(" ");
    expect(foldJoiner("a", "b")).toBe(" ");
    expect(foldJoiner("约", "2")).toBe(" ");
    expect(foldJoiner("5", "月")).toBe(" ");
  });

  it("returns YAML's value when the literal reading is not the same block", () => {
    expect(joinFoldedLines("调 解", "调\n解")).toBe("调解");
    expect(joinFoldedLines("调\n解", "调\n\n解")).toBe("调\n解");
    expect(joinFoldedLines("调 解", "别的\n字")).toBe("调 解");
    expect(joinFoldedLines("调 解", "x调\n解")).toBe("调 解"); // a character YAML's value lacks
    expect(joinFoldedLines("调 解", "调x解")).toBe("调 解"); // a space that stands for no line break
    expect(joinFoldedLines("调 解 多", "调\n解")).toBe("调 解 多"); // YAML's value is longer
    expect(joinFoldedLines("调", "调\n解")).toBe("调"); // the literal reading is longer
    expect(joinFoldedLines("", "")).toBe("");
  });
});
