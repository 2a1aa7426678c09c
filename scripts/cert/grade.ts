/**
 * `npm run cert -- grade SHEETS… --bank DIR --codes FILE [--written scores.csv] --out DIR`:
 * checks every answer sheet's seal and paper, grades with the quiz grading rules, takes
 * written-exam scores from a CSV, and writes one result file per candidate plus
 * results.csv. The paper file (paper-<id>.json, from `cert paper`) must lie next to its
 * codes file. All or nothing: when any sheet or row is refused, nothing is written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { stderr, stdout } from "node:process";
import { zhCN } from "../../src/i18n/zh-CN.ts";
import { fill } from "../../src/i18n/fill.ts";
import { contentDir } from "../../src/lib/content/content-dir.ts";
import { readContentSet } from "../../src/lib/content/files.ts";
import { formatIssues } from "../../src/lib/content/issues.ts";
import { knownFromContentSet } from "../../src/lib/quiz/check.ts";
import { bankFolderProblem, readPrivateBank } from "../../src/lib/exam/bank-files.ts";
import { MAX_FILE_BYTES } from "../../src/lib/exam/files.ts";
import {
  candidateKey,
  gradeSheet,
  gradeWritten,
  knowPaper,
  readWrittenScores,
  resultFileName,
  resultsCsv,
  RESULT_FORMAT,
  type ExamResult,
  type KnownPaper,
} from "../../src/lib/exam/grade.ts";
import { sayProblem, type Problem } from "../../src/lib/exam/problem.ts";
import { readSignedPaper } from "../../src/lib/exam/proof.ts";
import { readCodes } from "../../src/lib/exam/session-codes.ts";
import { readSheet } from "../../src/lib/exam/sheet.ts";
import { publishedFolders } from "./paper.ts";

const say = (key: string, values?: Record<string, string | number>) => fill((zhCN as Record<string, string>)[key] ?? key, values);
const sayP = (p: Problem) => sayProblem(p, zhCN, fill);

/** A file's text, or undefined when it is missing or over 5 MB (then `size` tells which). */
function readSmall(path: string): { text?: string; size: number } {
  if (!existsSync(path) || !statSync(path).isFile()) return { size: -1 };
  const size = statSync(path).size;
  return size > MAX_FILE_BYTES ? { size } : { text: readFileSync(path, "utf8"), size };
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        bank: { type: "string" },
        codes: { type: "string", multiple: true },
        written: { type: "string" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    stderr.write(`${(error as Error).message}\n\n${say("exam.cli.gradeUsage")}\n`);
    return 2;
  }
  const { values, positionals: sheets } = parsed;
  if (values.help) {
    stdout.write(`${say("exam.cli.gradeUsage")}\n`);
    return 0;
  }
  if (!values.bank || !values.codes?.length || !values.out) {
    stderr.write(`${say("exam.cli.gradeUsage")}\n`);
    return 2;
  }
  if (!sheets.length && !values.written) {
    stderr.write(`${say("exam.cli.noSheets")}\n${say("exam.cli.gradeUsage")}\n`);
    return 2;
  }
  const root = resolve(".");
  const problems: string[] = [];
  const done = (): number => {
    stderr.write(`${problems.join("\n")}\n${say("exam.cli.refused", { n: problems.length })}\n`);
    return 1;
  };

  const bankProblem = bankFolderProblem(values.bank, publishedFolders(root));
  if (bankProblem) return (problems.push(sayP(bankProblem)), done());
  const { set } = readContentSet({ root, content: contentDir(root) });
  const bank = readPrivateBank(values.bank, root, knownFromContentSet(set));
  if (bank.issues.length) return (problems.push(formatIssues(bank.issues)), done());

  // Papers: each codes file names its paper; the signed paper file lies beside it.
  const papers = new Map<string, KnownPaper>();
  for (const codesPath of values.codes) {
    const file = readSmall(codesPath);
    const codes = file.text === undefined ? undefined : readCodes(file.text, file.size);
    if (!codes) {
      problems.push(file.size < 0 ? say("exam.cli.cannotRead", { file: codesPath }) : say("exam.cli.fileProblem", { file: codesPath, message: sayP({ code: "too-large", values: { what: "codes", mb: (file.size / 1048576).toFixed(1) } }) }));
      continue;
    }
    if (!codes.ok) {
      problems.push(say("exam.cli.fileProblem", { file: codesPath, message: sayP(codes.problem) }));
      continue;
    }
    const paperPath = join(dirname(codesPath), `paper-${codes.value.paper}.json`);
    const paperFile = readSmall(paperPath);
    if (paperFile.text === undefined) {
      problems.push(say("exam.cli.noPaperFile", { file: paperPath }));
      continue;
    }
    const paper = await readSignedPaper(paperFile.text, paperFile.size);
    if (!paper.ok) {
      problems.push(say("exam.cli.fileProblem", { file: paperPath, message: sayP(paper.problem) }));
      continue;
    }
    const known = knowPaper(paper.value.paper, codes.value, bank.catalog);
    if (!known.ok) problems.push(say("exam.cli.fileProblem", { file: paperPath, message: sayP(known.problem) }));
    else papers.set(known.value.paper.id, known.value);
  }
  if (problems.length) return done();

  // Candidates graded in earlier runs stay graded.
  const out = values.out;
  const earlier: ExamResult[] = existsSync(out)
    ? readdirSync(out)
        .filter((n) => /^result-.*\.json$/.test(n))
        .flatMap((n) => {
          try {
            const r = JSON.parse(readFileSync(join(out, n), "utf8")) as ExamResult;
            return r.format === RESULT_FORMAT ? [r] : [];
          } catch {
            return [];
          }
        })
    : [];
  const graded = new Set(earlier.map((r) => candidateKey(r.paper, r.ticket)));
  const results: ExamResult[] = [];
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

  for (const path of sheets) {
    const file = readSmall(path);
    if (file.text === undefined) {
      problems.push(
        file.size < 0 ? say("exam.cli.cannotRead", { file: path }) : say("exam.cli.fileProblem", { file: path, message: sayP({ code: "too-large", values: { what: "sheet", mb: (file.size / 1048576).toFixed(1) } }) }),
      );
      continue;
    }
    const sheet = readSheet(file.text, file.size);
    if (!sheet.ok) {
      problems.push(say("exam.cli.fileProblem", { file: path, message: sayP(sheet.problem) }));
      continue;
    }
    const r = await gradeSheet(sheet.value, papers, bank.catalog, graded, now);
    if (r.ok) results.push(r.result);
    else problems.push(say("exam.cli.fileProblem", { file: path, message: sayP(r.problem) }));
  }

  if (values.written) {
    const file = readSmall(values.written);
    if (file.text === undefined) problems.push(say("exam.cli.cannotRead", { file: values.written }));
    else {
      const name = basename(values.written);
      const written = readWrittenScores(file.text, name, papers);
      problems.push(...written.problems.map(sayP));
      for (const row of written.rows) {
        const r = gradeWritten(row, papers, graded, now, name);
        if (r.ok) results.push(r.result);
        else problems.push(sayP(r.problem));
      }
    }
  }
  if (problems.length) return done();

  mkdirSync(out, { recursive: true });
  for (const r of results) writeFileSync(join(out, resultFileName(r)), `${JSON.stringify(r, null, 2)}\n`, { flag: "wx" });
  const all = [...earlier, ...results].sort((a, b) => a.paper.localeCompare(b.paper) || a.ticket.localeCompare(b.ticket));
  const csv = join(out, "results.csv");
  writeFileSync(csv, resultsCsv(all));
  const count = (mode: ExamResult["mode"]) => results.filter((r) => r.mode === mode).length;
  stdout.write(`${say("exam.cli.gradeDone", { n: results.length, online: count("online"), written: count("written"), passed: results.filter((r) => r.passed).length, out, csv })}\n`);
  return 0;
}
