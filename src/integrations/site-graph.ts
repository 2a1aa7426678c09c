/**
 * Reads a built site (dist/) into the graph the offline rules work on (src/lib/offline):
 * each page, script, style and data file with its raw and gzip size and the same-site
 * paths it refers to. Node only; used after the build and by the bench.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { htmlReferences, isAssetPath, scriptImports } from "../lib/offline/links.ts";
import type { SiteFile, SiteGraph } from "../lib/offline/packs.ts";

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/**
 * `outDir` the built site, `base` "/" or "/academy/". Pages are keyed by their URL path
 * ("courses/basics/" for courses/basics/index.html); `skip` leaves folders out (the
 * pagefind index, the certificate registry: neither is ever precached or packed).
 */
export function readSiteGraph(outDir: string, base: string, skip: readonly string[] = ["pagefind/", "registry/"]): SiteGraph {
  const site = new Map<string, SiteFile>();
  for (const full of walk(outDir)) {
    const file = relative(outDir, full).split(sep).join("/");
    if (skip.some((s) => file.startsWith(s)) || file === "sw.js" || /^workbox-.*\.js$/.test(file)) continue;
    const isHtml = file.endsWith(".html");
    if (!isHtml && !isAssetPath(file)) continue;
    const body = readFileSync(full);
    const path = file === "index.html" ? "" : file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file;
    const text = isHtml || /\.m?js$/.test(file) ? body.toString("utf8") : "";
    const refs = isHtml ? htmlReferences(text, path, base) : text ? scriptImports(text, path, base) : [];
    site.set(path, { bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, refs });
  }
  return site;
}
