/**
 * Grading answer sheets and typed written-exam scores into results. A sheet is graded
 * only when its paper is known, the paper still matches the private bank, the site's
 * code opens its seal, and the candidate has no result yet; otherwise it is refused
 * with the reason. Scores come from the quiz's own gradeAttempt, so the exam grades
 * exactly as the quiz pages do.
 */
import { canonicalJson } from "../progress/canonical.ts";
import type { QuizCatalog } from "../quiz/catalog.ts";
import { gradeAttempt, passes } from "../quiz/grade.ts";
import { normalizeCode } from "./codes.ts";
import { drawPresentation, paperMax, toBankResponses, type ExamPaper, type PresentedItem } from "./paper.ts";
import { problem, type Problem } from "./problem.ts";
import { deriveSiteKeys } from "./seal.ts";
import { sealHolds, TICKET_PATTERN, type AnswerSheet } from "./sheet.ts";
import type { CodesFile } from "./session-codes.ts";

export const RESULT_FORMAT = "ma-exam-result";
export const RESULT_VERSION = 1;

export interface ExamResult {
  format: typeof RESULT_FORMAT;
  version: typeof RESULT_VERSION;
  paper: string;
  level: string;
  ticket: string;
  name: string;
  score: number;
  max: number;
  passMark: number;
  passed: boolean;
  mode: "online" | "written";
  /** ISO 8601. */
  graded: string;
}

/** One paper ready for grading: its presentation redrawn from the private bank, its codes. */
export interface KnownPaper {
  paper: ExamPaper;
  presented: PresentedItem[];
  codes: Map<string, string>;
}

export type Known = { ok: true; value: KnownPaper } | { ok: false; problem: Problem };

/** Redraw a paper from the private bank and check that it is the same paper, question for question. */
export function knowPaper(paper: ExamPaper, codes: CodesFile, catalog: QuizCatalog): Known {
  if (codes.paper !== paper.id) return problem("codes-other-paper", { codes: codes.paper, paper: paper.id });
  if (!catalog.quizzes.has(paper.exam)) return problem("bank-no-exam", { exam: paper.exam });
  let presented: PresentedItem[];
  try {
    presented = drawPresentation(paper.exam, paper.seed, catalog);
  } catch {
    return problem("bank-changed", { paper: paper.id });
  }
  const same = canonicalJson(presented.map((p) => p.paperItem)) === canonicalJson(paper.items);
  if (!same) return problem("bank-changed", { paper: paper.id });
  return { ok: true, value: { paper, presented, codes: new Map(codes.sites.map((s) => [s.site, s.code])) } };
}

export const candidateKey = (paper: string, ticket: string): string => `${paper}/${ticket.trim().toUpperCase()}`;

export type Graded = { ok: true; result: ExamResult } | { ok: false; problem: Problem };

/**
 * Grade one sealed sheet. `graded` holds candidate keys that already have a result (from
 * earlier runs and earlier sheets of this run); a graded sheet's key is added to it.
 */
export async function gradeSheet(
  sheet: AnswerSheet,
  papers: ReadonlyMap<string, KnownPaper>,
  catalog: QuizCatalog,
  graded: Set<string>,
  now: string,
): Promise<Graded> {
  const known = papers.get(sheet.paper);
  if (!known) return problem("unknown-paper", { paper: sheet.paper, ticket: sheet.ticket });
  const { paper, presented } = known;
  if (sheet.level !== paper.level) return problem("seal-fails", { ticket: sheet.ticket, site: sheet.site });
  const code = known.codes.get(sheet.site);
  const normalized = code === undefined ? undefined : normalizeCode(code);
  if (!normalized) return problem("unknown-site", { paper: paper.id, site: sheet.site, ticket: sheet.ticket });
  const { sealKey } = await deriveSiteKeys(normalized, paper.id, sheet.site);
  if (!(await sealHolds(sheet, sealKey))) {
    return problem("seal-fails", { ticket: sheet.ticket, site: sheet.site });
  }
  const key = candidateKey(paper.id, sheet.ticket);
  if (graded.has(key)) return problem("graded-twice", { ticket: sheet.ticket, paper: paper.id });
  const quiz = catalog.quizzes.get(paper.exam)!.quiz;
  const attempt = gradeAttempt({ ...quiz, passMark: paper.passMark }, catalog, presented.map((p) => p.item.id), toBankResponses(presented, sheet.responses));
  graded.add(key);
  return {
    ok: true,
    result: resultOf(paper, sheet.ticket, sheet.name, attempt.score, attempt.max, "online", now),
  };
}

function resultOf(paper: ExamPaper, ticket: string, name: string, score: number, max: number, mode: ExamResult["mode"], graded: string): ExamResult {
  return {
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    paper: paper.id,
    level: paper.level,
    ticket: ticket.trim(),
    name: name.trim(),
    score,
    max,
    passMark: paper.passMark,
    passed: passes(score, max, paper.passMark),
    mode,
    graded,
  };
}

// ── Written exams: scores typed from a CSV ─────────────────────────────────────

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF. Returns rows with their line numbers. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === "," || ch === "，") (cells.push(cell), (cell = ""));
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      cells.push(cell);
      if (cells.some((c) => c.trim())) rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      line++;
      rowLine = line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim())) rows.push({ line: rowLine, cells });
  return rows;
}

const HEADERS = { paper: ["试卷编号", "paper"], ticket: ["准考证号", "ticket"], name: ["姓名", "name"], score: ["得分", "score"] } as const;

export interface WrittenRow {
  line: number;
  paper: string;
  ticket: string;
  name: string;
  score: number;
}

/**
 * Written-exam scores: a header row (试卷编号,准考证号,姓名,得分 or paper,ticket,name,score;
 * 试卷编号 may be left out when only one paper is graded), then one row per candidate.
 * Every bad row is reported with its line; the rows are used only when none is bad.
 */
export function readWrittenScores(text: string, file: string, papers: ReadonlyMap<string, KnownPaper>): { rows: WrittenRow[]; problems: Problem[] } {
  const rows = parseCsv(text);
  const problems: Problem[] = [];
  if (!rows.length) return { rows: [], problems: [{ code: "csv-empty", values: { file } }] };
  const header = rows[0].cells.map((c) => c.trim().toLowerCase());
  const column = (names: readonly string[]) => header.findIndex((h) => names.some((n) => n.toLowerCase() === h));
  const col = { paper: column(HEADERS.paper), ticket: column(HEADERS.ticket), name: column(HEADERS.name), score: column(HEADERS.score) };
  const only = papers.size === 1 ? [...papers.keys()][0] : undefined;
  if (col.ticket < 0 || col.name < 0 || col.score < 0 || (col.paper < 0 && !only)) {
    return { rows: [], problems: [{ code: "csv-header", values: { file, line: rows[0].line, got: rows[0].cells.join(",") } }] };
  }
  const out: WrittenRow[] = [];
  for (const { line, cells } of rows.slice(1)) {
    const get = (i: number) => (i >= 0 ? (cells[i] ?? "").trim() : "");
    const paper = col.paper >= 0 ? get(col.paper) : (only as string);
    const ticket = get(col.ticket);
    const name = get(col.name);
    const scoreText = get(col.score);
    const known = papers.get(paper);
    const at = { file, line };
    if (!known) problems.push({ code: "csv-paper", values: { ...at, paper } });
    else if (!TICKET_PATTERN.test(ticket)) problems.push({ code: "csv-ticket", values: { ...at, ticket } });
    else if (!name || name.length > 40) problems.push({ code: "csv-name", values: at });
    else if (!/^\d+(\.\d+)?$/.test(scoreText) || Number(scoreText) > paperMax(known.paper)) {
      problems.push({ code: "csv-score", values: { ...at, score: scoreText, max: paperMax(known.paper) } });
    } else out.push({ line, paper, ticket, name, score: Number(scoreText) });
  }
  return { rows: problems.length ? [] : out, problems };
}

export function gradeWritten(row: WrittenRow, papers: ReadonlyMap<string, KnownPaper>, graded: Set<string>, now: string, file: string): Graded {
  const paper = papers.get(row.paper)!.paper;
  const key = candidateKey(paper.id, row.ticket);
  if (graded.has(key)) return problem("graded-twice-row", { file, line: row.line, ticket: row.ticket, paper: paper.id });
  graded.add(key);
  return { ok: true, result: resultOf(paper, row.ticket, row.name, row.score, paperMax(paper), "written", now) };
}

// ── Output ─────────────────────────────────────────────────────────────────────

/** A cell for a spreadsheet: quoted when needed, and never read as a formula. */
function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsCsv(results: readonly ExamResult[]): string {
  const header = ["试卷编号", "认证级别", "准考证号", "姓名", "得分", "满分", "及格线", "是否通过", "方式", "评分时间"];
  const rows = results.map((r) => [r.paper, r.level, r.ticket, r.name, r.score, r.max, r.passMark, r.passed ? "通过" : "未通过", r.mode === "online" ? "机考" : "笔试", r.graded]);
  // BOM: spreadsheet programs on Windows then read the Chinese correctly.
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export const resultFileName = (r: Pick<ExamResult, "paper" | "ticket">): string => `result-${r.paper}-${r.ticket.toUpperCase()}.json`;
