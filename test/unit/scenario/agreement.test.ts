/** The written-agreement check against 《人民调解法》第二十九条. */
import { beforeEach, describe, expect, it } from "vitest";
import { checkAgreement, elementNames, sampleDraft, suppliableElements } from "../../../src/lib/scenario/agreement.ts";
import type { NodeOf, Party } from "../../../src/lib/scenario/schema.ts";
import { example } from "./helpers.ts";

let node: NodeOf<"agreement">;
let parties: readonly Party[];
beforeEach(() => {
  const scenario = example();
  node = scenario.nodes.draft as NodeOf<"agreement">;
  parties = scenario.parties;
});
const check = (clauses: string[], details?: Record<string, { name?: string; address?: string }>) =>
  checkAgreement(node, parties, { clauses, parties: details });

const COMPLETE = ["parties-full", "main-facts", "responsibility", "terms", "performance"];

describe("checkAgreement", () => {
  it("accepts a draft with all five required elements and no defective clause", () => {
    const result = check(COMPLETE);
    expect(result).toMatchObject({ verdict: "lawful", missing: [], defects: [], unknownClauses: [], messages: [] });
    expect(result.satisfied).toEqual(["parties", "facts", "responsibility", "terms", "performance"]);
  });

  it("names every missing element in zh-CN, in the law's order", () => {
    const result = check(["terms"]);
    expect(result.verdict).toBe("incomplete");
    expect(result.missing.map((m) => m.name)).toEqual(["当事人的基本情况", "纠纷的主要事实", "争议事项和各方责任", "履行方式和期限"]);
    expect(result.messages[0]).toBe("协议书缺少“当事人的基本情况”（缺：张德福的姓名和住所；李国强的姓名和住所）");
    expect(result.messages[3]).toBe("协议书缺少“履行方式和期限”");
  });

  it("does not count a clause that names the parties only by nickname", () => {
    expect(check(["parties-nick", ...COMPLETE.slice(1)]).missing.map((m) => m.element)).toEqual(["parties"]);
  });

  it("accepts typed party details in place of a parties clause, and names what is missing from them", () => {
    const rest = COMPLETE.slice(1);
    const full = { zhang: { name: "张德福", address: "青石村三组 17 号" }, li: { name: "李国强", address: "青石村三组 18 号" } };
    expect(check(rest, full).verdict).toBe("lawful");
    const partial = check(rest, { zhang: { name: "张德福", address: "  " }, li: { address: "青石村三组 18 号" } });
    expect(partial.verdict).toBe("incomplete");
    expect(partial.missing).toEqual([{ element: "parties", name: "当事人的基本情况", detail: "张德福的住所；李国强的姓名" }]);
    const blank = check(rest, { zhang: { name: "张德福" }, li: { name: " ", address: "青石村三组 18 号" } });
    expect(blank.missing[0].detail).toBe("张德福的住所；李国强的姓名");
  });

  it("only requires details of parties who sign", () => {
    const withCadre: Party[] = [...parties, { id: "wang", name: "王振华", role: "村主任", interests: ["村里安定"], mood: "calm", signsAgreement: false }];
    const full = { zhang: { name: "张德福", address: "17 号" }, li: { name: "李国强", address: "18 号" } };
    expect(checkAgreement(node, withCadre, { clauses: COMPLETE.slice(1), parties: full }).verdict).toBe("lawful");
  });

  it("never counts an unlawful or coerced clause toward an element, even when it claims one", () => {
    // The checker refuses such a clause in a scenario file; the agreement check must not rely on that.
    const claims = node.clauses.map((c) => (c.id === "no-lawsuit" || c.id === "village-pressure" ? { ...c, satisfies: ["terms" as const, "performance" as const] } : c));
    const tainted = { ...node, clauses: claims.filter((c) => c.id !== "terms" && c.id !== "performance") };
    const result = checkAgreement(tainted, parties, { clauses: ["parties-full", "main-facts", "responsibility", "no-lawsuit", "village-pressure"] });
    expect(result.missing.map((m) => m.element)).toEqual(["terms", "performance"]);
    expect(result.satisfied).toEqual(["parties", "facts", "responsibility"]);
    expect([...suppliableElements(tainted)].sort()).toEqual(["facts", "parties", "responsibility"]);
    expect(sampleDraft(tainted, parties, "lawful")).toBeUndefined();
  });

  it("requires a parties clause when nobody at the table signs: typed details cannot stand in for no one", () => {
    const nonSigners = parties.map((p) => ({ ...p, signsAgreement: false }));
    const result = checkAgreement(node, nonSigners, { clauses: COMPLETE.slice(1) });
    expect(result.verdict).toBe("incomplete");
    expect(result.missing).toEqual([{ element: "parties", name: "当事人的基本情况", detail: undefined }]);
    expect(checkAgreement(node, nonSigners, { clauses: COMPLETE }).verdict).toBe("lawful");
    const noPartiesClause = { ...node, clauses: node.clauses.filter((c) => c.id !== "parties-full") };
    expect(sampleDraft(noPartiesClause, nonSigners, "lawful")).toBeUndefined();
  });

  it("flags unlawful and coerced clauses with their explanation and law", () => {
    const result = check([...COMPLETE, "no-lawsuit", "village-pressure"]);
    expect(result.verdict).toBe("unlawful");
    expect(result.defects).toEqual([
      { clause: "no-lawsuit", kind: "unlawful", explanation: expect.stringContaining("起诉的权利"), law: ["rmtjf-3", "rmtjf-32"] },
      { clause: "village-pressure", kind: "coerced", explanation: expect.stringContaining("胁迫"), law: ["rmtjf-3", "mfd-150"] },
    ]);
    expect(result.messages).toEqual([
      expect.stringMatching(/^条款“甲方今后不得就本纠纷向人民法院起诉。”违法：/),
      expect.stringMatching(/^条款“乙方如不按期完工，村委会将不再为其办理任何证明。”不是当事人自愿的：/),
    ]);
  });

  it("calls a draft unlawful even when it is also incomplete, and lists both problems", () => {
    const result = check(["terms", "no-lawsuit"]);
    expect(result.verdict).toBe("unlawful");
    expect(result.missing).toHaveLength(4);
    expect(result.messages).toHaveLength(5);
  });

  it("ignores duplicate picks and reports clause ids the node does not offer", () => {
    const result = check([...COMPLETE, "terms", "made-up"]);
    expect(result.verdict).toBe("lawful");
    expect(result.unknownClauses).toEqual(["made-up"]);
  });

  it("names the five elements as the law lists them", () => {
    expect(elementNames).toEqual({
      parties: "当事人的基本情况",
      facts: "纠纷的主要事实",
      responsibility: "争议事项和各方责任",
      terms: "达成的协议内容",
      performance: "履行方式和期限",
    });
  });

  it("shortens a long defective clause to its first 24 characters in the message", () => {
    const long = "甲方今后不得就本纠纷向人民法院起诉，也不得向任何部门反映，否则赔偿乙方一万元。";
    const withLong = { ...node, clauses: node.clauses.map((c) => (c.id === "no-lawsuit" ? { ...c, text: long } : c)) };
    const result = checkAgreement(withLong, parties, { clauses: [...COMPLETE, "no-lawsuit"] });
    expect(result.messages[0]).toMatch(new RegExp(`^条款“${long.slice(0, 24)}……”违法：`));
  });
});

describe("sample drafts (used to explore and to script runs)", () => {
  it("builds a lawful draft from one clause per element, with no typed details when a clause names the parties", () => {
    const draft = sampleDraft(node, parties, "lawful")!;
    expect(check(draft.clauses).verdict).toBe("lawful");
    expect(draft).toEqual({ clauses: COMPLETE });
  });

  it("picks a clause that supplies two elements once, and no second clause for the element it covers", () => {
    const both = {
      ...node,
      clauses: node.clauses
        .filter((c) => c.id !== "responsibility")
        .map((c) => (c.id === "main-facts" ? { ...c, satisfies: ["facts" as const, "responsibility" as const] } : c)),
    };
    expect(sampleDraft(both, parties, "lawful")).toEqual({ clauses: ["parties-full", "main-facts", "terms", "performance"] });
  });

  it("has no unlawful draft to offer when no clause is defective", () => {
    const clean = { ...node, clauses: node.clauses.filter((c) => !c.unlawful && !c.coerced) };
    expect(sampleDraft(clean, parties, "unlawful")).toBeUndefined();
    expect(sampleDraft(clean, parties, "lawful")).toBeDefined();
  });

  it("builds an unlawful draft by adding the first defective clause", () => {
    const draft = sampleDraft(node, parties, "unlawful")!;
    expect(check(draft.clauses).verdict).toBe("unlawful");
  });

  it("falls back to typed details when no clause supplies the parties", () => {
    const noParties = { ...node, clauses: node.clauses.filter((c) => c.id !== "parties-full") };
    const draft = sampleDraft(noParties, parties, "lawful")!;
    expect(suppliableElements(noParties).has("parties")).toBe(true);
    expect(Object.keys(draft.parties ?? {})).toEqual(["zhang", "li"]);
    expect(checkAgreement(noParties, parties, draft).verdict).toBe("lawful");
  });

  it("gives up when an element cannot be supplied", () => {
    const noTerms = { ...node, clauses: node.clauses.filter((c) => c.id !== "terms") };
    expect(sampleDraft(noTerms, parties, "lawful")).toBeUndefined();
    expect(suppliableElements(noTerms).has("terms")).toBe(false);
  });
});

describe("the wording of the agreement check", () => {
  it("quotes a defective clause of exactly 24 characters whole, and a longer one shortened", () => {
    const of = (text: string) => {
      const edited = { ...node, clauses: node.clauses.map((c) => (c.id === "village-pressure" ? { ...c, text } : c)) };
      return checkAgreement(edited, parties, { clauses: [...COMPLETE, "village-pressure"] }).messages[0];
    };
    const exactly24 = "乙方如不按期完工，村委会将不再为其办理任何证明。";
    expect(exactly24).toHaveLength(24);
    expect(of(exactly24)).toBe(`条款“${exactly24}”不是当事人自愿的：${node.clauses.find((c) => c.id === "village-pressure")!.coerced}`);
    expect(of(`${exactly24}否`)).toMatch(new RegExp(`^条款“${exactly24}……”不是当事人自愿的：`));
  });

  it("lists the missing elements before the defective clauses", () => {
    const result = check(["parties-full", "main-facts", "responsibility", "terms", "no-lawsuit"]);
    expect(result.messages).toEqual(["协议书缺少“履行方式和期限”", expect.stringMatching(/^条款“甲方今后不得就本纠纷向人民法院起诉。”违法：调解不能剥夺/)]);
  });

  it("names each signer's missing name and address, joined for reading", () => {
    expect(check(COMPLETE.slice(1), {}).missing[0].detail).toBe("张德福的姓名和住所；李国强的姓名和住所");
    expect(check(COMPLETE.slice(1), { zhang: { name: "张德福", address: "17 号" } }).missing[0].detail).toBe("李国强的姓名和住所");
  });

  it("counts the elements a defective clause claims as missing while listing the rest as satisfied, in the law's order", () => {
    const result = check(["performance", "terms", "main-facts"]);
    expect(result.satisfied).toEqual(["facts", "terms", "performance"]);
    expect(result.missing.map((m) => m.element)).toEqual(["parties", "responsibility"]);
  });
});

describe("sample drafts in detail", () => {
  it("types each signer's real name and a sample address when no clause states the parties", () => {
    const noParties = { ...node, clauses: node.clauses.filter((c) => c.id !== "parties-full") };
    expect(sampleDraft(noParties, parties, "lawful")).toEqual({
      clauses: ["main-facts", "responsibility", "terms", "performance"],
      parties: { zhang: { name: "张德福", address: "（示例住所）" }, li: { name: "李国强", address: "（示例住所）" } },
    });
  });

  it("adds the first defective clause offered to an unlawful draft", () => {
    expect(sampleDraft(node, parties, "unlawful")).toEqual({ clauses: [...COMPLETE, "no-lawsuit"] });
  });

  it("never picks a defective clause as a lawful one, even when it claims an element", () => {
    const claims = { ...node, clauses: node.clauses.map((c) => (c.id === "no-lawsuit" ? { ...c, satisfies: ["parties" as const] } : c)) };
    const reordered = { ...claims, clauses: [claims.clauses.find((c) => c.id === "no-lawsuit")!, ...claims.clauses.filter((c) => c.id !== "no-lawsuit")] };
    expect(sampleDraft(reordered, parties, "lawful")).toEqual({ clauses: COMPLETE });
  });

  it("lists what a node's lawful clauses can supply, the parties always (by the form)", () => {
    expect([...suppliableElements({ ...node, clauses: node.clauses.filter((c) => c.id === "terms" || c.id === "no-lawsuit") })]).toEqual(["parties", "terms"]);
  });
});
