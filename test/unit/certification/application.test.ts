/**
 * The application file: the progress export envelope with an `application` member under
 * the same checksum. It reads back, imports into 我的学习 like any export, and every bad
 * file (corrupt, truncated, future version, too large, tampered, not an application) is
 * refused with a zh-CN message.
 */
import { describe, expect, it } from "vitest";
import {
  APPLICATION_KIND,
  applicationFileName,
  applicationText,
  createApplication,
  MAX_APPLICATION_BYTES,
  readApplication,
} from "../../../src/lib/certification/application.ts";
import { createExport, EXPORT_FORMAT, exportText, importText, sha256Hex } from "../../../src/lib/progress/export.ts";
import { canonicalJson } from "../../../src/lib/progress/canonical.ts";
import { allMet, attempt, facts, level, withLearner } from "./sample.ts";

const NOW = new Date("2026-03-10T09:00:00.000Z");
/** Entry ids are made fresh per call: one record for the whole file. */
const RECORD = withLearner(allMet());
const record = () => RECORD;

async function refused(text: string) {
  const result = await readApplication(text);
  if (result.ok) throw new Error("accepted");
  return result.problem;
}

/** Re-seal an edited file, as a forger with the format in hand would. */
async function resealed(file: Record<string, unknown>): Promise<string> {
  const { checksum: _c, ...content } = file;
  return JSON.stringify({ ...content, checksum: { algorithm: "SHA-256", value: await sha256Hex(canonicalJson(content)) } });
}

describe("application file", () => {
  it("is the export envelope with the application under the same checksum", async () => {
    const file = await createApplication(record(), level, facts, NOW);
    expect(file.format).toBe(EXPORT_FORMAT);
    expect(file.application).toMatchObject({ kind: APPLICATION_KIND, version: 1, created: NOW.toISOString(), selfStudyMet: true, done: 5, total: 5 });
    expect(file.application.level).toEqual({ id: "pre-job", title: "岗前培训合格", exam: { id: "pre-job-exam", passMark: 80 } });
    expect(file.application.evidence.map((e) => e.code)).toEqual(["course-done", "final-passed", "scenario-score-met", "scenario-outcome-met", "hours-met", "exam"]);
    // Without the member, the checksum is the plain export's: one format.
    const plain = await createExport(record(), NOW);
    expect(plain.checksum.value).not.toBe(file.checksum.value);
    const { checksum, ...content } = file;
    expect(await sha256Hex(canonicalJson(content))).toBe(checksum.value);
  });

  it("reads back: the record and the application", async () => {
    const result = await readApplication(await applicationText(record(), level, facts, NOW));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record).toEqual(record());
    expect(result.application.evidence.every((e) => e.code === "exam" || e.met)).toBe(true);
  });

  it("records what is still missing when made early", async () => {
    const early = withLearner({ ...allMet(), attempts: [attempt("basics-final", 62, 100)] });
    const result = await readApplication(await applicationText(early, level, facts, NOW));
    expect(result.ok && result.application.selfStudyMet).toBe(false);
    expect(result.ok && result.application.evidence.find((e) => e.kind === "final")).toMatchObject({ met: false, code: "final-low", values: { score: 62, mark: 80 } });
  });

  it("imports into 我的学习 like any exported record", async () => {
    const imported = await importText(await applicationText(record(), level, facts, NOW));
    expect(imported).toMatchObject({ ok: true, record: record() });
  });

  it("names the file after the level and the learner", () => {
    expect(applicationFileName(record(), level, NOW)).toBe("调解员学堂-申请材料-岗前培训合格-张秀兰-2026-03-10.json");
  });

  it("refuses a corrupt file", async () => {
    expect(await refused("PK\u0003\u0004 zip")).toMatchObject({ code: "corrupt", message: expect.stringContaining("损坏") });
  });

  it("refuses a truncated file", async () => {
    const text = await applicationText(record(), level, facts, NOW);
    expect(await refused(text.slice(0, text.length / 2))).toMatchObject({ code: "truncated", message: expect.stringContaining("不完整") });
  });

  it("refuses an empty file", async () => {
    expect((await refused("  ")).code).toBe("empty");
  });

  it("refuses a future record version", async () => {
    const file = JSON.parse(await applicationText(record(), level, facts, NOW));
    const text = await resealed({ ...file, version: 9, record: { ...file.record, version: 9 } });
    expect(await refused(text)).toMatchObject({ code: "future-version", message: expect.stringContaining("第 9 版") });
  });

  it("refuses a future application version, even sealed", async () => {
    const file = JSON.parse(await applicationText(record(), level, facts, NOW));
    const text = await resealed({ ...file, application: { ...file.application, version: 2 } });
    expect(await refused(text)).toEqual({ code: "future-version", message: expect.stringContaining("申请格式第 2 版"), details: [] });
  });

  it("names the file without characters a file system refuses, the title at most 20 characters", () => {
    expect(applicationFileName(record(), { title: "岗前 培训/合格:甲*乙?" }, NOW)).toBe("调解员学堂-申请材料-岗前培训合格甲乙-张秀兰-2026-03-10.json");
    expect(applicationFileName(record(), { title: "一二三四五六七八九十一二三四五六七八九十多余" }, NOW)).toContain("-一二三四五六七八九十一二三四五六七八九十-");
  });

  it("reads a file of exactly 5 MB and refuses one byte more, saying its size", async () => {
    const text = await applicationText(record(), level, facts, NOW);
    // Whitespace outside the JSON is not under the checksum: the same application, padded.
    const padded = text + " ".repeat(MAX_APPLICATION_BYTES - new TextEncoder().encode(text).byteLength);
    expect((await readApplication(padded)).ok).toBe(true);
    expect(await refused(padded + " ")).toEqual({ code: "too-large", message: expect.stringContaining("文件太大（5.0 MB）"), details: [] });
  }, 30_000);

  it("refuses an application member that is not an object as invalid, not as a crash", async () => {
    const file = JSON.parse(await applicationText(record(), level, facts, NOW));
    for (const application of [null, 2, "申请"]) {
      const problem = await refused(await resealed({ ...file, application }));
      expect(problem).toMatchObject({ code: "invalid", message: "申请材料的内容不完整或格式不对。" });
    }
  });

  it("refuses a file over 5 MB before reading it", async () => {
    const text = await applicationText(record(), level, facts, NOW);
    const big = text.replace("{", `{"padding":"${"x".repeat(MAX_APPLICATION_BYTES)}",`);
    expect(await refused(big)).toMatchObject({ code: "too-large", message: expect.stringContaining("5 MB") });
    // Counted in UTF-8 bytes: 2 million Chinese characters are 6 MB.
    expect((await refused(`"${"调".repeat(2_000_000)}"`)).code).toBe("too-large");
  }, 30_000);

  it("refuses a tampered application: a failed requirement edited to met", async () => {
    const file = JSON.parse(await applicationText(withLearner({ ...allMet(), attempts: [attempt("basics-final", 62, 100)] }), level, facts, NOW));
    const final = file.application.evidence.find((e: { kind: string }) => e.kind === "final");
    final.met = true;
    file.application.selfStudyMet = true;
    expect(await refused(JSON.stringify(file))).toMatchObject({ code: "tampered", message: expect.stringContaining("校验码") });
  });

  it("refuses a tampered record", async () => {
    const file = JSON.parse(await applicationText(record(), level, facts, NOW));
    file.record.attempts[0].score = 10;
    expect((await refused(JSON.stringify(file))).code).toBe("tampered");
  });

  it("refuses a plain progress export: not an application", async () => {
    expect(await refused(await exportText(record(), NOW))).toEqual({ code: "not-an-application", message: expect.stringContaining("不是申请材料"), details: [] });
  });

  it("refuses an application member of the wrong shape, naming the field", async () => {
    const file = JSON.parse(await applicationText(record(), level, facts, NOW));
    delete file.application.level;
    const problem = await refused(await resealed(file));
    expect(problem.code).toBe("invalid");
    expect(problem.details.join("\n")).toContain("level");
  });
});
