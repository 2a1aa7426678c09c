/**
 * Written-exam scores (the CSV a trainer types), the results CSV and the result files at
 * their edges. A KnownPaper is made by hand (the CSV rules need only the paper's items and
 * pass mark), so no bank and no PBKDF2 is involved.
 */
import { describe, expect, it } from "vitest";
import { candidateKey, gradeWritten, parseCsv, readWrittenScores, resultFileName, resultsCsv, type ExamResult, type KnownPaper } from "../../../src/lib/exam/grade.ts";
import type { ExamPaper } from "../../../src/lib/exam/paper.ts";

function knownPaper(id: string, points: number[] = [2, 3, 5], passMark = 60): KnownPaper {
  const paper = {
    format: "ma-exam-paper",
    version: 1,
    id,
    level: "pre-job",
    exam: "pre-job-exam",
    title: "考试",
    seed: "s",
    created: "2026-12-02T08:00:00Z",
    timeLimit: 40,
    passMark,
    sites: [{ id: "1", check: "c" }],
    items: points.map((p, i) => ({ id: `q${i + 1}`, type: "true-false", stem: "题", points: p })),
  } as unknown as ExamPaper;
  return { paper, presented: [], codes: new Map() };
}

const papers = (...list: KnownPaper[]) => new Map(list.map((k) => [k.paper.id, k]));
const NOW = "2026-12-02T10:00:00Z";

describe("parseCsv", () => {
  it("splits on commas and full-width commas, keeps spaces inside cells", () => {
    expect(parseCsv("a, b ，c\n")).toEqual([{ line: 1, cells: ["a", " b ", "c"] }]);
  });

  it("reads CR, LF and CRLF line ends, counting lines; blank rows are skipped but counted", () => {
    expect(parseCsv("a\rb\r\nc\n\n  ,  \nd")).toEqual([
      { line: 1, cells: ["a"] },
      { line: 2, cells: ["b"] },
      { line: 3, cells: ["c"] },
      { line: 6, cells: ["d"] },
    ]);
  });

  it("a quoted cell may hold commas, quotes and line breaks; the next row's line counts them", () => {
    expect(parseCsv('"x\ny","a""b",",",""\nz')).toEqual([
      { line: 1, cells: ["x\ny", 'a"b', ",", ""] },
      { line: 3, cells: ["z"] },
    ]);
    // A quote inside an unquoted cell opens quoting there.
    expect(parseCsv('ab"c,d"e\nf')).toEqual([
      { line: 1, cells: ["abc,de"] },
      { line: 2, cells: ["f"] },
    ]);
  });

  it("drops only a leading BOM, and a last row without a line end is kept", () => {
    expect(parseCsv("\uFEFFa,b")).toEqual([{ line: 1, cells: ["a", "b"] }]);
    expect(parseCsv("a\uFEFF")).toEqual([{ line: 1, cells: ["a\uFEFF"] }]);
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv(" \n ")).toEqual([]);
  });
});

describe("readWrittenScores", () => {
  const one = () => papers(knownPaper("paper-a"));

  it("headers in any case and order, with blank space; the paper column may be left out for one paper", () => {
    const { rows, problems } = readWrittenScores(" Score , NAME,Ticket\n10,陈一,QX-1\n", "s.csv", one());
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ line: 2, paper: "paper-a", ticket: "QX-1", name: "陈一", score: 10 }]);
  });

  it("needs the paper column when several papers are graded", () => {
    const two = papers(knownPaper("paper-a"), knownPaper("paper-b"));
    expect(readWrittenScores("准考证号,姓名,得分\nQX-1,陈一,1", "s.csv", two)).toEqual({
      rows: [],
      problems: [{ code: "csv-header", values: { file: "s.csv", line: 1, got: "准考证号,姓名,得分" } }],
    });
    const { rows, problems } = readWrittenScores("试卷编号,准考证号,姓名,得分\npaper-b,QX-1,陈一,1\npaper-a,QX-2,林二,2", "s.csv", two);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.paper, r.ticket])).toEqual([
      ["paper-b", "QX-1"],
      ["paper-a", "QX-2"],
    ]);
  });

  it("refuses a header without ticket, name or score, naming its line", () => {
    for (const header of ["姓名,得分", "准考证号,得分", "准考证号,姓名"]) {
      expect(readWrittenScores(`\n\n${header}\nQX-1,1`, "s.csv", one()).problems).toEqual([{ code: "csv-header", values: { file: "s.csv", line: 3, got: header } }]);
    }
    expect(readWrittenScores(" \n", "s.csv", one())).toEqual({ rows: [], problems: [{ code: "csv-empty", values: { file: "s.csv" } }] });
  });

  it("each bad row with its file, line and what was typed", () => {
    const text = ["试卷编号,准考证号,姓名,得分", "nope,QX-1,甲,1", "paper-a,QX 2,乙,1", "paper-a,QX-3,,1", "paper-a,QX-4,丁,abc", "paper-a,QX-5,戊,10.5", "paper-a,QX-6,己,-1", "paper-a,QX-7,庚"].join("\n");
    expect(readWrittenScores(text, "s.csv", one()).problems).toEqual([
      { code: "csv-paper", values: { file: "s.csv", line: 2, paper: "nope" } },
      { code: "csv-ticket", values: { file: "s.csv", line: 3, ticket: "QX 2" } },
      { code: "csv-name", values: { file: "s.csv", line: 4 } },
      { code: "csv-score", values: { file: "s.csv", line: 5, score: "abc", max: 10 } },
      { code: "csv-score", values: { file: "s.csv", line: 6, score: "10.5", max: 10 } },
      { code: "csv-score", values: { file: "s.csv", line: 7, score: "-1", max: 10 } },
      { code: "csv-score", values: { file: "s.csv", line: 8, score: "", max: 10 } },
    ]);
  });

  it("scores from 0 to the paper's maximum, decimals allowed; names up to 40 characters", () => {
    const text = ["准考证号,姓名,得分", "QX-1,甲,0", "QX-2,乙,10", "QX-3,丙,9.5", `QX-4,${"名".repeat(40)},1`, "QX-5,丁 , 7 "].join("\n");
    const { rows, problems } = readWrittenScores(text, "s.csv", one());
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.name.length, r.score])).toEqual([
      [1, 0],
      [1, 10],
      [1, 9.5],
      [40, 1],
      [1, 7],
    ]);
    const long = readWrittenScores(`准考证号,姓名,得分\nQX-1,${"名".repeat(41)},1`, "s.csv", one());
    expect(long.problems).toEqual([{ code: "csv-name", values: { file: "s.csv", line: 2 } }]);
    for (const score of ["1.", ".5", "1e1", "0x1", "10.01"]) {
      expect(readWrittenScores(`准考证号,姓名,得分\nQX-1,甲,${score}`, "s.csv", one()).problems[0]?.code, score).toBe("csv-score");
    }
  });
});

describe("gradeWritten", () => {
  it("the result: trimmed ticket and name, the paper's max and pass mark, passed by the pass mark", () => {
    const ps = papers(knownPaper("paper-a", [4, 6], 60));
    const graded = new Set<string>();
    const pass = gradeWritten({ line: 2, paper: "paper-a", ticket: " qx-1 ", name: " 甲 ", score: 6 }, ps, graded, NOW, "s.csv");
    expect(pass).toEqual({
      ok: true,
      result: { format: "ma-exam-result", version: 1, paper: "paper-a", level: "pre-job", ticket: "qx-1", name: "甲", score: 6, max: 10, passMark: 60, passed: true, mode: "written", graded: NOW },
    });
    const fail = gradeWritten({ line: 3, paper: "paper-a", ticket: "QX-2", name: "乙", score: 5.5 }, ps, graded, NOW, "s.csv");
    expect(fail.ok && fail.result.passed).toBe(false);
    expect([...graded]).toEqual(["paper-a/QX-1", "paper-a/QX-2"]);
    expect(gradeWritten({ line: 4, paper: "paper-a", ticket: "QX-2", name: "乙", score: 1 }, ps, graded, NOW, "s.csv")).toEqual({
      ok: false,
      problem: { code: "graded-twice-row", values: { file: "s.csv", line: 4, ticket: "QX-2", paper: "paper-a" } },
    });
  });

  it("a candidate key is the paper and the ticket in capitals", () => {
    expect(candidateKey("p", " ab-1 ")).toBe("p/AB-1");
  });
});

describe("results CSV and files", () => {
  const result = (over: Partial<ExamResult> = {}): ExamResult => ({
    format: "ma-exam-result",
    version: 1,
    paper: "paper-a",
    level: "pre-job",
    ticket: "QX-1",
    name: "甲",
    score: 8,
    max: 10,
    passMark: 60,
    passed: true,
    mode: "online",
    graded: NOW,
    ...over,
  });

  it("one row per result, every column, BOM and CRLF", () => {
    expect(resultsCsv([result(), result({ ticket: "QX-2", score: 2.5, passed: false, mode: "written" })])).toBe(
      "\uFEFF试卷编号,认证级别,准考证号,姓名,得分,满分,及格线,是否通过,方式,评分时间\r\n" +
        `paper-a,pre-job,QX-1,甲,8,10,60,通过,机考,${NOW}\r\n` +
        `paper-a,pre-job,QX-2,甲,2.5,10,60,未通过,笔试,${NOW}\r\n`,
    );
    expect(resultsCsv([])).toBe("\uFEFF试卷编号,认证级别,准考证号,姓名,得分,满分,及格线,是否通过,方式,评分时间\r\n");
  });

  it("quotes cells with commas, quotes or line breaks, and defuses formulas", () => {
    const cells = (name: string) => resultsCsv([result({ name })]).split("\r\n")[1].split(",甲")[0];
    const row = (name: string) => resultsCsv([result({ name })]).split("\r\n")[1];
    expect(row('王"五')).toContain(',"王""五",');
    expect(row("王,五")).toContain(',"王,五",');
    expect(row("王\n五")).toContain(',"王\n五",');
    expect(row("王\r五")).toContain(',"王\r五",');
    for (const start of ["=", "+", "-", "@", "\t"]) expect(row(`${start}1`)).toContain(`,'${start}1,`);
    expect(row("\r1")).toContain(`,"'\r1",`);
    expect(row("a=1")).toContain(",a=1,");
    expect(cells("x")).toBe("paper-a,pre-job,QX-1,x,8,10,60,通过,机考,2026-12-02T10:00:00Z");
  });

  it("a result file is named by paper and ticket in capitals", () => {
    expect(resultFileName({ paper: "paper-a", ticket: "qx-1" })).toBe("result-paper-a-QX-1.json");
  });
});
