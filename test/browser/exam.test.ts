/**
 * The supervised exam end to end on /exam/ at 375 px: the proctor loads a signed paper
 * (a tampered one is refused), a wrong code is refused, the candidate answers half the
 * paper, the page reloads (answers and clock kept, the code asked again), the candidate
 * finishes and hands in, and the downloaded sheet is one the grade command's library
 * accepts with full marks. Also: no text of the private fixture bank is anywhere in dist/.
 */
import { describe, expect, test, beforeAll } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { generateKeyPair } from "../../src/lib/cert/keys.ts";
import { gradeSheet, knowPaper } from "../../src/lib/exam/grade.ts";
import { buildPaper, drawPresentation, type ExamPaper } from "../../src/lib/exam/paper.ts";
import { signPaper } from "../../src/lib/exam/proof.ts";
import { deriveSiteKeys } from "../../src/lib/exam/seal.ts";
import { readSheet } from "../../src/lib/exam/sheet.ts";
import type { Response } from "../../src/lib/quiz/response.ts";
import { catalog } from "../unit/exam/helpers.ts";
import { distDir } from "./support/dist.ts";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { useSiteAndBrowser } from "./support/session.ts";

const env = useSiteAndBrowser();
const CODE = "K7M2-QX9D";
const dir = mkdtempSync(join(tmpdir(), "exam-browser-"));
let paper: ExamPaper;
let paperFile: string;
let tamperedFile: string;

beforeAll(async () => {
  const id = "pre-job-exam-browser";
  const sites = [{ id: "1", check: (await deriveSiteKeys(CODE.replace("-", ""), id, "1")).check }];
  paper = buildPaper({ id, level: "pre-job", exam: "pre-job-exam", seed: "browser-1", created: "2026-12-02T08:00:00Z", timeLimit: 40, passMark: 80, sites }, catalog);
  const signed = await signPaper(paper, await generateKeyPair("test-issuer"));
  paperFile = join(dir, `paper-${id}.json`);
  writeFileSync(paperFile, JSON.stringify(signed));
  tamperedFile = join(dir, "tampered.json");
  writeFileSync(tamperedFile, JSON.stringify({ ...signed, timeLimit: 400 }));
});

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

/** Answer the item on screen by clicking, like a candidate. */
async function answer(page: Page, index: number, response: Response) {
  const item = paper.items[index]!;
  const id = item.id;
  await page.locator("#exam-heading").filter({ hasText: `第 ${index + 1} 题` }).waitFor();
  switch (item.type) {
    case "single":
    case "case-judgement":
    case "true-false":
      await page.locator(`input[name="q-${id}"][value="${String(response)}"]`).check();
      break;
    case "multiple":
      for (const letter of response as string[]) await page.locator(`input[name="q-${id}"][value="${letter}"]`).check();
      break;
    case "ordering": {
      // Move each step up until it stands in its place.
      const target = response as string[];
      for (let i = 0; i < target.length; i++) {
        for (;;) {
          const shown = await page.locator(".quiz-step .quiz-step__text").evaluateAll((els) => els.map((e) => e.id));
          const at = shown.indexOf(`q-${id}-${target[i]}-text`);
          if (at <= i) break;
          await page.locator(`#q-${id}-${target[i]}-up`).click();
        }
      }
      break;
    }
    case "matching":
      for (const [prompt, letter] of Object.entries(response as Record<string, string>)) await page.locator(`#q-${id}-${prompt}`).selectOption(letter);
      break;
  }
}

async function enterCode(page: Page, code: string) {
  await page.locator("#exam-code").fill(code);
  await page.getByRole("button", { name: "确定" }).click();
}

describe("/exam/", () => {
  test("a full exam with a reload in the middle ends in a sheet that grading accepts", async () => {
    const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.site.url}exam/`, { waitUntil: "networkidle" });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A paper changed after signing is refused, and says so.
    await page.locator("#exam-paper").setInputFiles(tamperedFile);
    await expect(page.getByRole("alert").textContent()).resolves.toContain("签名不成立");
    await page.locator("#exam-paper").setInputFiles(paperFile);
    await page.locator("#exam-code").waitFor();
    // Signed by a test key that no issuer of the site lists: the proctor is warned.
    await expect(page.locator(".exam-unlisted").textContent()).resolves.toContain("不在本网站的发证机构名单中");

    // A wrong code: refused without naming a character.
    await enterCode(page, "K7M2-QX9E");
    await expect(page.getByRole("alert").textContent()).resolves.toBe("考场口令不对，请监考老师核对后重新输入。");
    await enterCode(page, CODE.toLowerCase());
    await page.locator("#exam-ticket").fill("QX-2026-0042");
    await page.locator("#exam-name").fill("张小明");
    await page.getByRole("button", { name: "开始考试" }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const right = rightAnswers();
    const half = Math.ceil(paper.items.length / 2);
    for (let i = 0; i < half; i++) {
      await answer(page, i, right[paper.items[i]!.id]!);
      await page.getByRole("button", { name: "下一题" }).click();
    }
    const before = await page.getByRole("timer").textContent();

    // Reload: the paper is still there, the code is asked again, then the answers and the clock return.
    await page.reload({ waitUntil: "networkidle" });
    await expect(page.locator(".box").filter({ hasText: "未交的答卷" }).textContent()).resolves.toContain("QX-2026-0042");
    await enterCode(page, CODE);
    await page.locator("#exam-heading").filter({ hasText: `第 ${half + 1} 题` }).waitFor();
    const after = await page.getByRole("timer").textContent();
    expect(after! <= before!).toBe(true);
    await page.getByRole("button", { name: "上一题" }).click();
    const prev = paper.items[half - 1]!;
    if (prev.type === "single" || prev.type === "true-false" || prev.type === "case-judgement") {
      await expect(page.locator(`input[name="q-${prev.id}"][value="${String(right[prev.id])}"]`).isChecked()).resolves.toBe(true);
    }
    await page.getByRole("button", { name: "下一题" }).click();

    for (let i = half; i < paper.items.length; i++) {
      await answer(page, i, right[paper.items[i]!.id]!);
      if (i < paper.items.length - 1) await page.getByRole("button", { name: "下一题" }).click();
    }
    await page.getByRole("button", { name: "交卷" }).click();
    await expect(page.locator("#exam-heading").textContent()).resolves.toBe("确认交卷");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "交卷" }).click();
    const saved = await (await download).path();
    await page.locator("#exam-save").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const sheet = readSheet(readFileSync(saved!, "utf8"));
    expect(sheet.ok).toBe(true);
    if (!sheet.ok) return;
    const known = knowPaper(paper, { format: "ma-exam-codes", version: 1, paper: paper.id, sites: [{ site: "1", code: CODE }] }, catalog);
    if (!known.ok) throw new Error(known.problem.code);
    const graded = await gradeSheet(sheet.value, new Map([[paper.id, known.value]]), catalog, new Set(), "2026-12-02T10:00:00Z");
    expect(graded.ok && graded.result).toMatchObject({ ticket: "QX-2026-0042", name: "张小明", passed: true });
    expect(graded.ok && graded.result.score).toBe(graded.ok && graded.result.max);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("the time limit", () => {
  test("holds across a reload: time that ran out meanwhile hands the sheet in as soon as the code is typed", async () => {
    const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.clock.install({ time: new Date("2026-12-02T09:00:00Z") });
    await page.goto(`${env.site.url}exam/`, { waitUntil: "networkidle" });
    await page.locator("#exam-paper").setInputFiles(paperFile);
    await enterCode(page, CODE);
    await page.locator("#exam-ticket").fill("QX-9");
    await page.locator("#exam-name").fill("李四");
    await page.getByRole("button", { name: "开始考试" }).click();
    await answer(page, 0, rightAnswers()[paper.items[0]!.id]!);

    await page.reload({ waitUntil: "networkidle" });
    await page.clock.fastForward("41:00");
    const download = page.waitForEvent("download");
    await enterCode(page, CODE);
    const saved = await (await download).path();
    await expect(page.locator("#exam-heading").textContent()).resolves.toBe("已交卷");
    const sheet = readSheet(readFileSync(saved!, "utf8"));
    if (!sheet.ok) throw new Error(sheet.problem.code);
    expect(Date.parse(sheet.value.submitted) - Date.parse(sheet.value.started)).toBeGreaterThanOrEqual(40 * 60_000);
    expect(Object.keys(sheet.value.responses)).toEqual([paper.items[0]!.id]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("the private bank never reaches the site", () => {
  test("no stem, option, explanation or feedback of the fixture bank is in dist/", () => {
    const secrets = [...catalog.items.values()].flatMap(({ item }) => [
      item.stem,
      item.explanation,
      ...(item.type === "case-judgement" ? [item.situation] : []),
      ...("options" in item ? item.options.flatMap((o) => [o.text, ...(o.feedback ? [o.feedback] : [])]) : []),
      ...(item.type === "matching" ? item.prompts.map((p) => p.text) : []),
    ]).filter((text) => text.length >= 8);
    const files: string[] = [];
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(html|m?js|json|css|txt|xml|webmanifest|csv)$/.test(name)) files.push(path);
      }
    };
    walk(distDir());
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((path) => {
      const text = readFileSync(path, "utf8");
      return secrets.filter((s) => text.includes(s)).map((s) => `${path}: ${s}`);
    });
    expect(found).toEqual([]);
  });
});
