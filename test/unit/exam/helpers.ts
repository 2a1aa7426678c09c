/** The fixture private bank, checked against the shipped content, and a paper drawn from it. */
import { join, resolve } from "node:path";
import { contentDir } from "../../../src/lib/content/content-dir.ts";
import { readContentSet } from "../../../src/lib/content/files.ts";
import { knownFromContentSet } from "../../../src/lib/quiz/check.ts";
import { readPrivateBank } from "../../../src/lib/exam/bank-files.ts";
import { buildPaper, type ExamPaper } from "../../../src/lib/exam/paper.ts";
import { deriveSiteKeys } from "../../../src/lib/exam/seal.ts";

export const root = resolve(".");
export const bankDir = join(root, "test/fixtures/exam/private-bank");
const { set } = readContentSet({ root, content: contentDir(root) });
export const known = knownFromContentSet(set);
export const bank = readPrivateBank(bankDir, root, known);
export const catalog = bank.catalog;

export const CODES = { "1": "K7M2-QX9D", "2": "ABCD-EFGH" } as const;

export async function makePaper(seed = "seed-1"): Promise<ExamPaper> {
  const sites = [];
  for (const [id, code] of Object.entries(CODES)) {
    sites.push({ id, check: (await deriveSiteKeys(code.replace("-", ""), "pre-job-exam-test", id)).check });
  }
  return buildPaper(
    { id: "pre-job-exam-test", level: "pre-job", exam: "pre-job-exam", seed, created: "2026-12-02T08:00:00Z", timeLimit: 40, passMark: 80, sites },
    catalog,
  );
}
