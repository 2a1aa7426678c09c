/**
 * 朗读 on a lesson, at 375 px with 大字, over a stand-in for the browser's speech engine
 * (headless Chromium has no voices): where there is no Chinese voice, pressing 朗读 says
 * why and what to do; with one, the title is read first and the paragraph being read is
 * marked and scrolled into view.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { t } from "../../src/i18n/zh-CN.ts";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { useSiteAndBrowser } from "./support/session.ts";

const env = useSiteAndBrowser();

/** Replaces speechSynthesis with one whose only voice speaks `lang`; utterances wait in window.__spoken. */
async function phoneWithVoice(lang: string) {
  const context = await env.browser.newContext({ viewport: { width: 375, height: 740 }, reducedMotion: "reduce" });
  await context.addInitScript(() => localStorage.setItem("ma.textSize", "large"));
  await context.addInitScript((voiceLang) => {
    const w = window as unknown as Record<string, unknown>;
    const spoken: { text: string; onend?: () => void }[] = [];
    w.__spoken = spoken;
    const voices = [{ lang: voiceLang, name: "Stand-in", localService: true, default: true, voiceURI: "stand-in" }];
    const synth = {
      getVoices: () => voices,
      speak: (u: { text: string }) => void spoken.push(u),
      cancel: () => undefined,
      pause: () => undefined,
      resume: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
    w.SpeechSynthesisUtterance = class {
      text: string;
      constructor(text: string) {
        this.text = text;
      }
    };
  }, lang);
  const page = await context.newPage();
  return { page, errors: watchErrors(page), close: () => context.close() };
}

/** The first lesson of the first course, reached through the catalogue. */
async function openFirstLesson(page: Page) {
  await page.goto(env.site.url + "courses/", { waitUntil: "networkidle" });
  await page.locator(".card h2 a").first().click();
  await page.waitForLoadState("networkidle");
  await page.locator(".lesson-list .card h3 a").first().click();
  await page.waitForLoadState("networkidle");
}

const pressReadAloud = (page: Page) => page.getByRole("button", { name: t("readAloud.start"), exact: true }).first().click();
const spoken = (page: Page) => page.evaluate(() => ((window as unknown as { __spoken: { text: string }[] }).__spoken ?? []).map((u) => u.text));
const finishUtterance = (page: Page) =>
  page.evaluate(() => {
    const all = (window as unknown as { __spoken: { onend?: () => void }[] }).__spoken;
    all[all.length - 1]!.onend?.();
  });

describe("read aloud", () => {
  test("without a Chinese voice, 朗读 stays and says why and what to do", async () => {
    const { page, errors, close } = await phoneWithVoice("en-US");
    await openFirstLesson(page);
    await pressReadAloud(page);
    const note = page.locator("read-aloud").getByRole("alert");
    await expect.poll(() => note.textContent(), { timeout: 5000 }).toBe(t("readAloud.noVoice"));
    expect(await note.isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: t("readAloud.start"), exact: true }).first().isVisible()).toBe(true);
    expect(await spoken(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  test("with a Chinese voice: the title first, the paragraph being read marked and in view", async () => {
    const { page, errors, close } = await phoneWithVoice("zh-CN");
    await openFirstLesson(page);
    const title = (await page.locator("#lesson h1").textContent())!.trim();
    await pressReadAloud(page);
    await expect.poll(() => spoken(page)).toHaveLength(1);
    expect((await spoken(page))[0]).toBe(title);
    await expect(page.locator("[data-reading]").evaluateAll((els) => els.map((e) => e.tagName))).resolves.toEqual(["H1"]);

    // Go on a good way: one block marked at a time, and the one being read is on screen.
    for (let i = 0; i < 12; i++) await finishUtterance(page);
    const texts = await spoken(page);
    expect(texts).toHaveLength(13);
    const marked = page.locator("[data-reading]");
    await expect(marked.count()).resolves.toBe(1);
    await expect(marked.evaluate((el) => (el as HTMLElement).innerText.replace(/\s+/g, " ").trim())).resolves.toContain(texts[12]!.slice(0, 10));
    await expect
      .poll(() =>
        marked.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.top < window.innerHeight;
        }),
      )
      .toBe(true);
    // The mark is visible: not the page's own background.
    await expect(marked.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.not.toBe("rgba(0, 0, 0, 0)");

    await page.locator("read-aloud").getByRole("button", { name: t("readAloud.stop"), exact: true }).click();
    await expect(page.locator("[data-reading]").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await close();
  });
});
