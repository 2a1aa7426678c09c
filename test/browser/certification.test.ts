/**
 * Readiness on 我的学习: a new learner sees what each level still needs; after importing
 * a record that meets the pre-job level (a prepared export, as a learner brings one from
 * another device), the page offers the application file, and that file reads back as an
 * application with every self-study requirement met. /certification/ joins the generic
 * page checks through support/pages.ts.
 */
import { afterAll, describe, expect, test } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readApplication } from "../../src/lib/certification/application.ts";
import { exportText } from "../../src/lib/progress/export.ts";
import { LEARNER_NAME, preJobReadyRecord } from "../fixtures/certification/records.ts";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { createLearnerOnMe } from "./support/learner.ts";
import { useSiteAndBrowser } from "./support/session.ts";

const work = mkdtempSync(join(tmpdir(), "mediator-certification-"));
const env = useSiteAndBrowser();
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("certification readiness on 我的学习", () => {
  test("a new learner sees what is missing; a complete record is offered the application", async () => {
    const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await page.getByText("选择或新建学员后，这里会列出取得证书还差哪些要求。").waitFor();
    await createLearnerOnMe(page, "新学员");

    const preJob = page.locator('.cert-readiness__level[data-level="pre-job"]');
    await preJob.getByText(/自学要求已完成 0 \/ \d+ 项/).waitFor();
    expect(await preJob.getAttribute("data-ready")).toBe("false");
    await preJob.getByText(/《人民调解基础》还差 6 课：/).waitFor();
    await preJob.getByRole("link", { name: "人民调解基础 · 结课测试还没有做，需 80 分" }).waitFor();
    expect(await preJob.getByRole("link", { name: /人民调解基础 · 结课测试/ }).getAttribute("href")).toMatch(/\/quizzes\/basics-final\/$/);
    await preJob.getByText(/还差 10 小时/).waitFor();
    expect(await page.getByRole("button", { name: "下载申请材料" }).count()).toBe(0);
    const annual = page.locator('.cert-readiness__level[data-level="annual-review"]');
    await annual.getByText(/须已取得人民调解员岗前培训合格/).waitFor();

    // A prepared export meeting the pre-job level, imported through the page.
    const file = join(work, "ready.json");
    writeFileSync(file, await exportText(preJobReadyRecord()));
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText(new RegExp(`已导入${LEARNER_NAME}的学习记录`)).waitFor();
    await page.getByRole("button", { name: `切换到${LEARNER_NAME}` }).click();

    await preJob.and(page.locator('[data-ready="true"]')).waitFor();
    await preJob.getByText("自学要求都已达到，可以申请参加统一考试。").waitFor();
    await preJob.getByText(/带上|交给培训老师/).waitFor();
    expect(await preJob.locator('[data-state="missing"]').count()).toBe(0);
    // The annual review needs more hours and the pre-job certificate: not offered.
    expect(await annual.getAttribute("data-ready")).toBe("false");
    expect(await annual.getByRole("button", { name: "下载申请材料" }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent("download"), preJob.getByRole("button", { name: "下载申请材料" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^调解员学堂-申请材料-人民调解员岗前培训合格-赵德明-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = join(work, "application.json");
    await download.saveAs(saved);
    await preJob.getByText(/已生成申请材料/).waitFor();
    const read = await readApplication(readFileSync(saved, "utf8"));
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.record.learner.name).toBe(LEARNER_NAME);
      expect(read.application).toMatchObject({ level: { id: "pre-job", exam: { id: "pre-job-exam", passMark: 80 } }, selfStudyMet: true });
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test("the application file imports back into 我的学习 on another device", async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await createLearnerOnMe(page, "本机学员");
    await page.locator('input[type="file"]').setInputFiles(join(work, "application.json"));
    await page.getByText(new RegExp(`已导入${LEARNER_NAME}的学习记录`)).waitFor();
    await context.close();
  });
});
