/** The fixture private bank, checked against the shipped content, and a paper drawn from it. */
import { join, resolve } from "node:path";
import type { KnownContent } from "../../../src/lib/quiz/check.ts";
import { readPrivateBank } from "../../../src/lib/exam/bank-files.ts";
import { buildPaper, type ExamPaper } from "../../../src/lib/exam/paper.ts";
import { deriveSiteKeys } from "../../../src/lib/exam/seal.ts";

export const root = resolve(".");
export const bankDir = join(root, "test/fixtures/exam/private-bank");
/**
 * What the fixture bank refers to, named here rather than read from content/ so that the
 * many test runs of mutation testing stay fast; cli.test.ts checks the bank against the
 * real content set (the commands read it).
 */
export const known: KnownContent = {
  provisions: new Set(["rmtjf-4", "rmtjf-15", "rmtjf-17", "rmtjf-19", "rmtjf-20", "rmtjf-26", "rmtjf-27", "rmtjf-28", "rmtjf-29", "rmtjf-31", "rmtjf-33"]),
  lessons: new Set(),
  courses: new Set(["procedure"]),
};
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
