/**
 * Which files the service worker precaches (the app shell) and which files "离线保存"
 * saves for one course or scenario (a pack). Pure rules over a graph of the built site:
 * each file with its sizes and the same-site paths it refers to (see links.ts).
 *
 * - The shell is the home page and the offline page, with every file they load (scripts
 *   and what they import, styles), plus the icon and the web manifest. It does not grow
 *   with the curriculum: no course, lesson, law, quiz, scenario or registry page, and not
 *   我的学习 either (it carries the outline of every course, so it grows; it is kept when
 *   first opened, like any page, and the offline page lists saved packs too).
 * - A course pack is every page under `courses/<id>/` (the course and its lessons), the
 *   quizzes those pages link to with their item files, the law provision pages the course,
 *   its lessons and its quizzes link to, and every file those pages load.
 * - A scenario pack is `scenarios/<id>/`, the provision pages it links to, the look-up index
 *   its law notes read, and every file they load (among them its data.json, which the page
 *   links as the player's `src`).
 */
import { isAssetPath } from "./links.ts";

export interface SiteFile {
  /** Raw bytes on disk (what the browser's cache keeps). */
  bytes: number;
  /** Bytes gzip-compressed (about what the network carries). */
  gzip: number;
  /** Same-site paths this file refers to (pages it links to, files it loads or imports). */
  refs: readonly string[];
  /** A hash of the content (site-graph.ts), so a saved pack can tell which files changed. */
  hash?: string;
}

/** The built site: site path ("courses/basics/", "_astro/x.js") → file. */
export type SiteGraph = ReadonlyMap<string, SiteFile>;

export type PackKind = "course" | "scenario";
export const PACK_KINDS: readonly PackKind[] = ["course", "scenario"];

export interface Pack {
  kind: PackKind;
  id: string;
  /** Site paths to save, pages first (the pack's own page first), then the files they load. */
  paths: string[];
  /** The content hash of each path, in the same order ("" where the graph has none). */
  hashes: string[];
  bytes: number;
  gzip: number;
}

/** The pages the shell always holds (site paths). */
export const SHELL_PAGES: readonly string[] = ["", "offline/"];
/** Files every page loads by name rather than from a script (icon, manifest). */
export const SHELL_FILES: readonly string[] = ["favicon.svg", "manifest.webmanifest"];
/** The look-up index a scenario's law notes read (`lookup-src`). */
export const LOOKUP_INDEX = "search/lookup.json";

const PROVISION = /^law\/[^/]+\/\d+\/$/;
const QUIZ = /^quizzes\/[^/]+\/$/;
const QUIZ_ITEM = /^quizzes\/[^/]+\/items\/[^/]+\.json$/;

/** Every asset the given pages need: what they load, and what that imports, transitively. */
function assetsOf(pages: Iterable<string>, site: SiteGraph): string[] {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const page of pages) for (const ref of site.get(page)?.refs ?? []) if (isAssetPath(ref)) queue.push(ref);
  while (queue.length) {
    const path = queue.pop()!;
    if (seen.has(path) || !site.has(path)) continue;
    seen.add(path);
    for (const ref of site.get(path)!.refs) if (isAssetPath(ref) && !seen.has(ref)) queue.push(ref);
  }
  return [...seen].sort();
}

const linked = (pages: Iterable<string>, site: SiteGraph, pattern: RegExp): string[] => {
  const out = new Set<string>();
  for (const page of pages) for (const ref of site.get(page)?.refs ?? []) if (pattern.test(ref) && site.has(ref)) out.add(ref);
  return [...out].sort();
};

function sized(kind: PackKind, id: string, pages: string[], extra: string[], site: SiteGraph): Pack {
  const paths = [...new Set([...pages, ...extra.filter((p) => site.has(p)), ...assetsOf(pages, site)])];
  let bytes = 0;
  let gzip = 0;
  for (const path of paths) {
    bytes += site.get(path)!.bytes;
    gzip += site.get(path)!.gzip;
  }
  return { kind, id, paths, hashes: paths.map((path) => site.get(path)!.hash ?? ""), bytes, gzip };
}

/**
 * The item files of the given quiz pages (`quizzes/<id>/items/<item>.json`): a quiz page
 * names its items by id only and its runner fetches the drawn ones (src/lib/quiz/page-data.ts).
 */
function quizItemFiles(quizzes: readonly string[], site: SiteGraph): string[] {
  const folders = new Set(quizzes.map((quiz) => `${quiz}items/`));
  return [...site.keys()].filter((path) => QUIZ_ITEM.test(path) && folders.has(path.slice(0, path.lastIndexOf("/") + 1))).sort();
}

/** The app shell, as a pack-shaped list (kind and id are not used). */
export function shellPaths(site: SiteGraph): { paths: string[]; bytes: number; gzip: number } {
  const pages = SHELL_PAGES.filter((p) => site.has(p));
  const { paths, bytes, gzip } = sized("course", "", pages, [...SHELL_FILES], site);
  return { paths, bytes, gzip };
}

/** A course's pack, or undefined when the site has no page `courses/<id>/`. */
export function coursePack(id: string, site: SiteGraph): Pack | undefined {
  const root = `courses/${id}/`;
  if (!site.has(root)) return undefined;
  const own = [...site.keys()].filter((p) => p !== root && p.startsWith(root) && !isAssetPath(p)).sort();
  const pages = [root, ...own];
  const quizzes = linked(pages, site, QUIZ);
  const law = linked([...pages, ...quizzes], site, PROVISION);
  return sized("course", id, [...pages, ...quizzes, ...law], quizItemFiles(quizzes, site), site);
}

/** A scenario's pack, or undefined when the site has no page `scenarios/<id>/`. */
export function scenarioPack(id: string, site: SiteGraph): Pack | undefined {
  const root = `scenarios/${id}/`;
  if (!site.has(root)) return undefined;
  const law = linked([root], site, PROVISION);
  return sized("scenario", id, [root, ...law], [LOOKUP_INDEX], site);
}

/** The ids of every course and scenario that has a page (`courses/<id>/`, `scenarios/<id>/`). */
export function packIds(site: SiteGraph): Record<PackKind, string[]> {
  const ids: Record<PackKind, string[]> = { course: [], scenario: [] };
  for (const path of site.keys()) {
    const m = /^(courses|scenarios)\/([^/]+)\/$/.exec(path);
    if (m) ids[m[1] === "courses" ? "course" : "scenario"].push(m[2]!);
  }
  ids.course.sort();
  ids.scenario.sort();
  return ids;
}

/** Where a pack's list is published, site-relative. */
export const packPath = (kind: PackKind, id: string) => `offline/packs/${kind}-${id}.json`;
