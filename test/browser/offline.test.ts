/**
 * Offline that the learner controls. After one visit the service worker holds only the app
 * shell; pages are kept as they are opened; a course saved with "离线保存本课程" opens with
 * no network (its lessons, quizzes and cited law), also after the browser restarts; a page
 * saved nowhere says it needs the network; removing the course frees its storage. A new
 * deployment waits for the learner's "更新".
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { distDir } from "./support/dist.ts";
import { createLearnerOnMe } from "./support/learner.ts";
import { useSiteAndBrowser } from "./support/session.ts";

// A private copy of the site, so the test can "deploy" a new version into it.
const copy = mkdtempSync(join(tmpdir(), "mediator-offline-"));
const profiles = mkdtempSync(join(tmpdir(), "mediator-offline-profile-"));

beforeAll(() => cpSync(distDir(), copy, { recursive: true })); // before the helper's beforeAll serves it
const env = useSiteAndBrowser(copy);
afterAll(() => {
  rmSync(copy, { recursive: true, force: true });
  rmSync(profiles, { recursive: true, force: true });
});

interface PackList {
  paths: string[];
  bytes: number;
  gzip: number;
}
/** The course with the fewest files (quickest to save), and what the build says it holds. */
function smallestCourse(): { id: string; pack: PackList; lessons: string[]; law: string[] } {
  const ids = ["basics", "procedure", "common-disputes"];
  const packs = ids.map((id) => ({ id, pack: JSON.parse(readFileSync(join(distDir(), "offline/packs", `course-${id}.json`), "utf8")) as PackList }));
  const { id, pack } = packs.sort((a, b) => a.pack.paths.length - b.pack.paths.length)[0]!;
  return {
    id,
    pack,
    lessons: pack.paths.filter((p) => p.startsWith(`courses/${id}/`) && p !== `courses/${id}/` && !p.endsWith("/notes/")),
    law: pack.paths.filter((p) => /^law\/[^/]+\/\d+\/$/.test(p)),
  };
}
const course = smallestCourse();

const swReady = (page: Page) => page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
/** Every URL in every cache, by cache name. */
const cacheContents = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    return out;
  });

/** Bytes of every body in every cache. */
const cacheBytes = (page: Page) =>
  page.evaluate(async () => {
    let total = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) total += (await (await cache.match(request))!.arrayBuffer()).byteLength;
    }
    return total;
  });

async function saveCourse(page: Page): Promise<void> {
  await page.goto(`${env.site.url}courses/${course.id}/`, { waitUntil: "networkidle" });
  const save = page.locator("offline-save");
  // The size first (the saving code loads on this press), then the learner confirms.
  await save.getByRole("button", { name: "离线保存本课程" }).click();
  await save.getByText(/需要下载约 \d+ KB，占用本机约 \d+ KB（\d+ 个文件）/).waitFor();
  await expect(save.getByRole("button", { name: "确认保存" }).evaluate((b) => b === document.activeElement)).resolves.toBe(true);
  await page.keyboard.press("Enter");
  await save.getByText(/已离线保存（占用约 \d+ KB）/).waitFor({ timeout: 30_000 });
}

describe("the service worker", () => {
  test("after one visit it holds the app shell only: no course, lesson, law, quiz, scenario, registry file or 我的学习", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(env.site.url, { waitUntil: "networkidle" });
    await swReady(page);
    const precache = Object.entries(await cacheContents(page)).filter(([name]) => name.includes("precache")).flatMap(([, urls]) => urls);
    expect(precache).toContain("/offline/index.html");
    expect(precache).toContain("/index.html");
    expect(precache.filter((url) => /\/(courses|law|quizzes|scenarios|glossary|registry|pagefind|me)\//.test(url))).toEqual([]);
    await context.close();
  });

  test("a page opened online opens again offline; a page never opened nor saved says it needs the network", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(env.site.url, { waitUntil: "networkidle" });
    await swReady(page);
    await page.reload({ waitUntil: "networkidle" }); // controlled from here on
    const opened = course.lessons[0]!;
    await page.goto(env.site.url + opened, { waitUntil: "networkidle" });
    const title = await page.locator("h1").first().textContent();

    await context.setOffline(true);
    await page.goto(env.site.url + opened);
    expect(await page.locator("h1").first().textContent()).toBe(title);
    const response = await page.goto(`${env.site.url}glossary/`);
    expect(response?.status()).toBe(503);
    await page.getByRole("heading", { level: 1, name: "这一页需要联网" }).waitFor();
    await page.getByRole("link", { name: "重新打开这一页" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("离线保存本课程", () => {
  test("save a course, go offline, study a lesson, read its law and take its quiz; back online the record is there; remove it and the storage is freed", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.site.url}me/`, { waitUntil: "networkidle" });
    await createLearnerOnMe(page, "吴春梅");
    await page.getByText("还没有离线保存的课程或情景模拟").waitFor();
    await swReady(page);

    await saveCourse(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const saved = (await cacheContents(page))[`offline-pack:course:${course.id}`] ?? [];
    for (const path of course.pack.paths) expect(saved, path).toContain(`/${path}`);
    // The quiz pages name their items by id only; the pack holds the item files the runner fetches.
    expect(course.pack.paths.filter((p) => /^quizzes\/[^/]+\/items\/[^/]+\.json$/.test(p)).length).toBeGreaterThan(0);

    await context.setOffline(true);
    // A lesson never opened online, with a lesson check.
    const lesson = course.lessons.at(-1)!;
    await page.goto(env.site.url + lesson);
    await page.getByRole("button", { name: "这一课学完了" }).click();
    await page.getByText("已学完").waitFor();
    // Its notes page is saved too: a note opens with its full text.
    const cited = page.locator(".ref__button").first();
    const note = page.locator(`[id="${await cited.getAttribute("popovertarget")}"]`);
    await cited.click();
    await expect.poll(() => note.textContent()).toMatch(/在(?:法条库|术语表)中查看/);
    await page.keyboard.press("Escape");
    const law = course.law[0]!;
    await page.goto(env.site.url + law);
    expect(await page.locator("h1").first().textContent()).toMatch(/第.+条/);
    const quiz = course.pack.paths.find((p) => p.startsWith("quizzes/"))!;
    await page.goto(env.site.url + quiz);
    await page.getByRole("button", { name: "开始作答" }).click();
    await page.getByRole("button", { name: "交卷", exact: true }).click();
    await page.getByRole("button", { name: "确认交卷" }).click();
    await page.getByText("成绩已保存到吴春梅的学习记录").waitFor();

    // Offline, the saved list shows: on 我的学习 if the worker kept it, else on the offline page.
    await page.goto(`${env.site.url}me/`);
    const list = page.locator("offline-saved-list");
    await list.getByText(/占用约 \d+ KB · \d+ 个文件/).waitFor();
    await list.getByText(/本网站在这台设备上共占用约 [\d.]+ MB/).waitFor();

    await context.setOffline(false);
    await page.goto(`${env.site.url}me/`, { waitUntil: "networkidle" });
    await page.getByText(/已学完 1 \/ \d+ 课/).waitFor();
    await page.getByText(/最好成绩 \d+ \/ \d+，共 1 次/).waitFor();

    const held = await cacheBytes(page);
    await list.getByRole("button", { name: /^删除“.+”的离线副本$/ }).click();
    await list.getByText(/已删除“.+”的离线副本/).waitFor();
    await list.getByText("还没有离线保存的课程或情景模拟").waitFor();
    expect(Object.keys(await cacheContents(page)).filter((name) => name.startsWith("offline-pack:"))).toEqual([]);
    // Everything the pack held is gone from Cache Storage. (Chromium's storage estimate
    // does not go down at once after a cache is deleted, so it is shown, not asserted.)
    expect(held - (await cacheBytes(page))).toBeGreaterThanOrEqual(course.pack.bytes * 0.95);

    await context.setOffline(true);
    expect((await page.goto(env.site.url + course.lessons.at(-1)!))?.status()).toBe(503);
    expect(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|503/.test(e))).toEqual([]);
    await context.close();
  });

  test("a saved course opens after the browser restarts with no network", async () => {
    // Offline emulation (context.setOffline) does not reach a service worker that starts with a
    // restored profile: its fetches went to the network. A proxy on a closed port, with loopback
    // not bypassed, takes the network away from the whole browser instead.
    const launch = (network: boolean): Promise<BrowserContext> =>
      chromium.launchPersistentContext(profiles, {
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        args: [
          "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          ...(network ? [] : ["--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]),
        ],
      });
    let context = await launch(true);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(env.site.url, { waitUntil: "networkidle" });
    await swReady(page);
    await saveCourse(page);
    await context.close();

    context = await launch(false);
    page = context.pages()[0] ?? (await context.newPage());
    const lesson = course.lessons.at(-1)!;
    const response = await page.goto(env.site.url + lesson);
    expect(response?.status()).toBe(200);
    const built = readFileSync(join(distDir(), lesson, "index.html"), "utf8");
    const title = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(built)![1]!.replace(/<[^>]+>/g, "").trim();
    expect((await page.locator("h1").first().textContent())?.trim()).toBe(title);

    // Removed offline (我的学习 was never opened in this profile: the offline page lists saved
    // packs too); the lesson needs the network again.
    await page.goto(`${env.site.url}me/`);
    await page.locator("offline-saved-list").getByRole("button", { name: /^删除“.+”的离线副本$/ }).click();
    await page.getByText(/已删除“.+”的离线副本/).waitFor();
    expect((await page.goto(env.site.url + lesson))?.status()).toBe(503);
    await context.close();
  });
});

describe("离线保存本情景模拟", () => {
  test("a saved scenario plays with no network, with the law it cites", async () => {
    const id = "drainage-ditch";
    const pack = JSON.parse(readFileSync(join(distDir(), "offline/packs", `scenario-${id}.json`), "utf8")) as PackList;
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(env.site.url, { waitUntil: "networkidle" });
    await swReady(page);
    await page.goto(`${env.site.url}scenarios/${id}/`, { waitUntil: "networkidle" });
    const save = page.locator("offline-save");
    await save.getByRole("button", { name: "离线保存本情景模拟" }).click();
    await save.getByRole("button", { name: "确认保存" }).click();
    await save.getByText(/已离线保存/).waitFor({ timeout: 30_000 });

    await context.setOffline(true);
    const law = pack.paths.find((p) => /^law\/[^/]+\/\d+\/$/.test(p))!;
    expect((await page.goto(env.site.url + law))?.status()).toBe(200);
    expect((await page.goto(`${env.site.url}scenarios/${id}/`))?.status()).toBe(200);
    // The player runs from the saved scripts: its first choices are there to press.
    await page.locator("case-simulation button").first().waitFor();
    await context.close();
  });
});

describe("updates", () => {
  test("a new deployment is offered with a visible prompt and applied only when accepted", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(env.site.url, { waitUntil: "networkidle" });
    await swReady(page);
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

  test("after a new deployment, 我的学习 brings a saved course up to date: a changed lesson is downloaded again", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(env.site.url, { waitUntil: "networkidle" });
    await swReady(page);
    await saveCourse(page);
    const lesson = course.lessons[0]!;
    const savedCopy = () =>
      page.evaluate(async ([name, url]) => (await (await caches.open(name!)).match(url!))?.text() ?? "", [`offline-pack:course:${course.id}`, env.site.url + lesson]);
    expect(await savedCopy()).not.toContain("deployment-2");

    // Deploy: the lesson changes, and so does its hash in the published pack list.
    const file = join(copy, lesson, "index.html");
    writeFileSync(file, readFileSync(file, "utf8").replace("</main>", '<p id="deployment-2">新版</p></main>'));
    const listFile = join(copy, "offline/packs", `course-${course.id}.json`);
    const list = JSON.parse(readFileSync(listFile, "utf8")) as PackList & { hashes: string[] };
    list.hashes[list.paths.indexOf(lesson)] = "0000000000000002";
    writeFileSync(listFile, JSON.stringify(list));

    await page.goto(`${env.site.url}me/`, { waitUntil: "networkidle" });
    await expect.poll(savedCopy, { timeout: 15_000 }).toContain("deployment-2");
    await context.close();
  });
});
