/**
 * What the service worker precaches, two ways:
 * - `precacheOfBuild`: the list written into sw.js (every scale: 1×, 10×, 50×), sized from
 *   the built files (raw and gzip level 9, each file on its own);
 * - `precacheInChromium`: what Chromium's Cache Storage really holds after a first visit
 *   to the home page (the service worker installed, nothing else opened): entries, and the
 *   bytes of their bodies, with gzip sized from the same files on disk.
 * Budget: ≤ 400 KB gzip at every scale (it must not grow with the curriculum).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium } from "../../test/browser/support/browser.ts";
import { serveDist } from "../../test/browser/support/static-server.ts";

export const PRECACHE_BUDGET_GZIP = 400 * 1024;

export interface PrecacheFigures {
  entries: number;
  bytes: number;
  gzip: number;
  /** Entries that are course, lesson, law, quiz, scenario, glossary or registry files: must be 0. */
  curriculumEntries: number;
}

const CURRICULUM = /^(?:courses|law|quizzes|scenarios|glossary|registry|pagefind|townships|certificates)\//;

/** The built file of a precache URL ("/academy/me/index.html" → "me/index.html"). */
function fileOf(url: string, base: string): string {
  const path = decodeURI(new URL(url, "https://site.invalid").pathname);
  if (!path.startsWith(base)) throw new Error(`sw.js precaches ${url}, outside the base path ${base}`);
  const file = path.slice(base.length);
  return file === "" || file.endsWith("/") ? `${file}index.html` : file;
}

function sizeFiles(outDir: string, files: readonly string[]): PrecacheFigures {
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const body = readFileSync(join(outDir, file));
    bytes += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { entries: files.length, bytes, gzip, curriculumEntries: files.filter((f) => CURRICULUM.test(f)).length };
}

/** The precache list workbox wrote into sw.js ({url:"…",revision:…} entries). */
export function precacheOfBuild(outDir: string, base: string): PrecacheFigures {
  const sw = readFileSync(join(outDir, "sw.js"), "utf8");
  const urls = [...sw.matchAll(/\{\s*"?url"?\s*:\s*"([^"]+)"\s*,\s*"?revision"?/g)].map((m) => m[1]!);
  if (!urls.length) throw new Error("sw.js has no precache list: is it a workbox service worker?");
  return sizeFiles(outDir, [...new Set(urls.map((u) => fileOf(u, base)))]);
}

/** Cache Storage after one visit to the home page, in Chromium. */
export async function precacheInChromium(outDir: string, base: string): Promise<PrecacheFigures & { caches: string[] }> {
  const site = await serveDist(outDir, base);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url, { waitUntil: "networkidle" });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const held = await page.evaluate(async () => {
      const out: { cache: string; url: string; bytes: number }[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const body = await (await cache.match(request))!.arrayBuffer();
          out.push({ cache: name, url: request.url, bytes: body.byteLength });
        }
      }
      return out;
    });
    const files = held.map((h) => fileOf(h.url, base)).filter((f) => existsSync(join(outDir, f)));
    const sized = sizeFiles(outDir, files);
    return { ...sized, entries: held.length, bytes: held.reduce((a, h) => a + h.bytes, 0), caches: [...new Set(held.map((h) => h.cache))] };
  } finally {
    await browser.close();
    await site.close();
  }
}
