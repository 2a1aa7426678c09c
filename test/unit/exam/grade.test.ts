import { describe, expect, test, vi } from "vitest";
import { gradeAttempt } from "../../../src/lib/quiz/grade.ts";
import type { Response } from "../../../src/lib/quiz/response.ts";
import { generateKeyPair } from "../../../src/lib/cert/keys.ts";
import { gradeSheet, gradeWritten, knowPaper, parseCsv, readWrittenScores, resultsCsv, type KnownPaper } from "../../../src/lib/exam/grade.ts";
import { drawPresentation, type ExamPaper } from "../../../src/lib/exam/paper.ts";
import { readSignedPaper, signPaper } from "../../../src/lib/exam/proof.ts";
import { answer, handIn, openSite, startDraft, type ExamDraft } from "../../../src/lib/exam/session.ts";
import type { CodesFile } from "../../../src/lib/exam/session-codes.ts";
import type { AnswerSheet } from "../../../src/lib/exam/sheet.ts";
import { catalog, CODES, makePaper } from "./helpers.ts";

// PBKDF2 at 100,000 rounds per code: slow when the machine is busy (mutation testing, parallel runs).
vi.setConfig({ testTimeout: 30_000 });

const paper = await makePaper();
const codes: CodesFile = { format: "ma-exam-codes", version: 1, paper: paper.id, sites: Object.entries(CODES).map(([site, code]) => ({ site, code })) };
const NOW = "2026-12-02T10:00:00Z";

function known(p: ExamPaper = paper): Map<string, KnownPaper> {
  const k = knowPaper(p, codes, catalog);
  if (!k.ok) throw new Error(k.problem.code);
  return new Map([[p.id, k.value]]);
}

async function sheetWith(responses: Record<string, Response>, ticket = "QX-1", code: string = CODES["1"]): Promise<AnswerSheet> {
  const opened = await openSite(paper, code);
  if (!opened.ok) throw new Error(opened.code);
  let draft = startDraft(paper, opened.site, ticket, "王五", Date.parse("2026-12-02T09:00:00Z")) as ExamDraft;
  for (const [id, r] of Object.entries(responses)) draft = answer(draft, id, r, Date.parse("2026-12-02T09:05:00Z"));
  return handIn(paper, draft, opened.sealKey, Date.parse("2026-12-02T09:40:00Z"));
}

/** The right answer to every item, in paper ids. */
function rightAnswers(): Record<string, Response> {
  const out: Record<string, Response> = {};
  for (const p of drawPresentation(paper.exam, paper.seed, catalog)) {
    const letter = (id: string) => [...p.options].find(([, bankId]) => bankId === id)![0];
    const item = p.item;
    if (item.type === "true-false") out[p.key] = item.answer;
    else if (item.type === "single" || item.type === "case-judgement") out[p.key] = letter(item.answer);
    else if (item.type === "multiple" || item.type === "ordering") out[p.key] = item.answer.map(letter);
    else out[p.key] = Object.fromEntries([...p.prompts].map(([key, prompt]) => [key, letter(item.answer[prompt])]));
  }
  return out;
}

describe("grading a sheet", () => {
  test("all right → full marks and passed; nothing → 0 and not passed", async () => {
    const full = await gradeSheet(await sheetWith(rightAnswers()), known(), catalog, new Set(), NOW);
    expect(full.ok && full.result).toMatchObject({ paper: paper.id, level: "pre-job", ticket: "QX-1", name: "王五", passMark: 80, passed: true, mode: "online", graded: NOW });
    expect(full.ok && full.result.score).toBe(full.ok && full.result.max);
    const none = await gradeSheet(await sheetWith({}, "QX-2"), known(), catalog, new Set(), NOW);
    expect(none.ok && none.result).toMatchObject({ score: 0, passed: false });
  });

  test("equals the quiz grading on the same items and responses", async () => {
    const presented = drawPresentation(paper.exam, paper.seed, catalog);
    const quiz = { ...catalog.quizzes.get(paper.exam)!.quiz, passMark: paper.passMark };
    const right = rightAnswers();
    // Half right, one partial multiple choice, some unanswered, one junk answer.
    const mixed: Record<string, Response> = {};
    presented.forEach((p, i) => {
      if (i % 3 === 0) mixed[p.key] = right[p.key];
      else if (p.item.type === "multiple") mixed[p.key] = [(right[p.key] as string[])[0]];
      else if (i % 3 === 1) mixed[p.key] = "z";
    });
    const graded = await gradeSheet(await sheetWith(mixed), known(), catalog, new Set(), NOW);
    const bankResponses: Record<string, Response> = {};
    presented.forEach((p) => {
      const r = mixed[p.key];
      if (r === undefined) return;
      if (typeof r === "string") bankResponses[p.item.id] = p.options.get(r) ?? `?${r}`;
      else if (Array.isArray(r)) bankResponses[p.item.id] = r.map((x) => p.options.get(x)!);
      else if (typeof r === "object" && r) bankResponses[p.item.id] = Object.fromEntries(Object.entries(r).map(([k, v]) => [p.prompts.get(k)!, p.options.get(v)!]));
      else bankResponses[p.item.id] = r;
    });
    const expected = gradeAttempt(quiz, catalog, presented.map((p) => p.item.id), bankResponses);
    expect(graded.ok && { score: graded.result.score, max: graded.result.max, passed: graded.result.passed }).toEqual({ score: expected.score, max: expected.max, passed: expected.passed });
    expect(expected.score).toBeGreaterThan(0);
    expect(expected.score).toBeLessThan(expected.max);
  });

  test("refuses a sheet whose seal fails, with the ticket named", async () => {
    const sheet = await sheetWith(rightAnswers());
    const tampered = { ...sheet, name: "赵六" };
    const r = await gradeSheet(tampered, known(), catalog, new Set(), NOW);
    expect(r).toEqual({ ok: false, problem: { code: "seal-fails", values: { ticket: "QX-1", site: "1" } } });
    const otherLevel = await gradeSheet({ ...sheet, level: "annual-review" }, known(), catalog, new Set(), NOW);
    expect(!otherLevel.ok && otherLevel.problem.code).toBe("seal-fails");
    const otherSite = await gradeSheet({ ...sheet, site: "9" }, known(), catalog, new Set(), NOW);
    expect(!otherSite.ok && otherSite.problem.code).toBe("unknown-site");
  });

  test("refuses a paper it does not know", async () => {
    const sheet = await sheetWith({});
    const r = await gradeSheet({ ...sheet, paper: "some-other-paper" }, known(), catalog, new Set(), NOW);
    expect(!r.ok && r.problem).toEqual({ code: "unknown-paper", values: { paper: "some-other-paper", ticket: "QX-1" } });
  });

  test("refuses a candidate graded twice (same ticket in any case)", async () => {
    const graded = new Set<string>();
    const papers = known();
    expect((await gradeSheet(await sheetWith({}, "qx-7"), papers, catalog, graded, NOW)).ok).toBe(true);
    const again = await gradeSheet(await sheetWith(rightAnswers(), "QX-7"), papers, catalog, graded, NOW);
    expect(!again.ok && again.problem.code).toBe("graded-twice");
  });
});

describe("knowing a paper", () => {
  test("refuses codes of another paper, a bank without the exam, a changed paper", () => {
    expect(knowPaper(paper, { ...codes, paper: "x" }, catalog)).toMatchObject({ ok: false, problem: { code: "codes-other-paper" } });
    expect(knowPaper({ ...paper, exam: "nope" }, codes, catalog)).toMatchObject({ ok: false, problem: { code: "bank-no-exam" } });
    const changed = structuredClone(paper);
    changed.items[0].stem += "？";
    expect(knowPaper(changed, codes, catalog)).toMatchObject({ ok: false, problem: { code: "bank-changed" } });
    expect(knowPaper({ ...paper, seed: "other" }, codes, catalog)).toMatchObject({ ok: false, problem: { code: "bank-changed" } });
  });
});

describe("signed papers", () => {
  test("a signed paper reads back with its signer; any change breaks the signature", async () => {
    const key = await generateKeyPair("test-issuer", new Date("2026-12-01T00:00:00Z"));
    const signed = await signPaper(paper, key);
    const read = await readSignedPaper(JSON.stringify(signed));
    expect(read.ok && read.value.signer).toBe(key.controller);
    const changed = structuredClone(signed);
    changed.passMark = 10;
    expect(await readSignedPaper(JSON.stringify(changed))).toMatchObject({ ok: false, problem: { code: "signature" } });
    const { proof: _p, ...unsigned } = signed;
    expect(await readSignedPaper(JSON.stringify(unsigned))).toMatchObject({ ok: false, problem: { code: "unsigned" } });
  });
});

describe("written-exam scores from a CSV", () => {
  test("reads rows with Chinese or English headers, quoted cells and a BOM", () => {
    expect(parseCsv('\uFEFFa,"b,""c"""\r\n\r\nd,e\n')).toEqual([
      { line: 1, cells: ["a", 'b,"c"'] },
      { line: 3, cells: ["d", "e"] },
    ]);
    const { rows, problems } = readWrittenScores("准考证号,姓名,得分\nQX-10,陈一,6\nQX-11,\"林 二\",3.5\n", "scores.csv", known());
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, paper: paper.id, ticket: "QX-10", name: "陈一", score: 6 },
      { line: 3, paper: paper.id, ticket: "QX-11", name: "林 二", score: 3.5 },
    ]);
    expect(readWrittenScores("ticket,name,score,paper\nQX-10,陈一,6," + paper.id, "s.csv", known()).rows).toHaveLength(1);
  });

  test("a bad row is reported by its line, and then no row is used", () => {
    const text = ["准考证号,姓名,得分", "QX-10,陈一,6", "QX 11,林二,5", "QX-12,,5", "QX-13,周三,九十", "QX-14,吴四,999", "", "QX-15,郑五,1"].join("\n");
    const { rows, problems } = readWrittenScores(text, "scores.csv", known());
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.code, p.values?.line])).toEqual([
      ["csv-ticket", 3],
      ["csv-name", 4],
      ["csv-score", 5],
      ["csv-score", 6],
    ]);
    expect(readWrittenScores("学号,姓名\n1,2", "s.csv", known()).problems[0]).toMatchObject({ code: "csv-header", values: { line: 1 } });
    expect(readWrittenScores("", "s.csv", known()).problems[0].code).toBe("csv-empty");
    expect(readWrittenScores("试卷编号,准考证号,姓名,得分\nnope,QX-1,甲,1", "s.csv", known()).problems[0].code).toBe("csv-paper");
  });

  test("written results carry the paper's max and pass mark; a candidate graded online is refused", async () => {
    const papers = known();
    const graded = new Set<string>();
    await gradeSheet(await sheetWith({}, "QX-20"), papers, catalog, graded, NOW);
    const max = papers.get(paper.id)!.presented.reduce((s, p) => s + p.item.points, 0);
    const ok = gradeWritten({ line: 2, paper: paper.id, ticket: "QX-21", name: "甲", score: max }, papers, graded, NOW, "s.csv");
    expect(ok.ok && ok.result).toMatchObject({ mode: "written", score: max, max, passed: true });
    const twice = gradeWritten({ line: 3, paper: paper.id, ticket: "qx-20", name: "乙", score: 1 }, papers, graded, NOW, "s.csv");
    expect(twice).toMatchObject({ ok: false, problem: { code: "graded-twice-row", values: { line: 3 } } });
  });

  test("results CSV: header, one row each, formulas defused, BOM", async () => {
    const r = await gradeSheet(await sheetWith({}, "QX-30"), known(), catalog, new Set(), NOW);
    if (!r.ok) throw new Error();
    const csv = resultsCsv([r.result, { ...r.result, name: "=HYPERLINK(1)", ticket: "QX-31", mode: "written", passed: true }]);
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("试卷编号,认证级别,准考证号,姓名,得分,满分,及格线,是否通过,方式,评分时间");
    expect(lines[1]).toContain(",王五,0,");
    expect(lines[1]).toContain("未通过,机考");
    expect(lines[2]).toContain("'=HYPERLINK(1)");
    expect(lines[2]).toContain("通过,笔试");
  });
});
