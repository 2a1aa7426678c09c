/**
 * How a saved pack lives in the browser's Cache Storage: one cache per pack, named
 * `offline-pack:<kind>:<id>`, holding the pack's files and one record of what was saved
 * (title, page, size, when). Removing the cache frees all of it. The service worker looks
 * in every cache when the network fails, so saved pages open with no network.
 */
import { PACK_CACHE_PREFIX } from "./cache-name.ts";
import { PACK_KINDS, type PackKind } from "./packs.ts";

export { PACK_CACHE_PREFIX, packCacheName } from "./cache-name.ts";
/** Site path of the record kept inside each pack's cache (never a real file). */
export const PACK_RECORD_PATH = "offline/saved-pack.json";

/** The pack a cache holds, or undefined for any other cache (the precache, pages, assets…). */
export function parsePackCacheName(name: string): { kind: PackKind; id: string } | undefined {
  if (!name.startsWith(PACK_CACHE_PREFIX)) return undefined;
  const [kind, id, ...rest] = name.slice(PACK_CACHE_PREFIX.length).split(":");
  if (rest.length || !id || !(PACK_KINDS as readonly string[]).includes(kind!)) return undefined;
  return { kind: kind as PackKind, id };
}

export interface SavedPack {
  kind: PackKind;
  id: string;
  title: string;
  /** Site path of the pack's own page (the course or scenario). */
  page: string;
  /** Raw bytes saved (what the cache holds). */
  bytes: number;
  files: number;
  /** ISO date and time of saving. */
  savedAt: string;
  /** What was saved, with each file's content hash (packs saved before hashes have neither). */
  paths?: string[];
  hashes?: string[];
}

const SLUG_LIKE = /^[a-z0-9][a-z0-9-]{0,80}$/;

/**
 * The record read back from a cache, checked field by field: a damaged or foreign record
 * gives undefined (the list then shows the pack by its id), never a crash.
 */
export function parseSavedPack(value: unknown): SavedPack | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  if (!(PACK_KINDS as readonly unknown[]).includes(v.kind)) return undefined;
  if (typeof v.id !== "string" || !SLUG_LIKE.test(v.id)) return undefined;
  if (typeof v.title !== "string" || v.title.length > 200) return undefined;
  if (typeof v.page !== "string" || v.page.length > 300 || /^[a-z]+:|^\/\//i.test(v.page)) return undefined;
  const count = (n: unknown) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
  if (!count(v.bytes) || !count(v.files)) return undefined;
  if (typeof v.savedAt !== "string" || Number.isNaN(Date.parse(v.savedAt))) return undefined;
  const pack: SavedPack = { kind: v.kind as PackKind, id: v.id, title: v.title, page: v.page, bytes: v.bytes as number, files: v.files as number, savedAt: v.savedAt };
  if (v.paths === undefined && v.hashes === undefined) return pack;
  const paths = sitePaths(v.paths);
  const hashes = paths && fileHashes(v.hashes, paths.length);
  return paths && hashes ? { ...pack, paths, hashes } : undefined;
}

/** A list of site-relative paths as a pack holds them: 1 to 5,000 short relative paths. */
function sitePaths(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > 5000) return undefined;
  return value.every((p) => typeof p === "string" && p.length < 400 && !/^[a-z]+:|^\/|\.\.(?:\/|$)/i.test(p)) ? (value as string[]) : undefined;
}

/** One content hash (hex, or "" when unknown) per path. */
function fileHashes(value: unknown, count: number): string[] | undefined {
  if (!Array.isArray(value) || value.length !== count) return undefined;
  return value.every((h) => typeof h === "string" && /^[0-9a-f]{0,64}$/.test(h)) ? (value as string[]) : undefined;
}

/** Kilobytes to show for a size in bytes: whole KB, at least 1 for anything non-empty. */
export function kilobytes(bytes: number): number {
  if (!Number.isFinite(bytes) || bytes <= 0) return 0;
  return Math.max(1, Math.round(bytes / 1024));
}

/** Megabytes with one decimal, for the device's storage estimate. */
export function megabytes(bytes: number): number {
  if (!Number.isFinite(bytes) || bytes <= 0) return 0;
  return Math.round(bytes / 104857.6) / 10;
}

/** A pack's list as published at build time (`offline/packs/<kind>-<id>.json`), checked. */
export interface PublishedPack {
  kind: PackKind;
  id: string;
  paths: string[];
  /** Each path's content hash, same order (lists from builds before hashes have none). */
  hashes?: string[];
  bytes: number;
  gzip: number;
}

export function parsePublishedPack(value: unknown, kind: PackKind, id: string): PublishedPack | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  if (v.kind !== kind || v.id !== id) return undefined;
  const paths = sitePaths(v.paths);
  if (!paths) return undefined;
  const count = (n: unknown) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
  if (!count(v.bytes) || !count(v.gzip)) return undefined;
  const pack: PublishedPack = { kind, id, paths, bytes: v.bytes as number, gzip: v.gzip as number };
  if (v.hashes === undefined) return pack;
  const hashes = fileHashes(v.hashes, paths.length);
  return hashes ? { ...pack, hashes } : undefined;
}
