/**
 * The printable written-exam paper, and the exam page's session rules that need no
 * PBKDF2 at full strength (a paper made with a cheap iteration count for openSite).
 */
import { describe, expect, it } from "vitest";
import { fill } from "../../../src/i18n/fill.ts";
import { zhCN } from "../../../src/i18n/zh-CN.ts";
import { CODE_ALPHABET, CODE_LENGTH, formatCode, newSessionCode, normalizeCode } from "../../../src/lib/exam/codes.ts";
import type { ExamPaper, PaperItem } from "../../../src/lib/exam/paper.ts";
import { printablePaper } from "../../../src/lib/exam/print.ts";
import { deriveSiteKeys, hmac, hmacHolds, KDF_ITERATIONS } from "../../../src/lib/exam/seal.ts";
import { draftKey } from "../../../src/lib/quiz/draft.ts";
import { answeredCount, EXAM_DRAFT_LEARNER, forget, handIn, keep, openSite, PAPER_KEY, readExamDraft, recall, SHEET_KEY, shortKey, startDraft, timeLeft, type ExamDraft } from "../../../src/lib/exam/session.ts";
import { sealHolds } from "../../../src/lib/exam/sheet.ts";
import { MemoryStorage } from "./memory-storage.ts";

const ITER = 1000;

function paperOf(items: PaperItem[], sites: { id: string; check: string }[] = [{ id: "1", check: "c" }]): ExamPaper {
  return {
    format: "ma-exam-paper",
    version: 1,
    id: "paper-a",
    level: "pre-job",
    exam: "pre-job-exam",
    title: "岗前<考试>",
    seed: "s",
    created: "2026-12-02T08:00:00Z",
    timeLimit: 45,
    passMark: 80,
    sites,
    items,
  };
}

const item = (n: number, over: Partial<PaperItem> = {}): PaperItem =>
  ({ id: `q${n}`, type: "single", stem: `题${n}`, points: 2, options: [{ id: "a", text: "甲" }, { id: "b", text: "乙" }], ...over }) as PaperItem;

describe("the printable paper", () => {
  it("heads the paper and the answer sheet with title, id, time, max and pass mark", () => {
    const html = printablePaper(paperOf([item(1), item(2, { points: 3 })]), zhCN, fill);
    expect(html).toContain("<title>岗前&#60;考试&#62;（paper-a）</title>");
    expect(html).toContain("<h1>岗前&#60;考试&#62;</h1>");
    expect(html).toContain('<p class="meta">试卷编号 paper-a · 认证级别 pre-job · 考试时间 45 分钟 · 满分 5 分 · 及格 80%</p>');
    expect(html).toContain("<p>共 2 题。");
    expect(html).toContain("<h1>答题卡 · 岗前&#60;考试&#62;</h1>");
    expect(html.match(/<p class="fields">/g)).toHaveLength(2);
    expect(html).toContain('<th scope="col">题号</th><th scope="col">答案</th><th scope="col">得分（阅卷填）</th>');
    expect(html).toContain("<p>阅卷人：");
    expect(html.startsWith("<!doctype html>")).toBe(true);
  });

  it("numbers items, lettering options in capitals, with points and the type's hint; text is escaped", () => {
    const html = printablePaper(paperOf([item(1, { stem: `a & b "c" 'd'`, options: [{ id: "a", text: "<b>x</b>" }] })]), zhCN, fill);
    expect(html).toContain(`<section class="item"><p class="stem"><b>1.</b> a &#38; b &#34;c&#34; &#39;d&#39; <span class="pts">（2 分）</span></p><p class="hint">单选：选一个字母。</p><ul class="options"><li>A. &#60;b&#62;x&#60;/b&#62;</li></ul></section>`);
    expect(html).toContain('<tr><th scope="row">1</th><td></td><td></td></tr>');
    const two = printablePaper(paperOf([item(1)]), zhCN, fill);
    expect(two).toContain('<ul class="options"><li>A. 甲</li><li>B. 乙</li></ul>');
  });

  it("true-false has no options; a case shows its situation first", () => {
    const html = printablePaper(
      paperOf([item(1, { type: "true-false", options: undefined }), item(2, { type: "case-judgement", situation: "邻里<纠纷>" })]),
      zhCN,
      fill,
    );
    expect(html).toContain('<section class="item"><p class="stem"><b>1.</b> 题1 <span class="pts">（2 分）</span></p><p class="hint">判断：正确的写“对”，错误的写“错”。</p></section>');
    expect(html).toContain('<section class="item"><p class="situation">案情：邻里&#60;纠纷&#62;</p><p class="stem"><b>2.</b>');
    expect(html).toContain('<tr><th scope="row">2</th><td></td><td></td></tr>');
  });

  it("matching lists the prompts with a blank each, then the options, and numbered blanks on the sheet", () => {
    const matching = item(1, { type: "matching", prompts: [{ id: "p1", text: "甲方" }, { id: "p2", text: "乙方" }], options: [{ id: "a", text: "调解" }, { id: "b", text: "诉讼" }] });
    const html = printablePaper(paperOf([matching]), zhCN, fill);
    expect(html).toContain('<p class="hint">配对：为每一项写一个字母，同一字母可用多次，也可不用。</p><ol class="prompts"><li>甲方　（　　）</li><li>乙方　（　　）</li></ol><ul class="options"><li>A. 调解</li><li>B. 诉讼</li></ul></section>');
    expect(html).toContain('<tr><th scope="row">1</th><td>1.（　） 2.（　）</td><td></td></tr>');
  });

  it("an item type without a hint gets an empty hint, not 'undefined'", () => {
    const html = printablePaper(paperOf([item(1, { type: "ordering" })]), { ...zhCN, "exam.print.hint.ordering": undefined } as unknown as Record<string, string>, fill);
    expect(html).toContain('<p class="hint"></p>');
    expect(html).not.toContain("undefined");
  });
});

describe("session codes", () => {
  it("eight symbols from the 32-letter alphabet, shown as two groups of four", () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_LENGTH).toBe(8);
    expect(formatCode("ABCDEFGH")).toBe("ABCD-EFGH");
    expect(newSessionCode(() => Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]))).toBe("3456-789A");
    const codes = new Set(Array.from({ length: 20 }, () => newSessionCode()));
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(codes.size).toBeGreaterThan(15);
  });

  it("forgives blank space, dashes of every width, underscores and case", () => {
    expect(normalizeCode(" k7m2－qx9d ")).toBe("K7M2QX9D");
    expect(normalizeCode("K7M2—QX9D")).toBe("K7M2QX9D");
    expect(normalizeCode("K7M2_QX9D")).toBe("K7M2QX9D");
    expect(normalizeCode("K7\tM2\nQX9D")).toBe("K7M2QX9D");
    expect(normalizeCode("K7M2.QX9D")).toBeUndefined();
    expect(normalizeCode("")).toBeUndefined();
  });
});

describe("seal keys", () => {
  it("the check value is 16 bytes in base64url; the default stretch is 100,000 rounds", async () => {
    expect(KDF_ITERATIONS).toBe(100_000);
    const keys = await deriveSiteKeys("K7M2QX9D", "p", "1", ITER);
    expect(keys.check).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(keys.sealKey.extractable).toBe(false);
    expect((await deriveSiteKeys("K7M2QX9D", "p", "1", ITER + 1)).check).not.toBe(keys.check);
  });

  it("PBKDF2-SHA-256 salted with paper and site: the first 32 bytes key the seal, the hash of the rest is the check", async () => {
    const { createHash, createHmac, pbkdf2Sync } = await import("node:crypto");
    const bits = pbkdf2Sync("K7M2QX9D", "ma-exam/v1/paper-a/1", ITER, 64, "sha256");
    const keys = await deriveSiteKeys("K7M2QX9D", "paper-a", "1", ITER);
    expect(keys.check).toBe(createHash("sha256").update(bits.subarray(32)).digest().subarray(0, 16).toString("base64url"));
    expect(await hmac(keys.sealKey, { b: "证", a: 1 })).toBe(createHmac("sha256", bits.subarray(0, 32)).update('{"a":1,"b":"证"}').digest("base64url"));
    expect((await deriveSiteKeys("K7M2QX9D", "paper-b", "1", ITER)).check).not.toBe(keys.check);
    expect((await deriveSiteKeys("K7M2QX9D", "paper-a", "2", ITER)).check).not.toBe(keys.check);
  });

  it("a mac that is no base64url, or another value's mac, does not hold", async () => {
    const { sealKey } = await deriveSiteKeys("K7M2QX9D", "p", "1", ITER);
    const mac = await hmac(sealKey, { a: 1, b: [2] });
    expect(await hmacHolds(sealKey, { b: [2], a: 1 }, mac)).toBe(true);
    expect(await hmacHolds(sealKey, { a: 1, b: [3] }, mac)).toBe(false);
    expect(await hmacHolds(sealKey, { a: 1, b: [2] }, "!!not base64!!")).toBe(false);
  });
});

describe("the exam session", () => {
  it("opens the site whose check the code gives, trying every site", async () => {
    const site = async (id: string, code: string) => ({ id, check: (await deriveSiteKeys(code, "paper-a", id, ITER)).check });
    const paper = paperOf([item(1)], [await site("1", "K7M2QX9D"), await site("2", "ABCDEFGH")]);
    expect(await openSite(paper, "abcd-efgh", ITER)).toMatchObject({ ok: true, site: "2" });
    expect(await openSite(paper, "K7M2 QX9D", ITER)).toMatchObject({ ok: true, site: "1" });
    expect(await openSite(paper, "K7M2-QX9E", ITER)).toEqual({ ok: false, code: "code-wrong" });
    expect(await openSite(paper, "K7M2", ITER)).toEqual({ ok: false, code: "code-format" });
  });

  it("a new draft: the paper's items in order, nothing answered, the clock from now", () => {
    const paper = paperOf([item(1), item(2)]);
    expect(startDraft(paper, "1", " QX-1 ", " 张三 ", 1000)).toEqual({
      version: 1,
      learner: EXAM_DRAFT_LEARNER,
      quiz: "paper-a",
      seed: "s",
      items: ["q1", "q2"],
      answers: {},
      index: 0,
      started: 1000,
      saved: 1000,
      ticket: "QX-1",
      name: "张三",
      site: "1",
    });
    expect(EXAM_DRAFT_LEARNER).toBe("exam");
  });

  it("no draft for a ticket or a name that cannot be right, each named", () => {
    const paper = paperOf([item(1)]);
    expect(startDraft(paper, "1", "QX 1", "张三", 1)).toEqual({ problem: "ticket" });
    expect(startDraft(paper, "1", "QX-1", "", 1)).toEqual({ problem: "name" });
    expect(startDraft(paper, "1", "", "", 1)).toEqual({ problem: "ticket" });
  });

  it("the page keeps the paper and the sheet under their own keys, apart from drafts", () => {
    const storage = new MemoryStorage();
    expect(keep(storage, PAPER_KEY, "paper")).toBe(true);
    expect(keep(storage, SHEET_KEY, "sheet")).toBe(true);
    expect([...storage.map.keys()].sort()).toEqual(["ma.exam/paper", "ma.exam/sheet"]);
    expect(recall(storage, PAPER_KEY)).toBe("paper");
    forget(storage, SHEET_KEY);
    expect(recall(storage, SHEET_KEY)).toBeUndefined();
    expect(recall(undefined, PAPER_KEY)).toBeUndefined();
    expect(() => forget(undefined, PAPER_KEY)).not.toThrow();
  });

  it("resumes only a draft of this paper's draw, site, ticket and name", () => {
    const paper = paperOf([item(1), item(2)]);
    const storage = new MemoryStorage();
    const draft = startDraft(paper, "1", "QX-1", "张三", 1000) as ExamDraft;
    const put = (d: object) => storage.setItem(draftKey(EXAM_DRAFT_LEARNER, paper.id), JSON.stringify(d));
    put(draft);
    expect(readExamDraft(storage, paper)).toEqual(draft);
    for (const broken of [{ ticket: 5 }, { ticket: undefined }, { name: 5 }, { name: undefined }, { items: ["q2", "q1"] }, { items: undefined }, { site: undefined }]) {
      put({ ...draft, ...broken });
      expect(readExamDraft(storage, paper), JSON.stringify(broken)).toBeUndefined();
    }
  });

  it("time left never goes below zero and counts the paper's minutes", () => {
    expect(timeLeft({ started: 0 }, { timeLimit: 45 }, 0)).toBe(45 * 60_000);
    expect(timeLeft({ started: 0 }, { timeLimit: 45 }, 45 * 60_000 - 1)).toBe(1);
    expect(timeLeft({ started: 0 }, { timeLimit: 45 }, 45 * 60_000 + 1)).toBe(0);
  });

  it("counts an answer of false, an order and a matching; not null, [] or none", () => {
    const paper = paperOf([item(1), item(2), item(3), item(4), item(5), item(6)]);
    expect(answeredCount(paper, { answers: { q1: false, q2: ["a"], q3: {}, q4: null, q5: [], q9: "a" } })).toBe(3);
  });

  it("hands in only this paper's answers, sealed, with the times as ISO text", async () => {
    const paper = paperOf([item(1), item(2)]);
    const { sealKey } = await deriveSiteKeys("K7M2QX9D", "paper-a", "1", ITER);
    const draft = { ...(startDraft(paper, "1", "QX-1", "张三", Date.parse("2026-12-02T09:00:00Z")) as ExamDraft), answers: { q1: "a", q2: true, q7: "b", toString: "x" } };
    const sheet = await handIn(paper, draft, sealKey, Date.parse("2026-12-02T09:40:00Z"));
    expect(sheet).toMatchObject({
      format: "ma-exam-sheet",
      version: 1,
      paper: "paper-a",
      level: "pre-job",
      site: "1",
      ticket: "QX-1",
      name: "张三",
      responses: { q1: "a", q2: true },
      started: "2026-12-02T09:00:00.000Z",
      submitted: "2026-12-02T09:40:00.000Z",
      seal: { alg: "HMAC-SHA-256" },
    });
    expect(Object.keys(sheet.responses)).toEqual(["q1", "q2"]);
    expect(await sealHolds(sheet, sealKey)).toBe(true);
    expect(await sealHolds({ ...sheet, seal: { ...sheet.seal, alg: "HMAC-SHA-1" as "HMAC-SHA-256" } }, sealKey)).toBe(false);
  });

  it("shortKey: a did:key over 14 characters keeps its first 8 and last 6", () => {
    expect(shortKey("did:key:abcdefghijklmn")).toBe("abcdefghijklmn");
    expect(shortKey("did:key:abcdefghijklmno")).toBe("abcdefgh…jklmno");
    expect(shortKey("abcdefghijklmnop")).toBe("abcdefgh…klmnop");
    expect(shortKey("xdid:key:abcdef")).toBe("xdid:key…abcdef");
  });
});
