/**
 * /authoring/preview/ as a trainer uses it, on a 375 px phone: a broken scenario file shows
 * each problem at its line (the same issues the content check reports), a problem highlights
 * its line; the fixed file is played with the real player, law links included, and nothing
 * is saved; the same for a broken question bank, whose fixed quiz is then taken. Axe is
 * clean with and without problems listed.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { contentDir } from "../../src/lib/content/content-dir.ts";
import { readContentSet } from "../../src/lib/content/files.ts";
import { checkFile } from "../../src/lib/preview/check-file.ts";
import { knownFromContentSet } from "../../src/lib/quiz/check.ts";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { useSiteAndBrowser } from "./support/session.ts";

const env = useSiteAndBrowser();
const known = knownFromContentSet(readContentSet({ root: process.cwd(), content: contentDir(process.cwd()) }).set);
const scenario = readFileSync("test/fixtures/scenarios/minimal.yaml", "utf8");
const brokenScenario = scenario.replace("law: [rmtjf-17]", "law: [rmtjf-999]").replace("start: opening", "start: nowhere");
const bank = readFileSync("test/fixtures/preview/preview-bank.yaml", "utf8");
const brokenBank = bank.replace("    answer: a\n", "    answer: c\n");
let page: Page;
let errors: string[];

async function give(name: string, text: string) {
  await page.locator("#preview-file").setInputFiles({ name, mimeType: "application/yaml", buffer: Buffer.from(text) });
}

const status = () => page.locator(".preview-status").textContent();
const savedKeys = () => page.evaluate(() => Object.keys(localStorage).sort());

beforeAll(async () => {
  const context = await env.browser.newContext({ viewport: { width: 375, height: 740 }, reducedMotion: "reduce" });
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(`${env.site.url}authoring/preview/`, { waitUntil: "networkidle" });
  await page.locator("content-preview .file-drop").waitFor();
}, 60_000);

afterAll(() => page?.context().close());

describe("the file preview", () => {
  test("loads no checker before a file is given, says nothing is uploaded and passes axe", async () => {
    const scripts = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    expect(scripts.filter((u) => /known\.json|law\.json/.test(u))).toEqual([]);
    await expect(page.locator("main").textContent()).resolves.toContain("不会上传");
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test("takes a file dropped on the picker, marking the zone while a file is dragged over it", async () => {
    const zone = page.locator("content-preview .file-drop");
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "dropped.yaml", { type: "application/yaml" }));
      return transfer;
    }, brokenScenario);
    await zone.dispatchEvent("dragover", { dataTransfer });
    await expect(zone.getAttribute("class")).resolves.toContain("is-dragging");
    await zone.dispatchEvent("drop", { dataTransfer });
    await expect.poll(status).toContain("dropped.yaml");
    await expect.poll(status).toContain(`发现 ${checkFile(brokenScenario, "dropped.yaml", known).issues.length} 个问题`);
    await expect(zone.getAttribute("class")).resolves.not.toContain("is-dragging");
  });

  test("lists a broken scenario's problems at their lines, as npm run check does, and highlights a problem's line", async () => {
    await give("minimal.yaml", brokenScenario);
    const expected = checkFile(brokenScenario, "minimal.yaml", known).issues;
    expect(expected.length).toBeGreaterThanOrEqual(2);
    await expect.poll(status).toContain(`发现 ${expected.length} 个问题`);
    const shown = await page.locator(".preview-problem").allTextContents();
    expect(shown).toHaveLength(expected.length);
    for (const [i, issue] of expected.entries()) {
      expect(shown[i]).toContain(`第 ${issue.line} 行第 ${issue.column} 列`);
      expect(shown[i]).toContain(issue.message);
    }
    // Every problem line is marked in the text.
    for (const issue of expected) await expect(page.locator(`#preview-line-${issue.line}`).getAttribute("class")).resolves.toContain("has-problem");
    // By keyboard: the start problem's button, Enter, and its line is the current one and announced.
    const start = expected.findIndex((i) => i.field === "start");
    await page.locator(".preview-problem").nth(start).focus();
    await page.keyboard.press("Enter");
    const line = page.locator(`#preview-line-${expected[start]!.line}`);
    await expect.poll(() => line.getAttribute("aria-current")).toBe("true");
    await expect(line.textContent()).resolves.toContain("start: nowhere");
    await expect.poll(status).toContain(`第 ${expected[start]!.line} 行：start: nowhere`);
    await expect(page.locator(".preview-source .is-current").count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "试玩这个情景" }).count()).resolves.toBe(0);
    // The schema passed, so the graph is drawn, its nodes all there.
    await expect(page.locator(".preview-graph svg [data-node]").count()).resolves.toBe(5);
    // Drawn with the light layout: elkjs's chunk (~450 KB gzip) is never fetched.
    const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    expect(fetched.some((u) => /check-file\.[\w-]+\.js$/.test(u))).toBe(true);
    expect(fetched.filter((u) => /\/layout\.[\w-]+\.js$/.test(u))).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test("plays the fixed scenario with the real player, law links working, saving nothing", async () => {
    const before = await savedKeys();
    await give("minimal.yaml", scenario);
    await expect.poll(status).toContain("没有发现问题");
    await expect(page.locator(".preview-problem").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "试玩这个情景" }).click();
    await page.locator("case-simulation .sim").waitFor();
    await page.getByRole("button", { name: "分别问两人是否愿意接受调解", exact: true }).click();
    const law = page.locator('case-simulation a[href*="law/rmtjf/17/"]').first();
    await law.waitFor();
    await page.getByRole("button", { name: "请两人分别说明情况，再引导他们商量", exact: true }).click();
    await page.locator("#sim-debrief-heading").waitFor();
    await expect(page.locator("#sim-debrief-heading").textContent()).resolves.toContain("车还回来了");
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await savedKeys()).toEqual(before);
    // The law link leads to the provision's page on this site.
    const href = new URL((await law.getAttribute("href"))!, page.url());
    expect((await page.context().request.get(href.toString())).status()).toBe(200);
  });

  test("says so when a file is neither a scenario nor a bank", async () => {
    await give("notes.yaml", "title: 会议记录\ndate: 2026-12-01\n");
    await expect.poll(status).toContain("既不像情景模拟");
    await expect(page.locator("case-simulation").count()).resolves.toBe(0);
  });

  test("lists a broken bank's problem at its line, then takes the fixed quiz with the real runner, recording nothing", async () => {
    await give("preview-bank.yaml", brokenBank);
    const [issue] = checkFile(brokenBank, "preview-bank.yaml", known).issues;
    await expect.poll(status).toContain("题库");
    await expect.poll(status).toContain("发现 1 个问题");
    await expect(page.locator(".preview-problem").textContent()).resolves.toContain(`第 ${issue!.line} 行第 ${issue!.column} 列`);
    await page.locator(".preview-problem").click();
    await expect.poll(() => page.locator(`#preview-line-${issue!.line}`).getAttribute("aria-current")).toBe("true");
    await expect(page.locator(`#preview-line-${issue!.line}`).textContent()).resolves.toContain("answer: c");

    const before = await savedKeys();
    await give("preview-bank.yaml", bank);
    await expect.poll(status).toContain("没有发现问题");
    await page.getByRole("button", { name: "试做这个测验" }).click();
    await page.getByRole("heading", { name: "这是预览：成绩只在本页显示，不记入任何人的学习记录。" }).waitFor();
    await page.getByRole("button", { name: "开始作答" }).click();
    for (let i = 0; i < 2; i++) {
      await page.locator("quiz-runner input[type=radio]").first().check();
      if (i === 0) await page.getByRole("button", { name: "下一题" }).click();
    }
    await page.getByRole("button", { name: "交卷", exact: true }).click();
    await page.getByRole("button", { name: "确认交卷" }).click();
    await page.locator("#quiz-result-heading").waitFor();
    await page.locator('quiz-runner a[href*="law/rmtjf/"]').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await savedKeys()).toEqual(before);
    expect(errors).toEqual([]);
  });
});
