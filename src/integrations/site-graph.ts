/**
 * Reads a built site (dist/) into the graph the offline rules work on (src/lib/offline):
 * each page, script, style and data file with its raw and gzip size, a hash of its content
 * and the same-site paths it refers to. Node only; used after the build.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { createHash } from "node:crypto";
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
 * What the shell and the packs can hold (src/lib/offline/packs.ts): the shell pages, the
 * course, quiz, law and scenario pages, the quizzes' item files, the scenarios' data, the look-up index, scripts, styles, icon and
 * manifest. Everything else (trainers' pages, the registry, pagefind's index…) is left
 * out, so reading the graph stays quick at 50× the curriculum.
 */
const PACKABLE = /^(?:index\.html|offline\/index\.html|(?:courses|quizzes|law|scenarios)\/.*\.html|quizzes\/[^/]+\/items\/[^/]+\.json|scenarios\/[^/]+\/data\.json|search\/lookup\.json|_astro\/.*|favicon\.svg|manifest\.webmanifest)$/;

/**
 * `outDir` the built site, `base` "/" or "/academy/". Pages are keyed by their URL path
 * ("courses/basics/" for courses/basics/index.html). Sizes: raw, and gzip at level 6 (what
 * a web server typically sends).
 */
/** A file's revision: the first 16 hex digits of its SHA-256 (saved packs compare them). */
export const contentHash = (body: Uint8Array): string => createHash("sha256").update(body).digest("hex").slice(0, 16);

export function readSiteGraph(outDir: string, base: string): SiteGraph {
  const site = new Map<string, SiteFile>();
  for (const full of walk(outDir)) {
    const file = relative(outDir, full).split(sep).join("/");
    if (!PACKABLE.test(file)) continue;
    const isHtml = file.endsWith(".html");
    if (!isHtml && !isAssetPath(file)) continue;
    const body = readFileSync(full);
    const path = file === "index.html" ? "" : file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file;
    const text = isHtml || /\.m?js$/.test(file) ? body.toString("utf8") : "";
    const refs = isHtml ? htmlReferences(text, path, base) : text ? scriptImports(text, path, base) : [];
    site.set(path, { bytes: body.length, gzip: gzipSync(body, { level: 6 }).length, refs, hash: contentHash(body) });
  }
  return site;
}
