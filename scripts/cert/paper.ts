/**
 * `npm run cert -- paper --bank DIR --level ID --key KEYFILE --out DIR [--sites 3] [--seed S]`:
 * draws a question-only exam paper from a private bank and writes, into DIR, the signed
 * paper (paper-<id>.json, for /exam/), the printable paper and answer sheet
 * (paper-<id>.html) and the session codes (codes-<id>.json, kept by the trainer).
 * A thin front over src/lib/exam; refuses a bank or output folder inside content/ or dist/.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { stderr, stdout } from "node:process";
import { parse as parseYaml } from "yaml";
import { zhCN } from "../../src/i18n/zh-CN.ts";
import { fill } from "../../src/i18n/fill.ts";
import { parseKeyFile } from "../../src/lib/cert/keys.ts";
import { nowStamp } from "../../src/lib/cert/proof.ts";
import { levelSchema } from "../../src/lib/certification/schema.ts";
import { contentDir } from "../../src/lib/content/content-dir.ts";
import { readContentSet } from "../../src/lib/content/files.ts";
import { formatIssues } from "../../src/lib/content/issues.ts";
import { knownFromContentSet } from "../../src/lib/quiz/check.ts";
import { newSeed } from "../../src/lib/quiz/draw.ts";
import { bankFolderProblem, readPrivateBank } from "../../src/lib/exam/bank-files.ts";
import { CODE_ALPHABET, newSessionCode, normalizeCode } from "../../src/lib/exam/codes.ts";
import { buildPaper, paperMax } from "../../src/lib/exam/paper.ts";
import { printablePaper } from "../../src/lib/exam/print.ts";
import { sayProblem, type Problem } from "../../src/lib/exam/problem.ts";
import { signPaper } from "../../src/lib/exam/proof.ts";
import { deriveSiteKeys } from "../../src/lib/exam/seal.ts";
import { shortKey } from "../../src/lib/exam/session.ts";
import { CODES_FORMAT, CODES_VERSION, type CodesFile } from "../../src/lib/exam/session-codes.ts";

const say = (key: string, values?: Record<string, string | number>) => fill((zhCN as Record<string, string>)[key] ?? key, values);
const refuse = (message: string): number => {
  stderr.write(`${message}\n`);
  return 1;
};

/** Folders whose contents are published: a private bank, or session codes, must not be there. */
export function publishedFolders(root: string): string[] {
  return [contentDir(root), join(root, "dist"), join(root, "public"), ...(process.env.OUT_DIR ? [resolve(process.env.OUT_DIR)] : [])];
}

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        bank: { type: "string" },
        level: { type: "string" },
        key: { type: "string" },
        out: { type: "string" },
        sites: { type: "string", default: "3" },
        seed: { type: "string" },
        minutes: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return refuse(`${(error as Error).message}\n\n${say("exam.cli.paperUsage")}`);
  }
  if (values.help) {
    stdout.write(`${say("exam.cli.paperUsage")}\n`);
    return 0;
  }
  if (!values.bank || !values.level || !values.key || !values.out) return refuse(say("exam.cli.paperUsage"));
  const root = resolve(".");
  const published = publishedFolders(root);
  const sayP = (p: Problem) => sayProblem(p, zhCN, fill);

  const bankProblem = bankFolderProblem(values.bank, published);
  if (bankProblem) return refuse(sayP(bankProblem));
  const outProblem = bankFolderProblem(values.out, published);
  if (outProblem?.code === "bank-published") return refuse(say("exam.cli.outPublished", { dir: values.out }));

  const sites = Number(values.sites);
  if (!Number.isInteger(sites) || sites < 1 || sites > 200) return refuse(say("exam.cli.badSites", { sites: values.sites }));
  const minutes = values.minutes === undefined ? undefined : Number(values.minutes);
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1 || minutes > 600)) return refuse(say("exam.cli.badMinutes", { minutes: values.minutes ?? "" }));

  // The level names the exam and its pass mark.
  const levelFile = join(contentDir(root), "certifications", `${values.level}.yaml`);
  if (!existsSync(levelFile)) return refuse(say("exam.cli.noLevel", { level: values.level }));
  const level = levelSchema.safeParse(parseYaml(readFileSync(levelFile, "utf8")));
  if (!level.success) return refuse(say("exam.cli.badLevel", { level: values.level }));
  const { id: exam, passMark } = level.data.exam;

  // The key file: any key made by `npm run cert -- keygen` (src/lib/cert generateKeyPair).
  if (!existsSync(values.key) || statSync(values.key).size > 64 * 1024) return refuse(say("exam.cli.badKey", { file: values.key }));
  const key = await parseKeyFile(readFileSync(values.key, "utf8"));
  if (!key.ok) return refuse(say("exam.cli.badKey", { file: values.key }));

  const { set } = readContentSet({ root, content: contentDir(root) });
  const bank = readPrivateBank(values.bank, root, knownFromContentSet(set));
  if (bank.issues.length) return refuse(`${formatIssues(bank.issues)}\n${say("exam.cli.bankIssues", { n: bank.issues.length })}`);
  const quiz = bank.catalog.quizzes.get(exam)?.quiz;
  if (!quiz) return refuse(sayP({ code: "bank-no-exam", values: { exam } }));

  const created = nowStamp();
  const suffix = newSessionCode().replace("-", "").slice(0, 4).toLowerCase();
  const id = `${exam}-${created.slice(0, 10).replace(/-/g, "")}-${suffix}`;
  const codes = Array.from({ length: sites }, (_, i) => ({ site: String(i + 1), code: newSessionCode() }));
  const checks = [];
  for (const { site, code } of codes) checks.push({ id: site, check: (await deriveSiteKeys(normalizeCode(code)!, id, site)).check });
  let paper;
  try {
    paper = buildPaper(
      { id, level: values.level, exam, seed: values.seed ?? newSeed(), created, timeLimit: minutes ?? quiz.timeLimit ?? 60, passMark, sites: checks },
      bank.catalog,
    );
  } catch (error) {
    return refuse((error as Error).message);
  }
  const signed = await signPaper(paper, key.key);
  const codesFile: CodesFile = { format: CODES_FORMAT, version: CODES_VERSION, paper: id, sites: codes };

  mkdirSync(values.out, { recursive: true });
  const files = { paper: join(values.out, `paper-${id}.json`), print: join(values.out, `paper-${id}.html`), codes: join(values.out, `codes-${id}.json`) };
  for (const path of Object.values(files)) if (existsSync(path)) return refuse(say("exam.cli.exists", { file: path }));
  writeFileSync(files.paper, `${JSON.stringify(signed, null, 2)}\n`);
  writeFileSync(files.print, printablePaper(paper, zhCN, fill));
  // Codes are secret: readable by the trainer only.
  writeFileSync(files.codes, `${JSON.stringify(codesFile, null, 2)}\n`, { mode: 0o600 });

  stdout.write(
    `${say("exam.cli.paperDone", { id, signer: shortKey(key.key.controller), n: paper.items.length, max: paperMax(paper), minutes: paper.timeLimit, passMark, ...files })}\n` +
      codes.map((c) => say("exam.cli.siteCode", c)).join("\n") +
      `\n${say("exam.cli.codesNote", { alphabet: CODE_ALPHABET })}\n`,
  );
  return 0;
}
