import { describe, expect, test, vi } from "vitest";
import { readPaper } from "../../../src/lib/exam/files.ts";
import { readCodes } from "../../../src/lib/exam/session-codes.ts";
import { readSheet } from "../../../src/lib/exam/sheet.ts";
import { sayProblem, type Problem } from "../../../src/lib/exam/problem.ts";
import { fill } from "../../../src/i18n/fill.ts";
import { zhCN } from "../../../src/i18n/zh-CN.ts";
import { makePaper } from "./helpers.ts";
import { sheetJson } from "./sheet-json.ts";

// PBKDF2 at 100,000 rounds per code: slow when the machine is busy (mutation testing, parallel runs).
vi.setConfig({ testTimeout: 30_000 });

const paper = await makePaper();
const paperText = JSON.stringify(paper, null, 2);
const sheetText = JSON.stringify(sheetJson({ paper: paper.id }));
const codesText = JSON.stringify({ format: "ma-exam-codes", version: 1, paper: paper.id, sites: [{ site: "1", code: "K7M2-QX9D" }] });

const readers = [
  ["paper", readPaper, paperText],
  ["sheet", readSheet, sheetText],
  ["codes", readCodes, codesText],
] as const;

const problemOf = (r: { ok: true } | { ok: false; problem: Problem }): Problem | undefined => (r.ok ? undefined : r.problem);
const words = (p: Problem | undefined) => (p ? sayProblem(p, zhCN, fill) : "");

describe.each(readers)("reading a %s file", (what, read, good) => {
  test("accepts the good file", () => {
    expect(read(good).ok).toBe(true);
  });

  test("refuses a truncated file", () => {
    expect(problemOf(read(good.slice(0, good.length / 2)))).toEqual({ code: "truncated", values: { what } });
  });

  test("refuses a corrupt file", () => {
    expect(problemOf(read(`x${good}`))).toEqual({ code: "corrupt", values: { what } });
    expect(problemOf(read(""))).toEqual({ code: "empty", values: { what } });
    expect(problemOf(read("[1,2]"))).toEqual({ code: "wrong-format", values: { what } });
  });

  test("refuses a future version", () => {
    const future = { ...JSON.parse(good), version: 2 };
    expect(problemOf(read(JSON.stringify(future)))).toEqual({ code: "future-version", values: { what, version: 2, max: 1 } });
  });

  test("refuses a file over 5 MB without parsing it", () => {
    const big = good.replace(/}\s*$/, `, "pad": "${"x".repeat(5 * 1024 * 1024)}"}`);
    expect(problemOf(read(big))?.code).toBe("too-large");
  });

  test("refuses another kind of file", () => {
    const other = { ...JSON.parse(good), format: "ma-something-else" };
    expect(problemOf(read(JSON.stringify(other)))).toEqual({ code: "wrong-format", values: { what } });
  });

  test("every refusal reads as a zh-CN sentence naming the file", () => {
    for (const text of [good.slice(0, 20), `x${good}`, "", JSON.stringify({ ...JSON.parse(good), version: 9 })]) {
      const said = words(problemOf(read(text)));
      expect(said).toMatch(/[\u4e00-\u9fff]/);
      expect(said).not.toMatch(/\{\w+\}|exam\.problem/);
    }
  });
});

describe("tampered contents", () => {
  test.each([
    ["paper time limit", "paper", (p: Record<string, unknown>): void => void (p.timeLimit = "forever"), "timeLimit"],
    ["paper sites", "paper", (p: Record<string, unknown>): void => void (p.sites = []), "sites"],
    ["paper items", "paper", (p: Record<string, unknown>): void => void (p.items = "none"), "items"],
    ["paper created", "paper", (p: Record<string, unknown>): void => void (p.created = "yesterday"), "created"],
    ["sheet ticket", "sheet", (p: Record<string, unknown>): void => void (p.ticket = "a b"), "ticket"],
    ["sheet responses", "sheet", (p: Record<string, unknown>): void => void (p.responses = { x1: "a" }), "responses"],
    ["sheet seal", "sheet", (p: Record<string, unknown>): void => void delete p.seal, "seal"],
    ["sheet submitted", "sheet", (p: Record<string, unknown>): void => void (p.submitted = 5), "submitted"],
  ] as const)("%s", (_, what, change, field) => {
    const value = JSON.parse(what === "paper" ? paperText : sheetText);
    change(value);
    const read = what === "paper" ? readPaper(JSON.stringify(value)) : readSheet(JSON.stringify(value));
    const p = problemOf(read);
    expect(p).toMatchObject({ code: "broken", values: { what, field } });
    expect(words(p)).not.toMatch(/\{\w+\}/);
  });

  test("a codes file with an impossible code", () => {
    const value = JSON.parse(codesText);
    value.sites[0].code = "0000-0000";
    expect(problemOf(readCodes(JSON.stringify(value)))?.code).toBe("broken");
  });
});
