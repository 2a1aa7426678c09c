/**
 * The exam file readers at their boundaries: every field check of a paper, a sheet and a
 * codes file, with the exact problem and values /exam/ and `cert grade` word for the
 * trainer. Fixtures are hand-made JSON (no bank, no PBKDF2), so each test is quick.
 */
import { describe, expect, it } from "vitest";
import { fill } from "../../../src/i18n/fill.ts";
import { zhCN } from "../../../src/i18n/zh-CN.ts";
import { byteLength, isIsoTime, isSlug, isText, MAX_FILE_BYTES, readJsonFile, readPaper } from "../../../src/lib/exam/files.ts";
import { problem, sayProblem, type Problem } from "../../../src/lib/exam/problem.ts";
import { readCodes } from "../../../src/lib/exam/session-codes.ts";
import { nameProblem, readSheet, sheetFileName, sheetFileText, ticketProblem, type AnswerSheet } from "../../../src/lib/exam/sheet.ts";
import { sheetJson, type Json } from "./sheet-json.ts";


const item = (n: number, over: Json = {}): Json => ({
  id: `q${n}`,
  type: "single",
  stem: `第 ${n} 题`,
  points: 2,
  options: [
    { id: "a", text: "甲" },
    { id: "b", text: "乙" },
  ],
  ...over,
});

const paperJson = (over: Json = {}): Json => ({
  format: "ma-exam-paper",
  version: 1,
  id: "pre-job-exam-test",
  level: "pre-job",
  exam: "pre-job-exam",
  title: "岗前培训统一考试",
  seed: "seed-1",
  created: "2026-12-02T08:00:00Z",
  timeLimit: 40,
  passMark: 80,
  sites: [{ id: "1", check: "abcdefghijklmnopqrstuv" }],
  items: [item(1), item(2, { type: "true-false", options: undefined })],
  ...over,
});

const problemOf = (r: { ok: true } | { ok: false; problem: Problem }): Problem | undefined => (r.ok ? undefined : r.problem);
const paperProblem = (over: Json) => problemOf(readPaper(JSON.stringify(paperJson(over))));
const sheetProblem = (over: Json) => problemOf(readSheet(JSON.stringify(sheetJson(over))));
const brokenPaper = (field: string, n: number | "" = "") => ({ code: "broken", values: { what: "paper", field, n } });
const brokenSheet = (field: string) => ({ code: "broken", values: { what: "sheet", field, n: "" } });

describe("readJsonFile", () => {
  it("refuses more than 5 MB by the size given, naming the size in MB; exactly 5 MB is read", () => {
    const text = JSON.stringify({ format: "f", version: 1 });
    expect(MAX_FILE_BYTES).toBe(5 * 1024 * 1024);
    expect(readJsonFile(text, "f", 1, "paper", MAX_FILE_BYTES)).toEqual({ ok: true, value: { format: "f", version: 1 } });
    expect(readJsonFile(text, "f", 1, "paper", MAX_FILE_BYTES + 1)).toEqual(problem("too-large", { what: "paper", mb: "5.0" }));
    expect(readJsonFile(text, "f", 1, "sheet", 7.5 * 1024 * 1024)).toEqual(problem("too-large", { what: "sheet", mb: "7.5" }));
  });

  it("counts UTF-8 bytes when no size is given", () => {
    expect(byteLength("证")).toBe(3);
    expect(byteLength("ab")).toBe(2);
    // 1.75 M Chinese characters are 5.25 MB: refused although the string is short.
    const big = `{"format":"f","version":1,"x":"${"证".repeat(1_750_000)}"}`;
    expect(problemOf(readJsonFile(big, "f", 1, "paper"))).toEqual({ code: "too-large", values: { what: "paper", mb: "5.0" } });
  });

  it("reads JSON with blank space around it; blank text is empty", () => {
    expect(readJsonFile(`\n  ${JSON.stringify({ format: "f", version: 1 })}  \n`, "f", 1, "codes").ok).toBe(true);
    expect(problemOf(readJsonFile(" \n\t ", "f", 1, "codes"))).toEqual({ code: "empty", values: { what: "codes" } });
  });

  it("tells a file cut short from a corrupt one", () => {
    expect(problemOf(readJsonFile('{"format": "f", "version"  ', "f", 1, "sheet"))?.code).toBe("truncated");
    expect(problemOf(readJsonFile('{"format": "f" x}', "f", 1, "sheet"))?.code).toBe("corrupt");
    expect(problemOf(readJsonFile('["format", ', "f", 1, "sheet"))?.code).toBe("corrupt");
    expect(problemOf(readJsonFile("format: f", "f", 1, "sheet"))?.code).toBe("corrupt");
  });

  it("refuses JSON that is no object as another kind of file", () => {
    for (const text of ["5", '"text"', "null", "true", "[]"]) {
      expect(problemOf(readJsonFile(text, "f", 1, "key")), text).toEqual({ code: "wrong-format", values: { what: "key" } });
    }
  });

  it("refuses a version that is no whole number from 1, and one newer than it reads", () => {
    const read = (version: unknown, max = 3) => problemOf(readJsonFile(JSON.stringify({ format: "f", version }), "f", max, "paper"));
    for (const bad of [0, -1, 1.5, "1", null]) expect(read(bad), String(bad)).toEqual({ code: "broken", values: { what: "paper", field: "version" } });
    expect(read(1)).toBeUndefined();
    expect(read(3)).toBeUndefined();
    expect(read(4)).toEqual({ code: "future-version", values: { what: "paper", version: 4, max: 3 } });
  });
});

describe("field guards", () => {
  it("isText: some non-blank text up to the maximum", () => {
    expect(isText("a".repeat(200))).toBe(true);
    expect(isText("a".repeat(201))).toBe(false);
    expect(isText("abc", 3)).toBe(true);
    expect(isText("abcd", 3)).toBe(false);
    expect(isText(" x ", 3)).toBe(true);
    expect(isText("   ")).toBe(false);
    expect(isText("")).toBe(false);
    expect(isText(5)).toBe(false);
  });

  it("isSlug: the slug pattern, at most 80 characters", () => {
    expect(isSlug("a".repeat(80))).toBe(true);
    expect(isSlug("a".repeat(81))).toBe(false);
    expect(isSlug("pre-job")).toBe(true);
    expect(isSlug("Pre-job")).toBe(false);
    expect(isSlug(12)).toBe(false);
  });

  it("isIsoTime: a date-time with a zone, that is a real time", () => {
    for (const good of ["2026-12-02T08:00Z", "2026-12-02T08:00:00Z", "2026-12-02T08:00:00.5+08:00", "2026-12-02T08:00:00.123-05:00"]) expect(isIsoTime(good), good).toBe(true);
    for (const bad of ["2026-12-02T08:00:00", "2026-12-02 08:00:00Z", "x2026-12-02T08:00:00Z", "2026-12-02T08:00:00Zx", "2026-13-02T08:00:00Z", "2026-12-02T08:00:00.Z", 20261202]) {
      expect(isIsoTime(bad), String(bad)).toBe(false);
    }
  });
});

describe("readPaper: each field", () => {
  it("accepts the hand-made paper", () => {
    expect(readPaper(JSON.stringify(paperJson()))).toMatchObject({ ok: true, value: { id: "pre-job-exam-test", items: [{ id: "q1" }, { id: "q2" }] } });
  });

  it("passes on the reader's refusals (format, size)", () => {
    expect(problemOf(readPaper(JSON.stringify(paperJson({ format: "ma-exam-sheet" }))))).toEqual({ code: "wrong-format", values: { what: "paper" } });
    expect(problemOf(readPaper(JSON.stringify(paperJson()), MAX_FILE_BYTES + 1))?.code).toBe("too-large");
  });

  it("names the broken field, with n empty", () => {
    const cases: [Json, string][] = [
      [{ id: "Paper 1" }, "paperId"],
      [{ level: "" }, "level"],
      [{ exam: "x".repeat(81) }, "exam"],
      [{ title: "题".repeat(81) }, "title"],
      [{ title: "  " }, "title"],
      [{ seed: "s".repeat(101) }, "seed"],
      [{ created: "2026-12-02" }, "created"],
      [{ timeLimit: 0 }, "timeLimit"],
      [{ timeLimit: 601 }, "timeLimit"],
      [{ timeLimit: 30.5 }, "timeLimit"],
      [{ passMark: 0 }, "passMark"],
      [{ passMark: 101 }, "passMark"],
      [{ passMark: "80" }, "passMark"],
    ];
    for (const [over, field] of cases) expect(paperProblem(over), JSON.stringify(over).slice(0, 40)).toEqual(brokenPaper(field));
  });

  it("accepts each field at its limit", () => {
    const limits: Json[] = [{ title: "题".repeat(80) }, { seed: "s".repeat(100) }, { timeLimit: 1 }, { timeLimit: 600 }, { passMark: 1 }, { passMark: 100 }, { exam: "x".repeat(80) }];
    for (const over of limits) expect(paperProblem(over), JSON.stringify(over).slice(0, 40)).toBeUndefined();
  });

  it("sites: 1 to 200, each a slug id and a check of at most 64 characters", () => {
    const site = (id: string, check = "c") => ({ id, check });
    expect(paperProblem({ sites: Array.from({ length: 200 }, (_, i) => site(String(i + 1))) })).toBeUndefined();
    expect(paperProblem({ sites: [site("1", "c".repeat(64))] })).toBeUndefined();
    for (const sites of [
      [],
      Array.from({ length: 201 }, (_, i) => site(String(i + 1))),
      [site("考点1")],
      [site("1", "c".repeat(65))],
      [site("1", "")],
      [site("1"), site("考点2")],
      [null],
      ["1"],
      { id: "1", check: "c" },
    ]) {
      expect(paperProblem({ sites }), JSON.stringify(sites).slice(0, 40)).toEqual(brokenPaper("sites"));
    }
  });

  it("the first item that does not hold is named, item 1 too", () => {
    expect(paperProblem({ items: [item(1, { points: 0 }), item(2)] })).toEqual(brokenPaper("item", 1));
    expect(paperProblem({ items: [item(1), item(2, { points: 0 }), item(3, { points: 0 })] })).toEqual(brokenPaper("item", 2));
  });

  it("items: 1 to 300", () => {
    expect(paperProblem({ items: [item(1)] })).toBeUndefined();
    expect(paperProblem({ items: Array.from({ length: 300 }, (_, i) => item(i + 1)) })).toBeUndefined();
    expect(paperProblem({ items: Array.from({ length: 301 }, (_, i) => item(i + 1)) })).toEqual(brokenPaper("items"));
    expect(paperProblem({ items: [] })).toEqual(brokenPaper("items"));
    expect(paperProblem({ items: { q1: item(1) } })).toEqual(brokenPaper("items"));
  });

  it("an item that does not hold is named by its number", () => {
    const withSecond = (second: unknown) => paperProblem({ items: [item(1), second] });
    const bad: [string, unknown][] = [
      ["null", null],
      ["text", "q2"],
      ["id out of place", item(3)],
      ["unknown type", item(2, { type: "essay" })],
      ["long stem", item(2, { stem: "问".repeat(401) })],
      ["blank stem", item(2, { stem: " " })],
      ["0 points", item(2, { points: 0 })],
      ["11 points", item(2, { points: 11 })],
      ["no options", item(2, { options: undefined })],
      ["empty options", item(2, { options: [] })],
      ["option id k", item(2, { options: [{ id: "k", text: "甲" }] })],
      ["second option id k", item(2, { options: [{ id: "a", text: "甲" }, { id: "k", text: "乙" }] })],
      ["option id ab", item(2, { options: [{ id: "ab", text: "甲" }] })],
      ["option without text", item(2, { options: [{ id: "a" }] })],
      ["option text too long", item(2, { options: [{ id: "a", text: "字".repeat(1201) }] })],
      ["option null", item(2, { options: [null] })],
      ["11 options", item(2, { options: Array.from({ length: 11 }, (_, i) => ({ id: "abcdefghij"[i] ?? "a", text: "x" })) })],
      ["matching without prompts", item(2, { type: "matching" })],
      ["matching prompt id", item(2, { type: "matching", prompts: [{ id: "x1", text: "甲" }] })],
      ["matching prompt id xp1", item(2, { type: "matching", prompts: [{ id: "xp1", text: "甲" }] })],
      ["matching prompt id p1x", item(2, { type: "matching", prompts: [{ id: "p1x", text: "甲" }] })],
      ["second prompt bad", item(2, { type: "matching", prompts: [{ id: "p1", text: "甲" }, { id: "q2", text: "乙" }] })],
      ["9 prompts", item(2, { type: "matching", prompts: Array.from({ length: 9 }, (_, i) => ({ id: `p${i + 1}`, text: "x" })) })],
      ["case without situation", item(2, { type: "case-judgement" })],
      ["case with long situation", item(2, { type: "case-judgement", situation: "案".repeat(1201) })],
    ];
    for (const [what, second] of bad) expect(withSecond(second), what).toEqual(brokenPaper("item", 2));
  });

  it("items of every type at their limits hold", () => {
    const good: [string, Json][] = [
      ["true-false without options", item(2, { type: "true-false", options: undefined })],
      ["10 points, 400-character stem", item(2, { points: 10, stem: "问".repeat(400) })],
      ["1 point", item(2, { points: 1 })],
      ["10 options, texts of 1200", item(2, { options: Array.from({ length: 10 }, (_, i) => ({ id: "abcdefghij"[i], text: "字".repeat(1200) })) })],
      ["multiple", item(2, { type: "multiple" })],
      ["ordering", item(2, { type: "ordering" })],
      ["matching with prompt p10", item(2, { type: "matching", prompts: [{ id: "p10", text: "x" }] })],
      ["matching with 8 prompts", item(2, { type: "matching", prompts: Array.from({ length: 8 }, (_, i) => ({ id: `p${i + 1}`, text: "x" })) })],
      ["case-judgement", item(2, { type: "case-judgement", situation: "案".repeat(1200) })],
    ];
    for (const [what, second] of good) expect(paperProblem({ items: [item(1), second] }), what).toBeUndefined();
  });
});

describe("readSheet: each field", () => {
  it("accepts the hand-made sheet", () => {
    expect(readSheet(JSON.stringify(sheetJson()))).toMatchObject({ ok: true, value: { ticket: "QX-1", responses: { q1: "a" } } });
  });

  it("names the broken field", () => {
    const cases: [Json, string][] = [
      [{ paper: "P 1" }, "paperId"],
      [{ level: 3 }, "level"],
      [{ site: "" }, "site"],
      [{ ticket: 42 }, "ticket"],
      [{ ticket: "Q".repeat(31) }, "ticket"],
      [{ name: 7 }, "name"],
      [{ name: "名".repeat(41) }, "name"],
      [{ responses: null }, "responses"],
      [{ responses: ["a"] }, "responses"],
      [{ responses: "q1=a" }, "responses"],
      [{ responses: { q1x: "a" } }, "responses"],
      [{ responses: { Q1: "a" } }, "responses"],
      [{ responses: { xq1: "a" } }, "responses"],
      [{ responses: "" }, "responses"],
      [{ responses: 5 }, "responses"],
      [{ responses: { q1: 1 } }, "responses"],
      [{ responses: { q1: ["a", 2] } }, "responses"],
      [{ responses: { q1: Array.from({ length: 21 }, () => "a") } }, "responses"],
      [{ responses: { q1: { p1: 2 } } }, "responses"],
      [{ responses: Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`q${i + 1}`, "a"])) }, "responses"],
      [{ started: "今天" }, "started"],
      [{ submitted: "2026-12-02T09:30:00.000" }, "submitted"],
      [{ seal: null }, "seal"],
      [{ seal: "abc" }, "seal"],
      [{ seal: { alg: "HMAC-SHA-1", value: "abc" } }, "seal"],
      [{ seal: { alg: "HMAC-SHA-256", value: "" } }, "seal"],
      [{ seal: { alg: "HMAC-SHA-256", value: "v".repeat(101) } }, "seal"],
    ];
    for (const [over, field] of cases) expect(sheetProblem(over), JSON.stringify(over).slice(0, 50)).toEqual(brokenSheet(field));
  });

  it("accepts every kind of response and each field at its limit", () => {
    const goods: Json[] = [
      { responses: {} },
      { responses: { q1: null, q2: true, q3: false, q4: "b", q5: [], q6: ["a", "c"], q7: { p1: "a", p2: "b" }, q8: {} } },
      { responses: { q1: Array.from({ length: 20 }, () => "a") } },
      { responses: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`q${i + 1}`, "a"])) },
      { ticket: "Q".repeat(30) },
      { ticket: " QX-1 " },
      { name: "名".repeat(40) },
      { seal: { alg: "HMAC-SHA-256", value: "v".repeat(100) } },
    ];
    for (const over of goods) expect(sheetProblem(over), JSON.stringify(over).slice(0, 50)).toBeUndefined();
  });

  it("tickets and names as the exam page checks them", () => {
    expect(ticketProblem("QX-2026-0042")).toBeUndefined();
    expect(ticketProblem("  QX-1  ")).toBeUndefined();
    expect(ticketProblem("QX_1")).toBe("ticket");
    expect(ticketProblem("")).toBe("ticket");
    expect(nameProblem(" 张三 ")).toBeUndefined();
    expect(nameProblem(` ${"名".repeat(40)} `)).toBeUndefined();
    expect(nameProblem("名".repeat(41))).toBe("name");
    expect(nameProblem(" \t ")).toBe("name");
  });

  it("a sheet file is pretty JSON with a final newline, named by paper and ticket", () => {
    const sheet = sheetJson() as unknown as AnswerSheet;
    expect(sheetFileText(sheet)).toBe(`${JSON.stringify(sheet, null, 2)}\n`);
    expect(sheetFileName(sheet)).toBe("answer-sheet-pre-job-exam-test-QX-1.json");
  });
});

describe("readCodes", () => {
  const codes = (over: Json = {}) => JSON.stringify({ format: "ma-exam-codes", version: 1, paper: "pre-job-exam-test", sites: [{ site: "1", code: "K7M2-QX9D" }], ...over });
  const broken = { code: "broken", values: { what: "codes", field: "sites", n: "" } };

  it("accepts codes typed in any case, with or without the dash", () => {
    expect(readCodes(codes({ sites: [{ site: "1", code: "k7m2qx9d" }, { site: "2", code: "ABCD-EFGH" }] }))).toMatchObject({ ok: true, value: { paper: "pre-job-exam-test" } });
  });

  it("refuses a bad paper id, no sites, a bad site or code", () => {
    for (const over of [
      { paper: "Paper" },
      { paper: 5 },
      { sites: [] },
      { sites: "1" },
      { sites: [null] },
      { sites: ["K7M2-QX9D"] },
      { sites: [{ site: "站 1", code: "K7M2-QX9D" }] },
      { sites: [{ site: "1", code: 12345678 }] },
      { sites: [{ site: "1", code: "K7M2-QX9" }] },
      { sites: [{ site: "1", code: "K7M2-QX9D" }, { site: "2", code: "0000-0000" }] },
    ]) {
      expect(problemOf(readCodes(codes(over))), JSON.stringify(over)).toEqual(broken);
    }
  });

  it("passes on the reader's refusals", () => {
    expect(problemOf(readCodes(codes({ version: 2 })))).toEqual({ code: "future-version", values: { what: "codes", version: 2, max: 1 } });
    expect(problemOf(readCodes(codes(), MAX_FILE_BYTES + 1))?.code).toBe("too-large");
  });
});

describe("sayProblem", () => {
  it("words the file kind and the field in zh-CN, and fills the values", () => {
    expect(sayProblem(brokenPaper("timeLimit"), zhCN, fill)).toBe("试卷文件内容不完整或被改动过（考试时长不对）：请使用原文件。");
    expect(sayProblem({ code: "future-version", values: { what: "codes", version: 3, max: 1 } }, zhCN, fill)).toBe(
      "考场口令文件的版本（3）比本程序能读的（1）新：请把网站或命令行工具更新到最新版后再打开。",
    );
    expect(sayProblem({ code: "unsigned" }, zhCN, fill)).toBe("试卷没有签名：请使用 npm run cert -- paper 生成的试卷文件。");
  });

  it("keeps an unknown file kind, field or code as written rather than nothing", () => {
    const strings = { "exam.problem.broken": "{what}/{field}" };
    expect(sayProblem({ code: "broken", values: { what: "box", field: "lid" } }, strings, fill)).toBe("box/lid");
    expect(sayProblem({ code: "no-such-code", values: { what: "paper" } }, strings, fill)).toBe("no-such-code");
    // Numbers are values, never keys to look up.
    expect(sayProblem({ code: "broken", values: { what: 1, field: 2 } }, { ...strings, "exam.file.1": "x", "exam.field.2": "y" }, fill)).toBe("1/2");
  });

  it("does not change the problem it words", () => {
    const p: Problem = { code: "broken", values: { what: "sheet", field: "seal", n: "" } };
    sayProblem(p, zhCN, fill);
    expect(p).toEqual({ code: "broken", values: { what: "sheet", field: "seal", n: "" } });
  });
});
