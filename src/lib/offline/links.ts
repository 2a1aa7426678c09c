/**
 * What a built file needs from the same site: the pages an HTML page links to and the
 * files it loads, and the modules a script imports. Paths are site-relative ("courses/basics/",
 * "_astro/lit-element.X.js"): no base path, no query, no fragment. Used at build time to
 * decide what the service worker precaches and what "离线保存" saves.
 */

/** Any origin works: only same-site paths are kept, and absolute URLs elsewhere are dropped. */
const ORIGIN = "https://site.invalid";

/** `base` "/" or "/academy/" (with both slashes). */
function sitePath(raw: string, from: string, base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.replace(/&amp;/g, "&"), `${ORIGIN}${base}${from}`);
  } catch {
    return undefined;
  }
  if (url.origin !== ORIGIN || !url.pathname.startsWith(base)) return undefined;
  let path: string;
  try {
    path = decodeURI(url.pathname.slice(base.length));
  } catch {
    return undefined;
  }
  return path;
}

/** A file the browser loads, not a page it navigates to. */
export const isAssetPath = (path: string): boolean => /\.(?:js|mjs|css|json|svg|png|webp|ico|webmanifest|woff2?)$/.test(path);

/** A page: a directory URL (served from its index.html) or an .html file. */
export const isPagePath = (path: string): boolean => path === "" || path.endsWith("/") || path.endsWith(".html");

/**
 * Same-site paths an HTML page refers to with `href` or `src`, sorted, without duplicates.
 * `pagePath` is the page's own site path (links are resolved against it).
 */
export function htmlReferences(html: string, pagePath: string, base: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const raw = (match[1] ?? match[2] ?? "").trim();
    if (!raw || raw.startsWith("#") || /^(?:mailto|tel|javascript|data):/i.test(raw)) continue;
    const path = sitePath(raw, pagePath, base);
    if (path !== undefined && (isPagePath(path) || isAssetPath(path))) found.add(path);
  }
  return [...found].sort();
}

/**
 * Modules and styles a built script imports: static `import … from "./x.js"`, side-effect
 * `import "./x.js"`, dynamic `import("./x.js")` (relative to the script), and the file lists
 * Vite's preload helper keeps (`"_astro/x.js"`, relative to the base).
 */
export function scriptImports(js: string, scriptPath: string, base: string, assetsDir = "_astro/"): string[] {
  const found = new Set<string>();
  for (const match of js.matchAll(/["'`](\.{1,2}\/[^"'`\s]+?\.(?:m?js|css))["'`]/g)) {
    const path = sitePath(match[1]!, scriptPath, base);
    if (path !== undefined) found.add(path);
  }
  const escaped = assetsDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const match of js.matchAll(new RegExp(`["'\`](${escaped}[^"'\`\\s]+?\\.(?:m?js|css))["'\`]`, "g"))) {
    found.add(match[1]!);
  }
  found.delete(scriptPath);
  return [...found].sort();
}
