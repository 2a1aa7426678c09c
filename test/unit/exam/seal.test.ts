import { describe, expect, test, vi } from "vitest";
import { CODE_ALPHABET, newSessionCode, normalizeCode } from "../../../src/lib/exam/codes.ts";
import { deriveSiteKeys } from "../../../src/lib/exam/seal.ts";
import { openSite, startDraft, handIn, answer, type ExamDraft } from "../../../src/lib/exam/session.ts";
import { readSheet, sealHolds, sheetFileText, type AnswerSheet } from "../../../src/lib/exam/sheet.ts";
import { CODES, makePaper } from "./helpers.ts";

// PBKDF2 at 100,000 rounds per code: slow when the machine is busy (mutation testing, parallel runs).
vi.setConfig({ testTimeout: 30_000 });

const paper = await makePaper();

async function sheet(): Promise<{ sheet: AnswerSheet; key: CryptoKey }> {
  const opened = await openSite(paper, CODES["1"]);
  if (!opened.ok) throw new Error("code did not open");
  let draft = startDraft(paper, opened.site, "QX-2026-0042", "张小明", Date.parse("2026-12-02T09:00:00Z")) as ExamDraft;
  draft = answer(draft, "q1", "a", Date.parse("2026-12-02T09:01:00Z"));
  draft = answer(draft, "q2", true, Date.parse("2026-12-02T09:02:00Z"));
  draft = answer(draft, "q3", ["a", "b"], Date.parse("2026-12-02T09:03:00Z"));
  return { sheet: await handIn(paper, draft, opened.sealKey, Date.parse("2026-12-02T09:30:00Z")), key: opened.sealKey };
}

describe("session codes", () => {
  test("use no 0, O, 1 or I and read back whatever the case, spaces and dashes", () => {
    expect(CODE_ALPHABET).not.toMatch(/[0O1I]/);
    for (let i = 0; i < 50; i++) {
      const code = newSessionCode();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect(normalizeCode(code.toLowerCase().replace("-", " "))).toBe(code.replace("-", ""));
    }
    expect(normalizeCode("K7M2-QX9")).toBeUndefined();
    expect(normalizeCode("K7M2-QX9DD")).toBeUndefined();
    expect(normalizeCode("K7M2-QX90")).toBeUndefined();
    expect(normalizeCode("K7M2-QXID")).toBeUndefined();
  });

  test("every byte value maps into the alphabet, evenly", () => {
    const code = newSessionCode(() => Uint8Array.from([0, 31, 32, 255, 64, 100, 200, 7]));
    expect(code).toBe(`${CODE_ALPHABET[0]}${CODE_ALPHABET[31]}${CODE_ALPHABET[0]}${CODE_ALPHABET[31]}-${CODE_ALPHABET[0]}${CODE_ALPHABET[4]}${CODE_ALPHABET[8]}${CODE_ALPHABET[7]}`);
  });
});

describe("opening a site with its code", () => {
  test("finds the site of each code", async () => {
    expect(await openSite(paper, CODES["1"])).toMatchObject({ ok: true, site: "1" });
    expect(await openSite(paper, "abcd efgh")).toMatchObject({ ok: true, site: "2" });
  });

  test("a wrong code is refused without saying which character is wrong", async () => {
    const wrong = await openSite(paper, "K7M2-QX9E");
    expect(wrong).toEqual({ ok: false, code: "code-wrong" });
    // One character off anywhere gives the same answer.
    expect(await openSite(paper, "X7M2-QX9D")).toEqual(wrong);
    expect(await openSite(paper, "K7M")).toEqual({ ok: false, code: "code-format" });
  });

  test("the same code opens nothing on another paper (salted with the paper id)", async () => {
    const other = { ...paper, id: "another-paper" };
    expect(await openSite(other, CODES["1"])).toEqual({ ok: false, code: "code-wrong" });
  });

  test("keys depend on the code, the paper and the site", async () => {
    const a = await deriveSiteKeys("K7M2QX9D", "p", "1");
    expect((await deriveSiteKeys("K7M2QX9D", "p", "1")).check).toBe(a.check);
    expect((await deriveSiteKeys("K7M2QX9E", "p", "1")).check).not.toBe(a.check);
    expect((await deriveSiteKeys("K7M2QX9D", "q", "1")).check).not.toBe(a.check);
    expect((await deriveSiteKeys("K7M2QX9D", "p", "2")).check).not.toBe(a.check);
  });
});

describe("the sealed answer sheet", () => {
  test("round trip: handed in, written, read back, seal holds", async () => {
    const { sheet: s, key } = await sheet();
    const read = readSheet(sheetFileText(s));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value).toEqual(s);
    expect(await sealHolds(read.value, key)).toBe(true);
    expect(s).toMatchObject({ paper: paper.id, level: "pre-job", site: "1", ticket: "QX-2026-0042", name: "张小明", started: "2026-12-02T09:00:00.000Z", submitted: "2026-12-02T09:30:00.000Z" });
    expect(s.responses).toEqual({ q1: "a", q2: true, q3: ["a", "b"] });
  });

  test("every single-field change fails the seal", async () => {
    const { sheet: s, key } = await sheet();
    const changes: [string, (x: AnswerSheet) => void][] = [
      ["paper", (x) => (x.paper = "other-paper")],
      ["level", (x) => (x.level = "annual-review")],
      ["site", (x) => (x.site = "2")],
      ["ticket", (x) => (x.ticket = "QX-2026-0043")],
      ["name", (x) => (x.name = "张小名")],
      ["response changed", (x) => (x.responses.q1 = "b")],
      ["response added", (x) => (x.responses.q4 = ["a"])],
      ["response removed", (x) => delete x.responses.q2],
      ["started", (x) => (x.started = "2026-12-02T09:10:00.000Z")],
      ["submitted", (x) => (x.submitted = "2026-12-02T09:20:00.000Z")],
      ["version", (x) => ((x as { version: number }).version = 2)],
      ["seal", (x) => (x.seal.value = x.seal.value.replace(/^./, (c) => (c === "A" ? "B" : "A")))],
    ];
    for (const [what, change] of changes) {
      const copy = structuredClone(s);
      change(copy);
      expect(await sealHolds(copy, key), what).toBe(false);
    }
  });

  test("another site's code does not open the seal", async () => {
    const { sheet: s } = await sheet();
    const other = await openSite(paper, CODES["2"]);
    expect(other.ok && (await sealHolds(s, other.sealKey))).toBe(false);
  });

  test("a ticket or name that cannot be right is refused before the exam starts", () => {
    expect(startDraft(paper, "1", "QX 2026/1", "张三", 1)).toEqual({ problem: "ticket" });
    expect(startDraft(paper, "1", "QX-1", "  ", 1)).toEqual({ problem: "name" });
    expect(startDraft(paper, "1", "QX-1", "名".repeat(41), 1)).toEqual({ problem: "name" });
  });
});
