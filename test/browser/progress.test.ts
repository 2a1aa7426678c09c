/**
 * 我的学习 end to end: create a learner, study a lesson, see it in the progress; two
 * learners on one browser; export then import on a fresh browser profile; a corrupt
 * import is refused and leaves the data untouched.
 */
import { afterAll, describe, expect, test } from "vitest";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { lessonPaths } from "./support/pages.ts";
import { createLearnerOnMe } from "./support/learner.ts";
import { useSiteAndBrowser } from "./support/session.ts";

const work = mkdtempSync(join(tmpdir(), "mediator-progress-"));

const env = useSiteAndBrowser();
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function studyLesson(page: Page, path: string) {
  await page.goto(env.site.url + path, { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "这一课学完了" }).click();
  await page.getByText("已学完").waitFor();
}

async function newContext(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

describe("我的学习", () => {
  test("a new learner studies a lesson and sees it counted, with no console error and no axe violation", async () => {
    const { context, page, errors } = await newContext();
    await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await createLearnerOnMe(page, "张秀兰");
    const [first] = lessonPaths();
    await studyLesson(page, first!);
    await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await page.getByText(/已学完 1 \/ \d+ 课/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("two tabs recording at the same moment both keep their records", async () => {
    const { context, page } = await newContext();
    await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await createLearnerOnMe(page, "郑小红");
    const [a, b] = lessonPaths().slice(4, 6);
    const tabA = page;
    const tabB = await context.newPage();
    await Promise.all([tabA.goto(env.site.url + a!, { waitUntil: "networkidle" }), tabB.goto(env.site.url + b!, { waitUntil: "networkidle" })]);
    await Promise.all([
      tabA.getByRole("button", { name: "这一课学完了" }).click(),
      tabB.getByRole("button", { name: "这一课学完了" }).click(),
    ]);
    await Promise.all([tabA.getByText("已学完").waitFor(), tabB.getByText("已学完").waitFor()]);
    await tabB.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await tabB.getByText(/已学完 2 \/ \d+ 课/).waitFor();
    await context.close();
  });

  test("two learners on one browser keep separate records", async () => {
    const { context, page } = await newContext();
    await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await createLearnerOnMe(page, "王建国");
    await studyLesson(page, lessonPaths()[0]!);
    await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await createLearnerOnMe(page, "李梅");
    await page.getByText(/已学完 0 \/ \d+ 课/).waitFor();
    await page.getByRole("button", { name: "切换到王建国" }).click();
    await page.getByText(/已学完 1 \/ \d+ 课/).waitFor();
    await context.close();
  });

  test("export on one browser, import on a fresh one; a corrupt file is refused and changes nothing", async () => {
    const a = await newContext();
    await a.page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await createLearnerOnMe(a.page, "赵德明");
    await studyLesson(a.page, lessonPaths()[1]!);
    await a.page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    const [download] = await Promise.all([a.page.waitForEvent("download"), a.page.getByRole("button", { name: "导出学习记录" }).first().click()]);
    const file = join(work, download.suggestedFilename());
    await download.saveAs(file);
    await a.context.close();

    const b = await newContext();
    await b.page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await createLearnerOnMe(b.page, "本机学员");
    // A tampered copy: refused with a reason, and the existing learner is untouched.
    const tampered = join(work, "tampered.json");
    writeFileSync(tampered, readFileSync(file, "utf8").replace("赵德明", "赵得明"));
    await b.page.locator('input[type="file"]').setInputFiles(tampered);
    await b.page.getByText(/没有导入/).waitFor();
    expect(await b.page.locator(".me-learner").count()).toBe(1);
    // The real file imports, as a second learner with the studied lesson.
    await b.page.locator('input[type="file"]').setInputFiles(file);
    await b.page.getByText(/已导入赵德明的学习记录/).waitFor();
    await b.page.getByRole("button", { name: "切换到赵德明" }).click();
    await b.page.getByText(/已学完 1 \/ \d+ 课/).waitFor();
    await b.context.close();
  });

  test("removing a learner asks first and offers an export", async () => {
    const { context, page } = await newContext();
    await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await createLearnerOnMe(page, "孙立");
    await page.getByRole("button", { name: "删除档案" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.getByRole("button", { name: "导出学习记录" }).isVisible()).resolves.toBe(true);
    await dialog.getByRole("button", { name: "取消" }).click();
    expect(await page.locator(".me-learner").count()).toBe(1);
    await page.getByRole("button", { name: "删除档案" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "确认删除" }).click();
    await page.getByText("这台设备上还没有学员档案").waitFor();
    await context.close();
  });
});

describe("moving a record by QR code", () => {
  test("the QR link opens the import page on another browser, which imports after confirmation", async () => {
    const a = await newContext();
    await a.page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await createLearnerOnMe(a.page, "周海燕", "河口镇", "新村");
    await studyLesson(a.page, lessonPaths()[2]!);
    await a.page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await a.page.getByRole("button", { name: "用二维码传到手机" }).click();
    const qr = a.page.getByRole("img", { name: /周海燕学习记录的二维码/ });
    await qr.waitFor();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    const link = await a.page.locator(".me-qr__link").getAttribute("href");
    expect(link).toMatch(/me\/import\/#r1\./);
    await a.context.close();

    // Another browser (the phone) opens the link: preview, confirm, and the record is there.
    const b = await newContext();
    await b.page.goto(link!, { waitUntil: "networkidle" });
    await b.page.getByText(/周海燕（河口镇 新村）的学习记录/).waitFor();
    await b.page.getByRole("button", { name: "导入到本设备" }).click();
    await b.page.getByText(/导入完成/).waitFor();
    expect(b.page.url()).not.toContain("#");
    await b.page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await b.page.getByText(/已学完 1 \/ \d+ 课/).waitFor();
    await b.context.close();
  });

  test("a broken link is refused and imports nothing", async () => {
    const b = await newContext();
    await b.page.goto(env.site.url + "me/import/#r1.not-a-real-record", { waitUntil: "networkidle" });
    await b.page.getByText(/没有导入/).waitFor();
    expect(await b.page.getByRole("button", { name: "导入到本设备" }).count()).toBe(0);
    await b.page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await b.page.getByText("这台设备上还没有学员档案").waitFor();
    await b.context.close();
  });
});
