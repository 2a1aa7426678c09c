/**
 * The JavaScript a page really downloads once it has started, measured in Chromium: the
 * static graph that page-weight.ts follows PLUS the chunks loaded by dynamic import()
 * at start-up. For a learner that is most of what matters: lesson, quiz and scenario
 * pages load the progress store as soon as a learner is chosen on the device. So each
 * page is opened with a learner profile (created through 我的学习, as a volunteer does),
 * service workers blocked (their precache would fetch every asset), and every .js
 * response is gzipped on its own (level 9, as page-weight.ts does).
 */
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { launchChromium } from "../../test/browser/support/browser.ts";
import { createLearnerOnMe } from "../../test/browser/support/learner.ts";
import { serveDist } from "../../test/browser/support/static-server.ts";

export interface LoadedJs {
  page: string;
  gzip: number;
  files: number;
}

/** Pages given as build-output paths (`quizzes/x/index.html`); base is the site's base path. */
export async function loadedJs(outDir: string, base: string, pages: readonly string[]): Promise<LoadedJs[]> {
  const site = await serveDist(outDir, base);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const setup = await context.newPage();
    await createLearner(setup, site.url);
    await setup.close();
    const results: LoadedJs[] = [];
    for (const page of pages) {
      const tab = await context.newPage();
      const bodies: Promise<number>[] = [];
      tab.on("response", (response) => {
        if (!new URL(response.url()).pathname.endsWith(".js")) return;
        bodies.push(response.body().then((body) => gzipSync(body, { level: 9 }).length, () => 0));
      });
      await tab.goto(site.url + page.replace(/(^|\/)index\.html$/, "$1"), { waitUntil: "networkidle" });
      // Components load the store after their first render; give them a moment past idle.
      await tab.waitForTimeout(300);
      await tab.waitForLoadState("networkidle");
      const sizes = await Promise.all(bodies);
      results.push({ page, gzip: sizes.reduce((a, b) => a + b, 0), files: sizes.length });
      await tab.close();
    }
    return results;
  } finally {
    await browser.close();
    await site.close();
  }
}

async function createLearner(page: Page, siteUrl: string) {
  await page.goto(siteUrl + "me/", { waitUntil: "networkidle" });
  await createLearnerOnMe(page, "测试学员");
}
