/**
 * Crawls every HTML file in dist/ and checks that each internal link and asset resolves
 * to a built file, and that each #fragment names an element on the target page.
 */
import { describe, expect, test } from "vitest";
import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { distDir } from "./support/dist.ts";

const dist = distDir();
const base = (process.env.BASE_PATH ?? "/").replace(/\/?$/, "/");

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "pagefind" ? [] : htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

const pages = htmlFiles(dist);
const idsCache = new Map<string, Set<string>>();
const idsOf = (file: string) => {
  if (!idsCache.has(file)) {
    const html = readFileSync(file, "utf8");
    idsCache.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
  }
  return idsCache.get(file)!;
};

/** Map a site URL path to the file that serves it, or undefined. */
function fileFor(pathname: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rest = decodeURIComponent(pathname.slice(base.length));
  const candidate = join(dist, rest);
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, "index.html");
  return existsSync(index) ? index : undefined;
}

describe("internal links in dist/", () => {
  test("the site has pages to crawl", () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  test.each(pages.map((p) => [relative(dist, p), p]))("%s has no broken internal link", (_name, file) => {
    const html = readFileSync(file, "utf8");
    const pageUrl = new URL(`http://site${base}${relative(dist, file).replace(/index\.html$/, "")}`);
    const broken: string[] = [];
    for (const match of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const raw = match[1].replace(/&amp;/g, "&");
      if (/^(?:[a-z]+:)/i.test(raw) && !raw.startsWith("http://site")) continue; // external, mailto:, data:
      const url = new URL(raw, pageUrl);
      if (url.host !== "site") continue;
      const target = url.pathname === pageUrl.pathname ? file : fileFor(url.pathname);
      if (!target) {
        broken.push(`${raw} (no file)`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith(".html") && !idsOf(target).has(fragment)) broken.push(`${raw} (no #${fragment})`);
    }
    expect(broken).toEqual([]);
  });
});
