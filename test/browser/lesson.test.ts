import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { lessonPaths } from "./support/pages.ts";
import { useSiteAndBrowser } from "./support/session.ts";

// A lesson in the middle of a course has both a previous and a next link.
const lesson = lessonPaths()[1];

const env = useSiteAndBrowser();

async function openLesson(init?: (page: Page) => Promise<unknown>) {
  const context = await env.browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  if (init) await init(page);
  await page.goto(env.site.url + lesson, { waitUntil: "networkidle" });
  return { page, context };
}

describe("a lesson page", () => {
  test("keyboard alone reaches the next-lesson link, starting with the skip link", async () => {
    const { page, context } = await openLesson();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("跳到正文");
    let reached = false;
    for (let presses = 0; presses < 300 && !reached; presses++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.getAttribute("rel") === "next");
    }
    expect(reached).toBe(true);
    // The focused link shows a visible focus ring.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe("none");
    const nextUrl = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    await Promise.all([page.waitForURL(nextUrl), page.keyboard.press("Enter")]);
    expect(nextUrl).not.toBe(env.site.url + lesson);
    await context.close();
  });

  test("the skip link moves focus to the main content", async () => {
    const { page, context } = await openLesson();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await context.close();
  });

  /** The first law citation's button and its popover note. */
  async function firstCitation(page: Page) {
    const button = page.locator(".ref__button[data-law]").first();
    const note = page.locator(`[id="${await button.getAttribute("popovertarget")}"]`);
    return { button, note };
  }

  test("a law citation opens its note on tap (Popover API, no framework); the note's text comes from the lesson's notes page, fetched on first opening", async () => {
    const { page, context } = await openLesson();
    const notesFetched: string[] = [];
    page.on("request", (r) => r.url().endsWith("/notes/") && notesFetched.push(r.url()));
    const { button, note } = await firstCitation(page);
    // The page itself carries only a link in the note, and the fallback link is not shown here.
    expect(await note.isVisible()).toBe(false);
    expect(await note.evaluate((el) => el.textContent)).toBe(await button.textContent());
    expect(await note.locator("a").getAttribute("href")).toMatch(/\/law\/[^/]+\/\d+\/$/);
    expect(notesFetched).toEqual([]);
    await button.click();
    expect(await note.isVisible()).toBe(true);
    await expect.poll(() => note.textContent()).toMatch(/在法条库中查看/);
    expect(await note.textContent()).toMatch(/^《.+》第.+条/);
    // The note sits inside the 375 px screen.
    const box = (await note.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    const urlBefore = page.url();
    await page.keyboard.press("Escape");
    expect(await note.isVisible()).toBe(false);
    expect(page.url()).toBe(urlBefore);
    // Every note of the lesson came with that one fetch.
    const other = page.locator(".ref__button[data-term]").first();
    const otherNote = page.locator(`[id="${await other.getAttribute("popovertarget")}"]`);
    await other.click();
    await expect.poll(() => otherNote.textContent()).toMatch(/在术语表中查看/);
    expect(notesFetched).toHaveLength(1);
    await context.close();
  });

  test("with scripts off, a note still opens and offers the plain link to the full entry", async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(env.site.url + lesson, { waitUntil: "networkidle" });
    const { button, note } = await firstCitation(page);
    await button.click();
    expect(await note.isVisible()).toBe(true);
    const link = note.locator("a");
    expect(await link.textContent()).toBe(await button.textContent());
    const target = new URL((await link.getAttribute("href"))!, env.site.url).href;
    await Promise.all([page.waitForURL(target), link.click()]);
    await context.close();
  });

  test("Escape closes a note whether focus is on its button or inside it, and focus returns to the button", async () => {
    const { page, context } = await openLesson();
    const { button, note } = await firstCitation(page);
    const focusIsOnButton = () => button.evaluate((el) => document.activeElement === el);
    // Keyboard only: focus the citation, open it, close it with focus still on it.
    await button.focus();
    await page.keyboard.press("Enter");
    expect(await note.isVisible()).toBe(true);
    expect(await focusIsOnButton()).toBe(true);
    await expect.poll(() => note.textContent()).toMatch(/在法条库中查看/);
    await page.keyboard.press("Escape");
    expect(await note.isVisible()).toBe(false);
    expect(await focusIsOnButton()).toBe(true);
    // Open again and move into the note (its first link), then Escape.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await note.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("Escape");
    expect(await note.isVisible()).toBe(false);
    expect(await focusIsOnButton()).toBe(true);
    await context.close();
  });

  test("with no learner chosen, a first visit runs no element code: no Lit, no progress store, no read-aloud", async () => {
    const { page, context } = await openLesson();
    const scripts: string[] = [];
    page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => setTimeout(done, 300))));
    const defined = await page.evaluate(() => ["lesson-progress", "read-aloud", "update-prompt"].filter((tag) => customElements.get(tag)));
    expect(defined).toEqual([]);
    expect(scripts).toEqual([]);
    // The hint to choose a learner is the page's own markup.
    await expect(page.locator("lesson-progress").textContent()).resolves.toMatch(/我的学习/);
    await context.close();
  });

  test("with a learner chosen, the progress element loads once the page is idle", async () => {
    const { page, context } = await openLesson((p) => p.addInitScript(() => localStorage.setItem("ma.currentLearner", "no-such-learner")));
    await page.waitForFunction(() => customElements.get("lesson-progress") !== undefined);
    // The element took over from the page's own hint (one hint, not two).
    await page.waitForFunction(() => (document.querySelector("lesson-progress") as unknown as { hasUpdated: boolean }).hasUpdated);
    expect(await page.locator("lesson-progress .lesson-progress__hint").count()).toBeLessThanOrEqual(1);
    await context.close();
  });

  test("the 大字 setting applies at once and persists across pages", async () => {
    const { page, context } = await openLesson();
    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await fontSize();
    const toggle = page.locator("#text-size");
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("false");
    await toggle.click();
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("true");
    expect(await fontSize()).toBeGreaterThan(normal);
    await page.goto(env.site.url + "courses/", { waitUntil: "networkidle" });
    expect(await page.getAttribute("html", "data-text-size")).toBe("large");
    await expect(page.locator("#text-size").getAttribute("aria-pressed")).resolves.toBe("true");
    expect(await fontSize()).toBeGreaterThan(normal);
    await page.locator("#text-size").click();
    expect(await fontSize()).toBe(normal);
    await context.close();
  });

  test("the 大字 setting follows a change made in another tab", async () => {
    const { page, context } = await openLesson();
    const other = await context.newPage();
    await other.goto(env.site.url + "courses/", { waitUntil: "networkidle" });
    await other.locator("#text-size").click();
    await page.waitForFunction(() => document.documentElement.dataset.textSize === "large");
    await expect(page.locator("#text-size").getAttribute("aria-pressed")).resolves.toBe("true");
    await context.close();
  });

  test("read-aloud loads on the first press of 朗读, and says why where the browser has no Chinese voice", async () => {
    const { page, context } = await openLesson((p) =>
      p.addInitScript(() => {
        Object.defineProperty(window.speechSynthesis, "getVoices", { value: () => [] });
      }),
    );
    expect(await page.evaluate(() => customElements.get("read-aloud"))).toBeUndefined();
    await page.getByRole("button", { name: "朗读" }).click();
    await page.waitForFunction(() => customElements.get("read-aloud") !== undefined);
    await page.getByRole("alert").filter({ hasText: "中文朗读语音" }).waitFor();
    await context.close();
  });

  test("with a zh-CN voice, the first press of 朗读 loads read-aloud and starts speaking, paragraph by paragraph", async () => {
    const { page, context } = await openLesson((p) =>
      p.addInitScript(() => {
        const spoken: string[] = [];
        (window as unknown as { spoken: string[] }).spoken = spoken;
        const voice = { lang: "zh-CN", name: "Test Mandarin", localService: true, default: true, voiceURI: "test" };
        Object.defineProperty(window.speechSynthesis, "getVoices", { value: () => [voice] });
        Object.defineProperty(window.speechSynthesis, "speak", {
          value: (u: SpeechSynthesisUtterance) => {
            spoken.push(u.text);
            if (spoken.length < 3) setTimeout(() => u.onend?.(new Event("end") as SpeechSynthesisEvent), 10);
          },
        });
        Object.defineProperty(window.speechSynthesis, "cancel", { value: () => {} });
        // A real voice object is required by the setter; keep the fake off the utterance.
        Object.defineProperty(SpeechSynthesisUtterance.prototype, "voice", { set() {}, get() { return null; } });
      }),
    );
    const start = page.getByRole("button", { name: "朗读" });
    await expect(start.isVisible()).resolves.toBe(true);
    await start.click();
    await page.waitForFunction(() => (window as unknown as { spoken: string[] }).spoken.length >= 3);
    const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    expect(spoken[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByRole("status").first().textContent()).toMatch(/正在朗读第 3 段/);
    await page.getByRole("button", { name: "停止" }).click();
    await expect(page.getByRole("button", { name: "朗读" }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});
