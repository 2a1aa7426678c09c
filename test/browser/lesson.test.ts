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

  test("a law citation expands to its summary on tap and closes with Escape", async () => {
    const { page, context } = await openLesson();
    const citation = page.locator("inline-reference[data-law]").first();
    const button = citation.locator("button");
    await expect(button.getAttribute("aria-expanded")).resolves.toBe("false");
    const summary = citation.locator('[slot="note"]');
    expect(await summary.isVisible()).toBe(false);
    await button.click();
    await expect(button.getAttribute("aria-expanded")).resolves.toBe("true");
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toMatch(/第.+条/);
    const urlBefore = page.url();
    await button.press("Escape");
    await expect(button.getAttribute("aria-expanded")).resolves.toBe("false");
    expect(page.url()).toBe(urlBefore);
    await context.close();
  });

  test("the 大字 setting applies at once and persists across pages", async () => {
    const { page, context } = await openLesson();
    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await fontSize();
    const toggle = page.locator("text-size-toggle button");
    await toggle.click();
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("true");
    expect(await fontSize()).toBeGreaterThan(normal);
    await page.goto(env.site.url + "courses/", { waitUntil: "networkidle" });
    expect(await page.getAttribute("html", "data-text-size")).toBe("large");
    expect(await fontSize()).toBeGreaterThan(normal);
    await page.locator("text-size-toggle button").click();
    expect(await fontSize()).toBe(normal);
    await context.close();
  });

  test("read-aloud stays hidden when the browser has no Chinese voice", async () => {
    const { page, context } = await openLesson((p) =>
      p.addInitScript(() => {
        Object.defineProperty(window.speechSynthesis, "getVoices", { value: () => [] });
      }),
    );
    expect(await page.locator("read-aloud").isVisible()).toBe(false);
    await context.close();
  });

  test("read-aloud appears with a zh-CN voice and speaks the lesson paragraph by paragraph", async () => {
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
