/**
 * The quiz runner end to end: a lesson check taken with the keyboard only (Tab, Space,
 * arrow keys, Enter), including an ordering and a matching item; the attempt shows in
 * 我的学习 with its best score; the attempt limit holds; no learner → a pointer to 我的学习;
 * a save that fails keeps the answers (error + export file); the time limit submits; an
 * unfinished attempt survives a reload (and a time limit that ran out meanwhile submits
 * it on return); removing the learner removes their unfinished attempt.
 *
 * The quiz and seed are chosen here, in Node, with the same drawing code over the shipped
 * banks: the first lesson check whose draw includes an ordering AND a matching item. The
 * runner honours `?seed=` (see quiz-runner.ts), so the browser shows exactly those items.
 */
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { contentDir } from "../../src/lib/content/content-dir.ts";
import { readContentSet } from "../../src/lib/content/files.ts";
import type { QuizCatalog } from "../../src/lib/quiz/catalog.ts";
import { knownFromContentSet } from "../../src/lib/quiz/check.ts";
import { drawQuiz, poolOf, type DrawnQuiz } from "../../src/lib/quiz/draw.ts";
import { checkQuizDir } from "../../src/lib/quiz/files.ts";
import type { QuizItem } from "../../src/lib/quiz/schema.ts";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { distDir } from "./support/dist.ts";
import { createLearnerOnMe } from "./support/learner.ts";
import { useSiteAndBrowser } from "./support/session.ts";

const root = resolve(".");
const content = contentDir(root);
const { set } = readContentSet({ root, content });
const { catalog } = checkQuizDir({ root, quizzes: join(content, "quizzes") }, knownFromContentSet(set));

/**
 * A lesson check and seed whose draw has an ordering and a matching item, preferring one
 * that also has multiple choice, true/false and a single-choice or case-judgement item
 * (every control the runner has); the first such pair in bank order.
 */
function pickKeyboardQuiz(cat: QuizCatalog): { quizId: string; seed: string; drawn: DrawnQuiz } {
  const must = (types: Set<string>) => types.has("ordering") && types.has("matching");
  const best = (types: Set<string>) => must(types) && types.has("multiple") && types.has("true-false") && (types.has("single") || types.has("case-judgement"));
  let fallback: { quizId: string; seed: string; drawn: DrawnQuiz } | undefined;
  for (const { quiz } of cat.quizzes.values()) {
    if (quiz.kind !== "lesson-check") continue;
    for (let n = 1; n <= 200; n++) {
      const seed = `kbd-${n}`;
      const drawn = drawQuiz(quiz.id, seed, cat);
      const types = new Set<string>(drawn.items.map((i) => cat.items.get(i.id)!.item.type));
      if (best(types)) return { quizId: quiz.id, seed, drawn };
      if (must(types)) fallback ??= { quizId: quiz.id, seed, drawn };
    }
  }
  if (!fallback) throw new Error("no lesson check draws both an ordering and a matching item");
  return fallback;
}

const chosen = pickKeyboardQuiz(catalog);
const chosenQuiz = catalog.quizzes.get(chosen.quizId)!.quiz;
const itemOf = (id: string): QuizItem => catalog.items.get(id)!.item;

const env = useSiteAndBrowser();

async function newContext(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

async function createLearner(page: Page, name: string) {
  await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
  await createLearnerOnMe(page, name);
}

const quizUrl = (quizId: string, seed?: string) => `${env.site.url}quizzes/${quizId}/${seed ? `?seed=${seed}` : ""}`;

/** Press Tab until the focused element matches `selector` (and `text`, if given). */
async function tabTo(page: Page, selector: string, text?: string, max = 120) {
  for (let i = 0; i < max; i++) {
    const hit = await page.evaluate(
      ([sel, txt]) => {
        const el = document.activeElement;
        return Boolean(el && el.matches(sel!) && (txt === undefined || el.textContent?.trim() === txt));
      },
      [selector, text] as const,
    );
    if (hit) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}${text ? ` “${text}”` : ""}`);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
const waitForFocus = (page: Page, id: string) => page.waitForFunction((x) => document.activeElement?.id === x, id);
const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Answer the question on screen correctly, with the keyboard only. */
async function answerByKeyboard(page: Page, itemId: string, drawnOptions: string[] | undefined, drawnPrompts: string[] | undefined) {
  const item = itemOf(itemId);
  switch (item.type) {
    case "single":
    case "case-judgement":
    case "true-false": {
      const values = item.type === "true-false" ? ["true", "false"] : drawnOptions!;
      const target = values.indexOf(String(item.answer));
      await tabTo(page, `input[type=radio][name="q-${itemId}"]`);
      // Tab lands on the first radio of an unanswered group; arrows move and select.
      if (target === 0) await page.keyboard.press("Space");
      for (let i = 0; i < target; i++) await page.keyboard.press("ArrowDown");
      await expect(page.locator(`input[name="q-${itemId}"][value="${values[target]}"]`).isChecked()).resolves.toBe(true);
      break;
    }
    case "multiple": {
      for (const option of drawnOptions!) {
        await tabTo(page, `input[type=checkbox][name="q-${itemId}"][value="${option}"]`);
        if (item.answer.includes(option)) await page.keyboard.press("Space");
      }
      const checked = await page.locator(`input[name="q-${itemId}"]:checked`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).sort());
      expect(checked).toEqual([...item.answer].sort());
      break;
    }
    case "ordering": {
      // Selection sort with the 上移 buttons: bring each step up to its place, top first.
      const order = [...drawnOptions!];
      for (let place = 0; place < item.answer.length; place++) {
        const step = item.answer[place]!;
        let at = order.indexOf(step);
        if (at === place) continue;
        await tabTo(page, `#q-${itemId}-${step}-up`);
        while (at > place) {
          await page.keyboard.press("Enter");
          [order[at - 1], order[at]] = [order[at]!, order[at - 1]!];
          at -= 1;
          // Focus stays on the moved step (on its 下移 button once it reaches the top).
          await waitForFocus(page, `q-${itemId}-${step}-${at === 0 ? "down" : "up"}`);
        }
      }
      const prefix = `q-${itemId}-`;
      const shown = await page
        .locator(".quiz-step .quiz-step__text")
        .evaluateAll((els, p) => els.map((e) => e.id.slice(p.length, -"-text".length)), prefix);
      expect(shown).toEqual(item.answer);
      break;
    }
    case "matching": {
      for (const prompt of drawnPrompts!) {
        const target = drawnOptions!.indexOf(item.answer[prompt]!);
        await tabTo(page, `#q-${itemId}-${prompt}`);
        // A closed <select> changes its value with the arrow keys: option 0 is 请选择.
        for (let i = 0; i <= target; i++) await page.keyboard.press("ArrowDown");
        await expect(page.locator(`#q-${itemId}-${prompt}`).inputValue()).resolves.toBe(item.answer[prompt]);
      }
      break;
    }
  }
}

describe("quiz runner", () => {
  test("the page holds the quiz and its pools as item ids, and no item's text", async () => {
    const html = readFileSync(resolve(distDir(), "quizzes", chosen.quizId, "index.html"), "utf8");
    const json = html.match(/<quiz-runner[^>]*>\s*<script type="application\/json">([\s\S]*?)<\/script>/)?.[1];
    const data = JSON.parse(json!) as { quiz: { id: string }; pools: string[][]; items: string };
    expect(data.quiz.id).toBe(chosen.quizId);
    const entry = catalog.quizzes.get(chosen.quizId)!;
    expect(data.pools).toEqual(entry.quiz.draw.map((rule) => poolOf(rule, entry.bank, catalog).map((c) => c.item.id)));
    expect(data.items).toMatch(new RegExp(`quizzes/${chosen.quizId}/items/$`));
    for (const { item } of catalog.items.values()) expect(html).not.toContain(item.stem.replace(/</g, "\\u003c"));
  });

  test("a lesson check taken with the keyboard only, saved and shown in 我的学习", async () => {
    const { context, page, errors } = await newContext();
    await createLearner(page, "刘淑芬");

    // From the lesson page: the link to this lesson's check.
    const lessonKey = chosenQuiz.kind === "lesson-check" ? chosenQuiz.lesson : "";
    await page.goto(`${env.site.url}courses/${lessonKey}/`, { waitUntil: "networkidle" });
    const link = page.getByRole("link", { name: "做本课小测" });
    expect(await link.getAttribute("href")).toMatch(new RegExp(`quizzes/${chosen.quizId}/$`));

    const fetchedItems: string[] = [];
    page.on("request", (request) => {
      const m = /\/quizzes\/[^/]+\/items\/([^/]+)\.json$/.exec(new URL(request.url()).pathname);
      if (m) fetchedItems.push(decodeURIComponent(m[1]!));
    });
    await page.goto(quizUrl(chosen.quizId, chosen.seed), { waitUntil: "networkidle" });
    await page.getByRole("heading", { name: /成绩将记在刘淑芬名下/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(fetchedItems, "no item is fetched before the attempt starts").toEqual([]);
    await tabTo(page, "quiz-runner button", "开始作答");
    await page.keyboard.press("Enter");
    await waitForFocus(page, "quiz-question");
    // Only the drawn items, each once.
    expect([...fetchedItems].sort()).toEqual(chosen.drawn.items.map((i) => i.id).sort());

    const total = chosen.drawn.items.length;
    for (const [i, drawn] of chosen.drawn.items.entries()) {
      const heading = (await page.locator("#quiz-question").textContent()) ?? "";
      expect(heading).toContain(`第 ${i + 1} 题 / 共 ${total} 题`);
      await answerByKeyboard(page, drawn.id, drawn.options, drawn.prompts);
      await expect(page.locator(".quiz-bar__progress").textContent()).resolves.toContain(`已答 ${i + 1} 题，共 ${total} 题`);
      const type = itemOf(drawn.id).type;
      if (type === "ordering" || type === "matching") {
        expect(await seriousAxeViolations(page), `axe on the ${type} item`).toEqual([]);
        expect(await noHorizontalScroll(page), `no horizontal scroll on the ${type} item`).toBe(true);
      }
      if (i < total - 1) {
        await tabTo(page, "quiz-runner button[type=submit]", "下一题");
        await page.keyboard.press("Enter");
        await page.waitForFunction((n) => document.activeElement?.id === "quiz-question" && document.activeElement.textContent!.includes(`第 ${n} 题`), i + 2);
      }
    }
    await tabTo(page, "quiz-runner .quiz-nav button", "交卷");
    await page.keyboard.press("Enter");
    await waitForFocus(page, "quiz-confirm-heading");
    await expect(page.locator(".quiz-confirm").textContent()).resolves.toContain(`${total} 题全部作答完毕`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await tabTo(page, "quiz-runner button", "确认交卷");
    await page.keyboard.press("Enter");

    await waitForFocus(page, "quiz-result-heading");
    expect(await focusedId(page)).toBe("quiz-result-heading");
    const score = page.locator(".quiz-score");
    await expect(score.textContent()).resolves.toMatch(/（100%）\s*及格/);
    await expect(page.locator('quiz-runner [role="status"]').textContent()).resolves.toMatch(/得分 .+ 分，及格/);
    await page.getByText("成绩已保存到刘淑芬的学习记录").waitFor();
    // Per-item feedback with explanations and law links (this quiz reveals answers).
    expect(await page.locator(".quiz-feedback__item").count()).toBe(total);
    expect(await page.locator(".quiz-feedback__item").filter({ hasText: "解析" }).count()).toBe(total);
    if (chosen.drawn.items.some((d) => itemOf(d.id).law.length)) expect(await page.locator(".quiz-law a").count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);

    const max = chosen.drawn.items.reduce((n, d) => n + itemOf(d.id).points, 0);
    await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await page.getByText(`${chosenQuiz.title}：最好成绩 ${max} / ${max}，共 1 次，已通过`).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test("at 375 px in 大字 a matching item stacks, says nothing of left and right, and shows the whole chosen option", async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 800 } });
    await context.addInitScript(() => localStorage.setItem("ma.textSize", "large"));
    const page = await context.newPage();
    await createLearner(page, "陈玉兰");
    await page.goto(quizUrl(chosen.quizId, chosen.seed), { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "开始作答" }).click();
    const at = chosen.drawn.items.findIndex((d) => itemOf(d.id).type === "matching");
    for (let i = 0; i < at; i++) await page.getByRole("button", { name: "下一题" }).click();
    const d = chosen.drawn.items[at]!;
    await page.locator("#quiz-question", { hasText: `第 ${at + 1} 题` }).waitFor();
    expect(await page.locator("quiz-runner").textContent()).not.toMatch(/左边|右边/);
    const item = itemOf(d.id);
    if (item.type !== "matching") throw new Error("not a matching item");
    const optionText = (id: string) => item.options.find((o) => o.id === id)!.text;
    const longest = [...d.options!].sort((a, b) => optionText(b).length - optionText(a).length)[0]!;
    const prompt = d.prompts![0]!;
    const select = page.locator(`#q-${d.id}-${prompt}`);
    await select.selectOption(longest);
    const label = await page.locator(`label[for="q-${d.id}-${prompt}"]`).boundingBox();
    const box = await select.boundingBox();
    // Stacked: the select sits under its prompt.
    expect(box!.y).toBeGreaterThanOrEqual(label!.y + label!.height - 1);
    const chosenLine = page.locator(".quiz-pair", { has: select }).locator(".quiz-pair__chosen");
    await expect(chosenLine.textContent()).resolves.toBe(optionText(longest));
    const fits = await chosenLine.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.scrollWidth <= el.clientWidth && r.right <= window.innerWidth && r.height > 0;
    });
    expect(fits).toBe(true);
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  test("the attempt limit holds across retries and a reload", async () => {
    const { context, page, errors } = await newContext();
    await createLearner(page, "陈国强");
    await page.goto(quizUrl(chosen.quizId), { waitUntil: "networkidle" });
    const limit = chosenQuiz.attempts!;
    expect(limit).toBeGreaterThan(0);
    await page.getByRole("button", { name: "开始作答" }).click();
    for (let n = 1; n <= limit; n++) {
      await page.locator("#quiz-question").waitFor();
      await page.getByRole("button", { name: "交卷", exact: true }).click();
      await expect(page.locator(".quiz-confirm").textContent()).resolves.toContain(`还有 ${chosen.drawn.items.length} 题没有答完`);
      await page.getByRole("button", { name: "确认交卷" }).click();
      await page.getByText("成绩已保存到陈国强的学习记录").waitFor();
      await expect(page.locator(".quiz-score").textContent()).resolves.toContain("未及格");
      if (n < limit) {
        await page.getByText(`还可作答 ${limit - n} 次`).waitFor();
        await page.getByRole("button", { name: "再做一次" }).click();
      }
    }
    await page.getByText("本测验的作答次数已用完").waitFor();
    expect(await page.getByRole("button", { name: "再做一次" }).count()).toBe(0);

    await page.reload({ waitUntil: "networkidle" });
    await page.getByRole("heading", { name: `陈国强已用完本测验全部 ${limit} 次作答机会。` }).waitFor();
    expect(await page.getByRole("button", { name: "开始作答" }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await page.getByText(new RegExp(`${chosenQuiz.title}：最好成绩 0 / \\d+，共 ${limit} 次`)).waitFor();
    // Each attempt, newest first, read only when the list is opened.
    await page.getByText(`每次成绩（${limit} 次）`).click();
    const rows = page.locator(".me-history__list li");
    await rows.nth(limit - 1).waitFor();
    expect(await rows.count()).toBe(limit);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/0 \/ \d+ 分\s*未及格/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("without a current learner the page says where to create one", async () => {
    const { context, page, errors } = await newContext();
    await page.goto(quizUrl(chosen.quizId), { waitUntil: "networkidle" });
    await page.getByText("作答前请先在“我的学习”中建档或选中自己").waitFor();
    // The link brings the learner back to this quiz once a profile is chosen (?back=).
    const meLink = new URL((await page.getByRole("link", { name: "去“我的学习”" }).getAttribute("href"))!, env.site.url);
    expect(meLink.pathname).toMatch(/\/me\/$/);
    expect(meLink.searchParams.get("back")).toMatch(new RegExp(`/quizzes/${chosen.quizId}/$`));
    expect(await page.getByRole("button", { name: "开始作答" }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("when the attempt cannot be saved, the learner sees why and can export it", async () => {
    const { context, page, errors } = await newContext();
    await createLearner(page, "周立新");
    // Storage is full from now on, but only for adding entries on the quiz page.
    await context.addInitScript(() => {
      if (!location.pathname.includes("/quizzes/")) return;
      IDBObjectStore.prototype.add = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await page.goto(quizUrl(chosen.quizId, chosen.seed), { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "开始作答" }).click();
    const first = chosen.drawn.items[0]!;
    await answerByKeyboard(page, first.id, first.options, first.prompts);
    await page.getByRole("button", { name: "交卷", exact: true }).click();
    await page.getByRole("button", { name: "确认交卷" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "成绩没有保存" });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain("存储空间已满");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出学习记录（含本次作答）" }).click()]);
    const file = JSON.parse(readFileSync((await download.path())!, "utf8")) as { format: string; record: { attempts: { quiz: string; answers: Record<string, unknown> }[] } };
    expect(file.format).toBe("mediator-academy/progress");
    const attempt = file.record.attempts.find((a) => a.quiz === chosen.quizId);
    expect(attempt?.answers[first.id]).not.toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a time limit counts down and submits at the deadline", async () => {
    const timed = [...catalog.quizzes.values()].find(({ quiz }) => quiz.timeLimit)?.quiz;
    expect(timed, "a shipped quiz with a time limit").toBeDefined();
    const { context, page, errors } = await newContext();
    await createLearner(page, "吴春梅");
    await page.clock.install();
    await page.goto(quizUrl(timed!.id), { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "开始作答" }).click();
    await expect(page.getByRole("timer").textContent()).resolves.toContain(`剩余时间 ${timed!.timeLimit}:00`);
    await page.clock.runFor((timed!.timeLimit! - 1) * 60_000 + 1000);
    await expect(page.locator('quiz-runner [role="status"]').textContent()).resolves.toContain("还剩 1 分钟");
    await page.clock.runFor(60_000);
    await waitForFocus(page, "quiz-result-heading");
    await expect(page.locator('quiz-runner [role="status"]').textContent()).resolves.toContain("时间到，已自动交卷");
    await page.getByText("成绩已保存到吴春梅的学习记录").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test("an unfinished attempt survives a reload, and is gone once saved", async () => {
    const { context, page, errors } = await newContext();
    await createLearner(page, "郑晓红");
    await page.goto(quizUrl(chosen.quizId, chosen.seed), { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "开始作答" }).click();
    const total = chosen.drawn.items.length;
    for (const i of [0, 1]) {
      const d = chosen.drawn.items[i]!;
      await answerByKeyboard(page, d.id, d.options, d.prompts);
      await page.getByRole("button", { name: "下一题" }).click();
    }
    await page.locator("#quiz-question", { hasText: `第 3 题 / 共 ${total} 题` }).waitFor();

    // Without the guard the reload would just happen: the page asks first (beforeunload).
    page.once("dialog", (dialog) => void dialog.accept());
    await page.reload({ waitUntil: "networkidle" });
    await page.getByRole("heading", { name: "郑晓红有一次没有交卷的作答" }).waitFor();
    await expect(page.locator(".quiz-start").textContent()).resolves.toContain(`已答 2 题，共 ${total} 题`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "继续作答" }).click();
    await page.locator("#quiz-question", { hasText: `第 3 题 / 共 ${total} 题` }).waitFor();
    await expect(page.locator(".quiz-bar__progress").textContent()).resolves.toContain(`已答 2 题，共 ${total} 题`);
    // The same items as before the reload, with the answers given.
    await page.getByRole("button", { name: "上一题" }).click();
    await page.getByRole("button", { name: "上一题" }).click();
    await page.locator("#quiz-question", { hasText: "第 1 题" }).waitFor();
    await page.getByRole("button", { name: "交卷", exact: true }).click();
    // The one-off "back where you were" message is not left on the confirmation screen.
    await page.locator("#quiz-confirm-heading").waitFor();
    await expect(page.locator("quiz-runner").textContent()).resolves.not.toContain("已回到上次的作答");
    await page.getByRole("button", { name: "确认交卷" }).click();
    await page.getByText("成绩已保存到郑晓红的学习记录").waitFor();
    // The two answers given before the reload were graded (and were right).
    const feedback = page.locator(".quiz-feedback__item");
    for (const i of [0, 1]) expect(await feedback.nth(i).getAttribute("class")).not.toMatch(/--(wrong|unanswered|partial)/);
    expect(await feedback.nth(2).getAttribute("class")).toMatch(/--unanswered/);
    await page.reload({ waitUntil: "networkidle" });
    await page.getByRole("heading", { name: /成绩将记在郑晓红名下/ }).waitFor();
    expect(await page.getByRole("button", { name: "继续作答" }).count()).toBe(0);

    // A fresh unfinished attempt, then the learner is removed: it goes with them.
    await page.getByRole("button", { name: "开始作答" }).click();
    const first = chosen.drawn.items[0]!;
    await answerByKeyboard(page, first.id, first.options, first.prompts);
    const drafts = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("ma.quizDraft/")).length);
    expect(await drafts()).toBe(1);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.goto(env.site.url + "me/", { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "删除档案" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "确认删除" }).click();
    await page.getByText("这台设备上还没有学员档案").waitFor();
    expect(await drafts()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a timed attempt left open past its limit is handed in on return", async () => {
    const timed = [...catalog.quizzes.values()].find(({ quiz }) => quiz.timeLimit)?.quiz;
    const { context, page, errors } = await newContext();
    await createLearner(page, "冯建华");
    await page.goto(quizUrl(timed!.id), { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "开始作答" }).click();
    await page.locator("#quiz-question").waitFor();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.goto("about:blank");

    // Back after the time limit has run out.
    await page.clock.install({ time: Date.now() + (timed!.timeLimit! + 1) * 60_000 });
    await page.goto(quizUrl(timed!.id), { waitUntil: "networkidle" });
    await page.getByText("成绩已保存到冯建华的学习记录").waitFor();
    await expect(page.locator('quiz-runner [role="status"]').textContent()).resolves.toContain("时间到，已自动交卷");
    await page.reload({ waitUntil: "networkidle" });
    await page.getByRole("heading", { name: /成绩将记在冯建华名下/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
