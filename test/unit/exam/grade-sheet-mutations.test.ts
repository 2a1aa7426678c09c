/**
 * Grading sealed sheets and signing papers, each refusal with the values `cert grade`
 * words (ticket, site, paper), including a sheet sealed with the right code but for
 * another level. The bank, paper and seals are made inside each test.
 */
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { generateKeyPair } from "../../../src/lib/cert/keys.ts";
import { readPrivateBank } from "../../../src/lib/exam/bank-files.ts";
import { gradeSheet, knowPaper, parseCsv, readWrittenScores, type KnownPaper } from "../../../src/lib/exam/grade.ts";
import { buildPaper, type ExamPaper } from "../../../src/lib/exam/paper.ts";
import { readSignedPaper, signPaper } from "../../../src/lib/exam/proof.ts";
import { deriveSiteKeys } from "../../../src/lib/exam/seal.ts";
import type { CodesFile } from "../../../src/lib/exam/session-codes.ts";
import { sealSheet, type AnswerSheet } from "../../../src/lib/exam/sheet.ts";
import type { KnownContent } from "../../../src/lib/quiz/check.ts";

// PBKDF2 at 100,000 rounds per code in gradeSheet: slow when the machine is busy.
vi.setConfig({ testTimeout: 60_000 });

const root = resolve(".");
const known: KnownContent = {
  provisions: new Set(["rmtjf-4", "rmtjf-15", "rmtjf-17", "rmtjf-19", "rmtjf-20", "rmtjf-26", "rmtjf-27", "rmtjf-28", "rmtjf-29", "rmtjf-31", "rmtjf-33"]),
  lessons: new Set(),
  courses: new Set(["procedure"]),
};
const CODE = "K7M2QX9D";

async function setup(created = "2026-12-02T08:00:00Z") {
  const catalog = readPrivateBank(join(root, "test/fixtures/exam/private-bank"), root, known).catalog;
  const id = "paper-g";
  const site = await deriveSiteKeys(CODE, id, "1");
  const paper = buildPaper({ id, level: "pre-job", exam: "pre-job-exam", seed: "s-1", created, timeLimit: 40, passMark: 80, sites: [{ id: "1", check: site.check }] }, catalog);
  const codes: CodesFile = { format: "ma-exam-codes", version: 1, paper: id, sites: [{ site: "1", code: "k7m2-qx9d" }] };
  const k = knowPaper(paper, codes, catalog);
  if (!k.ok) throw new Error(k.problem.code);
  const papers = new Map<string, KnownPaper>([[id, k.value]]);
  const sheet = (over: Partial<AnswerSheet> = {}) =>
    sealSheet(
      { format: "ma-exam-sheet", version: 1, paper: id, level: "pre-job", site: "1", ticket: "QX-9", name: "王五", responses: {}, started: "2026-12-02T09:00:00.000Z", submitted: "2026-12-02T09:30:00.000Z", ...over },
      site.sealKey,
    );
  return { catalog, paper, codes, papers, sheet };
}

describe("grading a sheet: refusals with their values", () => {
  it("a sheet sealed with the site's own code but for another level is refused", async () => {
    const { papers, catalog, sheet } = await setup();
    const other = await sheet({ level: "annual-review" });
    expect(await gradeSheet(other, papers, catalog, new Set(), "t")).toEqual({ ok: false, problem: { code: "seal-fails", values: { ticket: "QX-9", site: "1" } } });
    expect((await gradeSheet(await sheet(), papers, catalog, new Set(), "t")).ok).toBe(true);
  });

  it("a site the codes file does not hold, and a candidate graded before, are named", async () => {
    const { papers, catalog, sheet } = await setup();
    expect(await gradeSheet(await sheet({ site: "2" }), papers, catalog, new Set(), "t")).toEqual({
      ok: false,
      problem: { code: "unknown-site", values: { paper: "paper-g", site: "2", ticket: "QX-9" } },
    });
    const graded = new Set(["paper-g/QX-9"]);
    expect(await gradeSheet(await sheet({ ticket: "qx-9" }), papers, catalog, graded, "t")).toEqual({
      ok: false,
      problem: { code: "graded-twice", values: { ticket: "qx-9", paper: "paper-g" } },
    });
  });

  it("a code in the codes file that cannot be a code opens no site", async () => {
    const { papers, catalog, sheet } = await setup();
    const k = papers.get("paper-g")!;
    const broken = new Map([["paper-g", { ...k, codes: new Map([["1", "K7M2"]]) }]]);
    expect(await gradeSheet(await sheet(), broken, catalog, new Set(), "t")).toMatchObject({ ok: false, problem: { code: "unknown-site" } });
  });
});

describe("knowing a paper: refusals with their values", () => {
  it("names the codes' paper, the missing exam, the changed paper", async () => {
    const { paper, codes, catalog } = await setup();
    expect(knowPaper(paper, { ...codes, paper: "paper-x" }, catalog)).toEqual({ ok: false, problem: { code: "codes-other-paper", values: { codes: "paper-x", paper: "paper-g" } } });
    expect(knowPaper({ ...paper, exam: "nope" }, codes, catalog)).toEqual({ ok: false, problem: { code: "bank-no-exam", values: { exam: "nope" } } });
    expect(knowPaper({ ...paper, items: paper.items.slice(1) }, codes, catalog)).toEqual({ ok: false, problem: { code: "bank-changed", values: { paper: "paper-g" } } });
    const k = knowPaper(paper, codes, catalog);
    expect(k.ok && [...k.value.codes]).toEqual([["1", "k7m2-qx9d"]]);
  });
});

describe("written scores: more edges", () => {
  it("a last row with an empty cell is still a row", () => {
    expect(parseCsv("a\nb,")).toEqual([
      { line: 1, cells: ["a"] },
      { line: 2, cells: ["b", ""] },
    ]);
  });

  it("the name may be the first column; scores may have two decimals", async () => {
    const { papers } = await setup();
    const { rows, problems } = readWrittenScores("姓名,准考证号,得分\n陈一,QX-1,1.25", "s.csv", papers);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ line: 2, paper: "paper-g", ticket: "QX-1", name: "陈一", score: 1.25 }]);
  });
});

describe("signed papers", () => {
  it("the proof is made at the paper's creation time, to the second, for assertion", async () => {
    const key = await generateKeyPair("qx");
    const { paper } = await setup("2026-12-02T08:00:00.123Z");
    const signed = await signPaper(paper, key);
    expect(signed.proof).toMatchObject({ created: "2026-12-02T08:00:00Z", proofPurpose: "assertionMethod", verificationMethod: key.id });
    const plain = await signPaper({ ...paper, created: "2026-12-02T08:00:00Z" }, key);
    expect((plain.proof as { created: string }).created).toBe("2026-12-02T08:00:00Z");
    // Signing again replaces the old proof rather than refusing.
    const again = await signPaper(signed as ExamPaper, key);
    expect(await readSignedPaper(JSON.stringify(again))).toMatchObject({ ok: true, value: { signer: key.controller } });
  });

  it("a paper file that does not read is refused as such; a broken signature names its reason", async () => {
    const key = await generateKeyPair("qx");
    const { paper } = await setup();
    expect(await readSignedPaper("")).toEqual({ ok: false, problem: { code: "empty", values: { what: "paper" } } });
    expect(await readSignedPaper(JSON.stringify({ ...paper, timeLimit: 0 }))).toMatchObject({ ok: false, problem: { code: "broken", values: { field: "timeLimit" } } });
    const signed = await signPaper(paper, key);
    expect(await readSignedPaper(JSON.stringify({ ...signed, passMark: 10 }))).toEqual({ ok: false, problem: { code: "signature", values: { reason: "signature" } } });
    const proof = signed.proof as Record<string, unknown>;
    expect(await readSignedPaper(JSON.stringify({ ...signed, proof: { ...proof, proofValue: "x" } }))).toEqual({ ok: false, problem: { code: "signature", values: { reason: "bad-proof-value" } } });
  });
});
