/**
 * Never lost: the course list, a course page and the home page show the current learner's
 * lesson states (done, started), and home offers 继续学习 to the lesson to go on with. At
 * 375 px with 大字, as an older volunteer on a phone would see it. Without a learner none of
 * this loads (the pages' JS budget).
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { t } from "../../src/i18n/zh-CN.ts";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { createLearnerOnMe } from "./support/learner.ts";
import { useSiteAndBrowser } from "./support/session.ts";

const env = useSiteAndBrowser();

async function phone(): Promise<{ page: Page; close: () => Promise<void>; requests: string[]; errors: string[] }> {
  const context = await env.browser.newContext({ viewport: { width: 375, height: 740 }, reducedMotion: "reduce" });
  await context.addInitScript(() => localStorage.setItem("ma.textSize", "large"));
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  return { page, close: () => context.close(), requests, errors: watchErrors(page) };
}

async function noSeriousAxeViolation(page: Page, where: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations.map((v) => `${where}: ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The element's box lies inside the viewport (no scrolling needed to see it). */
const inViewport = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });

describe("never lost", () => {
  test("without a learner, home, the course list and a course page load no lesson-state code and show no state", async () => {
    const { page, close, requests, errors } = await phone();
    for (const path of ["", "courses/"]) {
      await page.goto(env.site.url + path, { waitUntil: "networkidle" });
      await page.waitForTimeout(300);
      expect(await page.locator("[data-lesson-state]:not([hidden])").count()).toBe(0);
    }
    await expect(page.locator("[data-continue]").count()).resolves.toBe(0);
    await page.goto(env.site.url, { waitUntil: "networkidle" });
    expect(await page.locator("[data-continue]").isVisible()).toBe(false);
    expect(requests.filter((url) => /lesson-states\.[^/]*\.js/.test(url) && !/loader/.test(url))).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  test("a learner sees done and started lessons on the course list and course page, and 继续学习 on home", async () => {
    const { page, close, errors } = await phone();
    await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await createLearnerOnMe(page, "王秀英");

    // The first course and its first three lessons, found as a learner finds them.
    await page.goto(env.site.url + "courses/", { waitUntil: "networkidle" });
    const firstCourse = page.locator("[data-course-lessons]").first();
    const lessonCount = (await firstCourse.getAttribute("data-course-lessons"))!.split(" ").length;
    await firstCourse.locator("h2 a").click();
    await page.waitForLoadState("networkidle");
    const courseUrl = page.url();
    const cards = page.locator("[data-lesson]");
    const lessons = await cards.evaluateAll((els) =>
      els.map((el) => ({ key: el.getAttribute("data-lesson")!, url: el.querySelector("a")!.href, title: el.querySelector("a")!.textContent!.trim() })),
    );
    expect(lessons.length).toBeGreaterThanOrEqual(3);

    // Lesson 1 studied to the end; lesson 2 opened only.
    await page.goto(lessons[0]!.url, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: t("lesson.markDone") }).click();
    await page.getByText(t("lesson.done"), { exact: false }).first().waitFor();
    await page.goto(lessons[1]!.url, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: t("lesson.markDone") }).waitFor();

    // The course page: 已学完, 学了一半, nothing for a lesson not yet opened.
    const stateOf = (i: number) => cards.nth(i).locator("[data-lesson-state]");
    await expect
      .poll(async () => {
        await page.goto(courseUrl, { waitUntil: "networkidle" });
        return (await stateOf(1).isVisible()) ? stateOf(1).textContent() : "";
      })
      .toBe(t("lessonState.started"));
    await expect(stateOf(0).textContent()).resolves.toBe(t("lessonState.done"));
    await expect(stateOf(0).getAttribute("data-state")).resolves.toBe("done");
    expect(await stateOf(2).isVisible()).toBe(false);
    await noSeriousAxeViolation(page, "course page");

    // The course list: how far the course has got.
    await page.goto(env.site.url + "courses/", { waitUntil: "networkidle" });
    const courseState = firstCourse.locator("[data-lesson-state]");
    await courseState.waitFor();
    await expect(courseState.textContent()).resolves.toBe(t("lessonState.course", { done: 1, total: lessonCount }));
    await noSeriousAxeViolation(page, "course list");

    // Home: 继续学习 to the lesson left half-way, in view without scrolling.
    await page.goto(env.site.url, { waitUntil: "networkidle" });
    const more = page.locator("[data-continue] a");
    await more.waitFor();
    await expect(more.textContent()).resolves.toBe(t("lessonState.continue", { title: lessons[1]!.title.replace(/^第 \d+ 课\s*/, "") }));
    expect(new URL((await more.getAttribute("href"))!, env.site.url).href).toBe(lessons[1]!.url);
    expect(await inViewport(page, "[data-continue] a")).toBe(true);
    await noSeriousAxeViolation(page, "home");

    // Lesson 2 done too: home goes on to lesson 3.
    await page.goto(lessons[1]!.url, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: t("lesson.markDone") }).click();
    await page.getByText(t("lesson.done"), { exact: false }).first().waitFor();
    await page.goto(env.site.url, { waitUntil: "networkidle" });
    await expect.poll(async () => new URL((await more.getAttribute("href")) ?? "", env.site.url).href).toBe(lessons[2]!.url);
    expect(errors).toEqual([]);
    await close();
  });
});
