/**
 * What one built page makes the browser download: the HTML document, its stylesheets
 * and its scripts, following static ES module imports so shared chunks (lit) count.
 * Images are excluded. Dynamic import() chunks are not followed here: which of them load
 * depends on the page's state, so loaded-js.ts measures them in Chromium instead.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { gzipSync } from "node:zlib";

export interface Size {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  /** Path inside the build output, e.g. `courses/basics/principles/index.html`. */
  page: string;
  /** The document without the bodies of its inline <style> and <script>, which count as CSS and JS. */
  html: Size;
  css: Size;
  js: Size;
  total: Size;
  /** Files the page loads besides itself, relative to the output folder. */
  assets: string[];
  /**
   * JS gzip bytes Chromium downloaded for the page with a learner chosen, dynamic imports
   * at start-up included (loaded-js.ts); measured for budgeted page types only.
   */
  jsLoaded?: number;
}

const size = (data: string | Buffer): Size => ({ raw: Buffer.byteLength(data), gzip: gzipSync(data, { level: 9 }).length });
const sum = (sizes: Size[]): Size => sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });

/** Every HTML page in a build output, as forward-slash paths relative to it. */
export const listPages = (outDir: string): string[] =>
  readdirSync(outDir, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".html"))
    .map((path) => path.split(sep).join("/"))
    .sort();

/**
 * Measures pages of one build. `base` is the site's base path (BASE_PATH), which prefixes
 * every URL in the HTML. Each file is gzipped on its own, as it is served; inline CSS and
 * JS are gzipped apart from the document, which slightly overstates them (safe for a budget).
 */
export function pageWeigher(outDir: string, base: string): (page: string) => PageWeight {
  const origin = "http://site.invalid";
  const fileSizes = new Map<string, Size>();
  const sizeOf = (file: string): Size => {
    const known = fileSizes.get(file);
    if (known) return known;
    const measured = size(readFileSync(join(outDir, file)));
    fileSizes.set(file, measured);
    return measured;
  };

  /** The built file a URL points at; fails loudly rather than silently undercounting. */
  const fileOf = (url: URL, page: string): string => {
    const where = `${page} loads ${url.href.replace(origin, "")}`;
    if (url.origin !== origin) throw new Error(`${where} from another site; the bench can only size files in the build`);
    if (!url.pathname.startsWith(base)) throw new Error(`${where}, which is outside the base path ${base}`);
    const file = decodeURIComponent(url.pathname.slice(base.length));
    if (!existsSync(join(outDir, file))) throw new Error(`${where}, which is not in the build output`);
    return file;
  };

  return (page) => {
    const parts = splitPage(readFileSync(join(outDir, page), "utf8"));
    const pageUrl = new URL(base + page.replace(/(^|\/)index\.html$/, "$1"), origin);

    const css = new Set(parts.stylesheets.map((href) => fileOf(new URL(href, pageUrl), page)));
    const js = new Set<string>();
    const queue = [...parts.scripts, ...staticImports(parts.inlineJs)].map((src) => new URL(src, pageUrl));
    while (queue.length) {
      const url = queue.pop()!;
      const file = fileOf(url, page);
      if (js.has(file)) continue; // Shared chunks (lit) are downloaded once per page.
      js.add(file);
      queue.push(...staticImports(readFileSync(join(outDir, file), "utf8")).map((spec) => new URL(spec, url)));
    }

    const inline = (text: string) => (text ? [size(text)] : []);
    const weight = {
      html: size(parts.html),
      css: sum([...inline(parts.inlineCss), ...[...css].map(sizeOf)]),
      js: sum([...inline(parts.inlineJs), ...[...js].map(sizeOf)]),
    };
    return { page, ...weight, total: sum(Object.values(weight)), assets: [...css, ...js].sort() };
  };
}

interface PageParts {
  /** The document with inline style and script bodies removed. */
  html: string;
  inlineCss: string;
  inlineJs: string;
  stylesheets: string[];
  scripts: string[];
}

/** Script types the browser runs; others (application/ld+json…) are data and stay in the HTML. */
const jsTypes = new Set(["", "module", "text/javascript", "application/javascript"]);

/** Regex-based: enough for Astro's own output, not for arbitrary HTML. */
export function splitPage(html: string): PageParts {
  const parts = { inlineCss: "", inlineJs: "", stylesheets: [] as string[], scripts: [] as string[] };
  // Scripts first: their bodies are raw text and may contain "<style" or "<link".
  let rest = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi, (whole, attrText: string, body: string) => {
    const attrs = attributes(attrText);
    if (!jsTypes.has((attrs.get("type") ?? "").toLowerCase())) return whole;
    const src = attrs.get("src");
    if (src !== undefined) {
      parts.scripts.push(src);
      return whole;
    }
    parts.inlineJs += body;
    return `<script${attrText}></script>`;
  });
  rest = rest.replace(/<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi, (_, attrText: string, body: string) => {
    parts.inlineCss += body;
    return `<style${attrText}></style>`;
  });
  for (const [, attrText] of rest.replace(/<!--[\s\S]*?-->/g, "").matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = attributes(attrText ?? "");
    const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    const href = attrs.get("href");
    if (!href) continue;
    if (rel.includes("stylesheet")) parts.stylesheets.push(href);
    if (rel.includes("modulepreload")) parts.scripts.push(href); // Fetched up front, like a script.
  }
  return { html: rest, ...parts };
}

function attributes(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of text.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attrs.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

/**
 * Relative specifiers of static `import … from "./x.js"`, `import "./x.js"` and
 * `export … from "./x.js"` in (minified) JS. Bare specifiers cannot load in a browser
 * without an import map, so they are ignored.
 */
export function staticImports(js: string): string[] {
  const found = js.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+)["']/g);
  return [...found].map((m) => m[1]!).filter((spec) => /^(\.{1,2})?\//.test(spec));
}
