/** `cert paper` and `cert grade` end to end in temporary folders. */
import { afterEach, describe, expect, test, vi } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateKeyPair } from "../../../src/lib/cert/keys.ts";
import { readSignedPaper } from "../../../src/lib/exam/proof.ts";
import { answer, handIn, openSite, startDraft, type ExamDraft } from "../../../src/lib/exam/session.ts";
import { sheetFileText } from "../../../src/lib/exam/sheet.ts";
import { run as paperCommand } from "../../../scripts/cert/paper.ts";
import { run as gradeCommand } from "../../../scripts/cert/grade.ts";
import { bankDir, root } from "./helpers.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
  return { out, err };
}
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), "exam-cli-"));
const keyFile = join(dir, "key.json");
writeFileSync(keyFile, JSON.stringify(await generateKeyPair("test-issuer")));

describe("cert paper", () => {
  test("refuses a bank inside content/ and an unknown level", async () => {
    const { err } = capture();
    expect(await paperCommand(["--bank", join(root, "content/quizzes"), "--level", "pre-job", "--key", keyFile, "--out", join(dir, "x")])).toBe(1);
    expect(err.join("")).toContain("考试题库必须放在 content/ 和 dist/ 之外");
    expect(await paperCommand(["--bank", bankDir, "--level", "no-such-level", "--key", keyFile, "--out", join(dir, "x")])).toBe(1);
    expect(await paperCommand(["--bank", bankDir, "--level", "pre-job", "--key", join(dir, "nope.json"), "--out", join(dir, "x")])).toBe(1);
    expect(existsSync(join(dir, "x"))).toBe(false);
  });

  test("writes the signed paper, the printable paper and the codes; grade takes the sheets once", { timeout: 60_000 }, async () => {
    const out = join(dir, "exam");
    const io = capture();
    expect(await paperCommand(["--bank", bankDir, "--level", "pre-job", "--key", keyFile, "--out", out, "--sites", "2", "--seed", "cli"])).toBe(0);
    const names = readdirSync(out).sort();
    expect(names.map((n) => n.replace(/-pre-job.*\./, "."))).toEqual(["codes.json", "paper.html", "paper.json"]);
    const codesPath = join(out, names[0]!);
    expect(statSync(codesPath).mode & 0o077).toBe(0);
    const codes = JSON.parse(readFileSync(codesPath, "utf8"));
    for (const { code } of codes.sites) expect(io.out.join("")).toContain(code);
    const paperText = readFileSync(join(out, names[2]!), "utf8");
    const read = await readSignedPaper(paperText);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const paper = read.value.paper;
    expect(paper).toMatchObject({ level: "pre-job", exam: "pre-job-exam", passMark: 80, timeLimit: 40 });
    const html = readFileSync(join(out, names[1]!), "utf8");
    expect(html).toContain("@page { size: A4");
    expect(html).toContain(paper.items[0]!.stem);
    expect(html).not.toMatch(/考试解析/);

    // One sheet per site, one tampered.
    const sheets: string[] = [];
    for (const [i, { code }] of codes.sites.entries()) {
      const opened = await openSite(paper, code);
      if (!opened.ok) throw new Error(opened.code);
      const draft = answer(startDraft(paper, opened.site, `QX-${i}`, "考生", Date.now()) as ExamDraft, "q1", "a", Date.now());
      const path = join(dir, `sheet-${i}.json`);
      writeFileSync(path, sheetFileText(await handIn(paper, draft, opened.sealKey, Date.now())));
      sheets.push(path);
    }
    const tampered = join(dir, "sheet-tampered.json");
    writeFileSync(tampered, readFileSync(sheets[0]!, "utf8").replace('"考生"', '"别人"'));
    const results = join(dir, "results");

    expect(await gradeCommand([...sheets, tampered, "--bank", bankDir, "--codes", codesPath, "--out", results])).toBe(1);
    expect(io.err.join("")).toContain("封印不符");
    expect(existsSync(results)).toBe(false);

    expect(await gradeCommand([...sheets, "--bank", bankDir, "--codes", codesPath, "--out", results])).toBe(0);
    expect(readdirSync(results).filter((n) => n.startsWith("result-"))).toHaveLength(2);
    expect(readFileSync(join(results, "results.csv"), "utf8").trim().split("\r\n")).toHaveLength(3);

    io.err.length = 0;
    expect(await gradeCommand([sheets[1]!, "--bank", bankDir, "--codes", codesPath, "--out", results])).toBe(1);
    expect(io.err.join("")).toContain("已经评过分");
  });
});
