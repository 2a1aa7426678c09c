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

describe("the everyday-to-formal table", () => {
  test.each([
    ["调委会", ["人民调解委员会"]], ["村委会", ["村民委员会"]], ["居委会", ["居民委员会"]], ["收钱", ["收费"]], ["要钱", ["收费"]],
    ["老板", ["用人单位"]], ["工资", ["劳动报酬"]], ["欠薪", ["拖欠", "劳动报酬"]], ["两口子", ["夫妻"]], ["老伴", ["配偶"]],
    ["儿女", ["子女"]], ["孩子", ["子女"]], ["养老", ["赡养"]], ["家产", ["遗产", "继承"]], ["分家", ["继承"]],
    ["不给钱", ["不履行"]], ["赖账", ["不履行"]], ["反悔", ["不履行"]], ["说好的", ["口头协议"]], ["算数", ["效力", "生效"]],
    ["骗", ["欺诈"]], ["假货", ["欺诈"]], ["逼", ["胁迫"]], ["威胁", ["胁迫"]], ["私了", ["和解"]],
    ["打官司", ["起诉", "诉讼"]], ["告状", ["起诉"]], ["赔钱", ["赔偿"]], ["阳光", ["采光", "日照"]], ["挡光", ["采光", "日照"]],
    ["宅子", ["宅基地"]], ["地基", ["宅基地"]], ["多长时间", ["期限", "时效"]], ["多久", ["期限", "时效"]], ["过期", ["时效"]], ["打架", ["伤害"]],
  ] as const)("%s → %j", (everyday, formal) => {
    expect(formalWords(`这件事${everyday}`)).toEqual(formal);
  });
});
