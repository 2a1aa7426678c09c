/**
 * Offline and updates: after one visit the service worker has precached the site, so other
 * pages open with no network; a new deployment waits for the learner's "更新".
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lessonPaths, pageTypes } from "./support/pages.ts";
import { distDir } from "./support/dist.ts";
import { createLearnerOnMe } from "./support/learner.ts";
import { useSiteAndBrowser } from "./support/session.ts";

// A private copy of the site, so the test can "deploy" a new version into it.
const copy = mkdtempSync(join(tmpdir(), "mediator-offline-"));

beforeAll(() => cpSync(distDir(), copy, { recursive: true })); // before the helper's beforeAll serves it
const env = useSiteAndBrowser(copy);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe("the service worker", () => {
  test("after one visit, lessons, the law library and a quiz (even with ?seed=) open with no network", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(env.site.url, { waitUntil: "networkidle" });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    const [first, second] = lessonPaths().slice(-2);
    for (const path of [first, second, "law/", "courses/", `${pageTypes().quiz}?seed=offline-1`]) {
      await page.goto(env.site.url + path);
      expect(await page.locator("h1").first().textContent()).toMatch(/\S/);
    }
    // The page still works: its scripts came from the cache too.
    await page.goto(env.site.url + second);
    await page.locator("inline-reference button").first().click();
    await expect(page.locator("inline-reference button").first().getAttribute("aria-expanded")).resolves.toBe("true");
    await context.close();
  });

  test("offline, a learner opens another lesson and finishes a quiz; back online, the record is there", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await createLearnerOnMe(page, "吴春梅");
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await context.setOffline(true);
    const lesson = lessonPaths()[3]!;
    await page.goto(env.site.url + lesson);
    await page.getByRole("button", { name: "这一课学完了" }).click();
    await page.getByText("已学完").waitFor();
    await page.getByRole("link", { name: /做本课小测/ }).click();
    await page.getByRole("button", { name: "开始作答" }).click();
    await page.getByRole("button", { name: "交卷", exact: true }).click();
    await page.getByRole("button", { name: "确认交卷" }).click();
    await page.getByText("成绩已保存到吴春梅的学习记录").waitFor();

    await context.setOffline(false);
    await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await page.getByText(/已学完 1 \/ \d+ 课/).waitFor();
    await page.getByText(/最好成绩 0 \/ \d+，共 1 次/).waitFor();
    await context.close();
  });

  test("a new deployment is offered with a visible prompt and applied only when accepted", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(env.site.url, { waitUntil: "networkidle" });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload({ waitUntil: "networkidle" }); // now controlled by the first version
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    expect(await page.locator("update-prompt").evaluate((el) => el.shadowRoot?.textContent?.trim() ?? "")).toBe("");

    appendFileSync(join(copy, "sw.js"), "\n// deployment 2\n");
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const update = page.getByRole("button", { name: "更新" });
    await update.waitFor({ timeout: 30_000 });
    expect(await page.getByRole("status").filter({ hasText: "新版本" }).count()).toBe(1);
    await Promise.all([page.waitForEvent("load"), update.click()]);
    const scriptURL = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    expect(scriptURL).toContain("sw.js");
    await expect(page.getByRole("button", { name: "更新" }).count()).resolves.toBe(0);
    await context.close();
  });
});
