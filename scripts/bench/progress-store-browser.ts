/**
 * The progress store timed in Chromium's real IndexedDB, through the site's own built
 * store chunk (the code learners run), for the same heavy learner as progress-store.ts:
 * import the 2,000-attempt record, then time appending one attempt, reading the overview
 * and reading the full record, each median of several runs. fake-indexeddb in Node is a
 * different engine; this is the figure a township computer's browser sees (on this
 * machine's CPU).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "../../test/browser/support/browser.ts";
import { serveDist } from "../../test/browser/support/static-server.ts";
import type { ProgressRecord, QuizAttempt } from "../../src/lib/progress/schema.ts";

export interface BrowserStoreTimes {
  append: number[];
  overview: number[];
  read: number[];
}

export async function browserStoreTimes(outDir: string, base: string, record: ProgressRecord, extra: QuizAttempt[]): Promise<BrowserStoreTimes> {
  const chunk = readdirSync(join(outDir, "_astro")).find((f) => /^progress-client\.[\w-]+\.js$/.test(f));
  if (!chunk) throw new Error("no progress-client chunk in the build's _astro/ folder");
  const site = await serveDist(outDir, base);
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ serviceWorkers: "block" })).newPage();
    await page.goto(site.url + "404.html");
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in a
    // __name() helper; the function below runs in the page, where that helper must exist.
    await page.evaluate("globalThis.__name = (fn) => fn");
    return await page.evaluate(
      // Plain JSON across the page boundary: typed loosely here, the store checks it.
      async ({ url, record, extra }: { url: string; record: { learner: { id: string } }; extra: unknown[] }) => {
        const mod: Record<string, unknown> = await import(url);
        // Vite names a shared chunk's exports freely; the module namespace object it exports still says progressClient.
        const ns = Object.values(mod).find((v): v is { progressClient: () => Promise<{ store: any }> } => typeof v === "object" && v !== null && "progressClient" in v);
        if (!ns) throw new Error("progressClient not found in the chunk");
        const { store } = await ns.progressClient();
        await store.importRecord(record);
        const learner = record.learner.id;
        const time = async (runs: number, op: (i: number) => Promise<unknown>) => {
          await op(-1);
          const out: number[] = [];
          for (let i = 0; i < runs; i++) {
            const t = performance.now();
            await op(i);
            out.push(performance.now() - t);
          }
          return out;
        };
        let n = 0;
        return {
          append: await time(extra.length - 1, () => store.appendAttempt(learner, extra[n++])),
          overview: await time(50, () => store.readOverview(learner)),
          read: await time(10, () => store.readRecord(learner)),
        };
      },
      { url: `${site.url}_astro/${chunk}`, record: record as { learner: { id: string } }, extra: extra as unknown[] },
    );
  } finally {
    await browser.close();
    await site.close();
  }
}
