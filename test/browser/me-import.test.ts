/**
 * 我的学习 at 375 px with 大字: every import path says what happened next to the file
 * control (in a live region, inside the viewport), refusals change nothing and throw no
 * uncaught error, user text is shown as text, an old tab asks for a reload, a quiz that
 * sends a learner here gets them back, and the QR preview counts what the result counts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { canonicalJson } from "../../src/lib/progress/canonical.ts";
import { EXPORT_FORMAT, exportText, MAX_IMPORT_BYTES, sha256Hex } from "../../src/lib/progress/export.ts";
import { MAX_JSON_DEPTH } from "../../src/lib/progress/json-shape.ts";
import type { ProgressRecord } from "../../src/lib/progress/schema.ts";
import { sampleRecord } from "../unit/progress/sample.ts";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { createLearnerOnMe } from "./support/learner.ts";
import { useSiteAndBrowser } from "./support/session.ts";
import { TEXT_SIZE_KEY } from "../../src/lib/settings/text-size.ts";

const env = useSiteAndBrowser();
const work = mkdtempSync(join(tmpdir(), "mediator-me-import-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const NOW = new Date("2025-03-06T10:00:00.000Z");

/** A fresh phone: 375 px wide, 大字 on. */
async function phone() {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 375, height: 740 } });
  await context.addInitScript(([key]) => localStorage.setItem(key, "large"), [TEXT_SIZE_KEY]);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.site.url}me/`, { waitUntil: "networkidle" });
  return { context, page, errors };
}

let fileCount = 0;
function file(content: string | Uint8Array): string {
  const path = join(work, `record-${++fileCount}.json`);
  writeFileSync(path, content);
  return path;
}

async function signed(content: Record<string, unknown>): Promise<string> {
  return JSON.stringify({ ...content, checksum: { algorithm: "SHA-256", value: await sha256Hex(canonicalJson(content)) } });
}

/** Choose a file in the import control and wait for its result; returns the status element's text. */
async function importFile(page: Page, path: string): Promise<string> {
  const status = page.locator("#me-import-status");
  const before = await status.textContent();
  const input = page.getByLabel("选择学习记录文件（.json）");
  // Where a learner taps it: the control is on screen when the file is chosen.
  await input.scrollIntoViewIfNeeded();
  await input.setInputFiles(path);
  await page.waitForFunction(
    (previous) => {
      const text = document.querySelector("#me-import-status")?.textContent ?? "";
      return text !== "" && text !== previous && !text.includes("正在读取");
    },
    before,
  );
  return (await status.textContent()) ?? "";
}

/** The import result is in a live region, in the viewport, right below the file control. */
async function expectNextToControl(page: Page) {
  const status = page.locator("#me-import-status");
  expect(await status.getAttribute("role")).toBe("status");
  // The page scrolls smoothly (global.css): wait for the scroll to the result to end.
  await expect
    .poll(async () => {
      const box = await status.boundingBox();
      return box ? box.y >= 0 && box.y + Math.min(box.height, 40) <= 740 : false;
    }, { timeout: 5_000 })
    .toBe(true);
  const input = await page.getByLabel("选择学习记录文件（.json）").boundingBox();
  const box = await status.boundingBox();
  expect(input && box).toBeTruthy();
  expect(box!.y - (input!.y + input!.height)).toBeLessThan(60);
}

const learnerNames = (page: Page) => page.locator(".me-learner strong").allTextContents();

describe("我的学习: import results where the learner is looking", () => {
  test("a new device: no storage warning and no learner yet; importing shows counts by kind next to the control, closes the empty form, and a second import says nothing is new", async () => {
    const { context, page, errors } = await phone();
    expect(await page.locator(".me-warning").count()).toBe(0);
    expect(await page.locator("form.me-form").isVisible()).toBe(true);
    const record = sampleRecord();
    const path = file(await exportText(record, NOW));
    expect(await importFile(page, path)).toBe("已导入张秀兰的学习记录（新建档案）：2 条学习记录、1 次测验、1 次情景模拟。");
    await expectNextToControl(page);
    expect(await page.locator("form.me-form").count()).toBe(0);
    await page.getByRole("heading", { name: /学习进度 · 张秀兰/ }).waitFor();
    // Once something exists that could be lost, the warning applies (when storage is not persistent).
    const persisted = await page.evaluate(() => navigator.storage?.persisted?.() ?? false);
    expect(await page.locator(".me-warning").count()).toBe(persisted ? 0 : 1);

    expect(await importFile(page, path)).toBe("这个文件里没有新的内容：张秀兰的这些学习记录，这台设备上都已经有了。");
    await expectNextToControl(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("every refusal is worded next to the control and changes nothing: deep nesting, reserved keys, GB18030, oversize, tampering", async () => {
    const { context, page, errors } = await phone();
    await createLearnerOnMe(page, "本机学员");
    const newcomer = sampleRecord();
    const deep = await exportText(newcomer, NOW);
    const reserved: ProgressRecord = sampleRecord();
    reserved.runs[0].log = [JSON.parse('{"choice": "x", "__proto__": {"polluted": true}}')];
    const gb18030 = readFileSync(new URL("../fixtures/progress/export-gb18030.json", import.meta.url));
    const cases: [string, string | Uint8Array, RegExp][] = [
      ["nested 6,000 levels", deep.replace('"log": [', `"log": [${"[".repeat(6000)}${"]".repeat(6000)},`), new RegExp(`嵌套层数过多.*最多 ${MAX_JSON_DEPTH} 层`)],
      ["__proto__ in a log", await signed({ format: EXPORT_FORMAT, version: 2, exported: NOW.toISOString(), record: reserved }), /__proto__.*不能原样保存/],
      ["saved as GB18030", gb18030, /文字编码不对.*UTF-8/],
      ["over the size limit", new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20), /文件太大/],
      ["edited after export", deep.replace("张秀兰", "张秀英"), /校验码/],
    ];
    for (const [what, content, message] of cases) {
      const text = await importFile(page, file(content));
      expect(text, what).toMatch(/^没有导入：/);
      expect(text, what).toMatch(message);
      await expectNextToControl(page);
      expect(await learnerNames(page), what).toEqual(["本机学员"]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test("conflicting copies of an entry are counted and reported", async () => {
    const { context, page } = await phone();
    await importFile(page, file(await exportText(sampleRecord(), NOW)));
    const other = sampleRecord();
    other.attempts[0] = { ...other.attempts[0], score: 1, passed: false };
    const text = await importFile(page, file(await exportText(other, NOW)));
    expect(text).toContain("其中 1 条记录在两台设备上内容不同");
    await context.close();
  });

  test("scores show at most one decimal, as on the quiz page", async () => {
    const { context, page } = await phone();
    const record = sampleRecord();
    record.attempts[0] = { ...record.attempts[0], score: 3.416666666, max: 5 };
    await importFile(page, file(await exportText(record, NOW)));
    const quizzes = page.locator("section", { has: page.getByRole("heading", { name: /学习进度/ }) });
    await quizzes.getByText(/最好成绩 3\.4 \/ 5/).waitFor();
    expect(await quizzes.textContent()).not.toContain("3.4166");
    await context.close();
  });

  test("export says it was saved, next to the button", async () => {
    const { context, page } = await phone();
    await createLearnerOnMe(page, "赵德明");
    const button = page.getByRole("button", { name: "导出学习记录" });
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    const status = page.locator("#me-export-status");
    await status.getByText(/已导出赵德明的学习记录：文件“调解员学堂-学习记录-赵德明-.*\.json”/).waitFor();
    expect(await status.getAttribute("role")).toBe("status");
    const [b, s] = [await button.boundingBox(), await status.boundingBox()];
    expect(s!.y - (b!.y + b!.height)).toBeLessThan(120);
    expect(download.suggestedFilename()).toMatch(/赵德明/);
    await context.close();
  });
});

describe("user text is shown as text", () => {
  const payload = "<img src=x onerror=window.__xss=1>";

  test("as a typed learner name and as a name inside an imported file", async () => {
    const { context, page, errors } = await phone();
    await createLearnerOnMe(page, payload);
    const imported = sampleRecord();
    imported.learner = { ...imported.learner, id: "xss-learner-0001", name: "<b>粗</b><img src=y onerror=window.__xss=2>".slice(0, 40) };
    await importFile(page, file(await exportText(imported, NOW)));
    expect((await learnerNames(page)).sort()).toEqual([payload, imported.learner.name].sort());
    expect(await page.locator("learner-panel img").count()).toBe(0);
    expect(await page.locator("learner-panel b").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("an old tab after an update", () => {
  test("IndexedDB VersionError: says 网站已更新，请刷新 instead of keeping records in memory", async () => {
    const { context, page } = await phone();
    await createLearnerOnMe(page, "钱多多");
    // A newer version of the site upgraded the database in another tab.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open("mediator-academy-progress", 99);
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    // The page's own connection is told to close and reloads the page (progress-client.ts).
    const alert = page.getByRole("alert").filter({ hasText: "网站已更新，请刷新" });
    await alert.waitFor();
    await alert.getByRole("button", { name: "刷新" }).waitFor();
    expect(await page.getByText("关闭页面后学习记录会丢失").count()).toBe(0);
    await context.close();
  });
});

describe("a quiz that sends a learner to 我的学习 brings them back", () => {
  test("create a profile, land on the quiz again; a foreign back link is ignored", async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    const quizPath = `${new URL(env.site.url).pathname}quizzes/basics-final/`;
    await page.goto(`${env.site.url}quizzes/basics-final/`, { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "去“我的学习”" }).click();
    await page.waitForURL(/\/me\/\?back=/);
    await page.getByText("会自动回到刚才的页面").waitFor();
    await page.getByLabel("姓名").fill("孙立");
    await page.getByRole("button", { name: "保存" }).click();
    await page.waitForURL((url) => url.pathname === quizPath);
    expect(await page.getByRole("link", { name: "去“我的学习”" }).count()).toBe(0);

    await page.goto(`${env.site.url}me/?back=${encodeURIComponent("//evil.example/")}`, { waitUntil: "networkidle" });
    expect(await page.getByText("回到刚才的页面").count()).toBe(0);
    await context.close();
  });
});

describe("QR code", () => {
  test("the hint sits above the code, and the preview counts what the import result counts", async () => {
    const a = await phone();
    await importFile(a.page, file(await exportText(sampleRecord(), NOW)));
    await a.page.getByRole("button", { name: "用二维码传到手机" }).click();
    const img = a.page.getByRole("img", { name: /张秀兰学习记录的二维码/ });
    await img.waitFor();
    const hint = a.page.getByText("用手机相机扫描下面的二维码");
    expect((await hint.boundingBox())!.y).toBeLessThan((await img.boundingBox())!.y);
    const link = await a.page.locator(".me-qr__link").getAttribute("href");
    await a.context.close();

    const b = await phone();
    await b.page.goto(link!, { waitUntil: "networkidle" });
    const preview = b.page.getByText(/的学习记录：\d+ 条学习记录、\d+ 次测验、\d+ 次情景模拟/);
    const counts = (await preview.textContent())!.match(/\d+ 条学习记录、\d+ 次测验、\d+ 次情景模拟/)![0];
    expect(counts).toBe("2 条学习记录、1 次测验、1 次情景模拟");
    await b.page.getByRole("button", { name: "导入到本设备" }).click();
    await b.page.getByText(/导入完成/).waitFor();
    expect(await b.page.getByRole("status").filter({ hasText: "导入完成" }).textContent()).toContain(counts);
    await b.context.close();
  });
});
