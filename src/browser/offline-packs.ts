/**
 * Saving a course or scenario for offline use, in the browser's Cache Storage (one cache
 * per pack; naming and record format in src/lib/offline/saved.ts). Browser glue only: the
 * rules (which files, what a record must hold) live in src/lib/offline/.
 */
import type { PackKind } from "../lib/offline/packs.ts";
import { PACK_RECORD_PATH, packCacheName, parsePackCacheName, parsePublishedPack, parseSavedPack, type PublishedPack, type SavedPack } from "../lib/offline/saved.ts";
import { packPath } from "../lib/offline/packs.ts";
import { isStale, packChanges } from "../lib/offline/refresh.ts";

/** Cache Storage exists (it does not in some in-app browsers and on plain http). */
export const canSaveOffline = (): boolean => typeof caches !== "undefined" && typeof fetch === "function";

const absolute = (base: string, path: string) => new URL(base + path, location.href).href;

/** The published list of a pack's files; "network" when it cannot be fetched, "invalid" when it is not a pack list. */
export async function publishedPack(base: string, kind: PackKind, id: string): Promise<PublishedPack | "network" | "invalid"> {
  let response: Response;
  try {
    response = await fetch(absolute(base, packPath(kind, id)), { cache: "no-cache" });
  } catch {
    return "network";
  }
  if (!response.ok) return "invalid";
  try {
    return parsePublishedPack(await response.json(), kind, id) ?? "invalid";
  } catch {
    return "invalid";
  }
}

/** The record of a saved pack, or undefined when it is not saved. */
export async function savedPack(base: string, kind: PackKind, id: string): Promise<SavedPack | undefined> {
  const name = packCacheName(kind, id);
  if (!(await caches.has(name))) return undefined;
  const cache = await caches.open(name);
  const hit = await cache.match(absolute(base, PACK_RECORD_PATH));
  try {
    return hit ? parseSavedPack(await hit.json()) : undefined;
  } catch {
    return undefined;
  }
}

export class SaveError extends Error {
  constructor(readonly reason: "network" | "quota") {
    super(reason);
  }
}

/** Fetches `paths` into `cache` (three at a time), reporting progress; a SaveError says why one failed. */
async function fetchInto(cache: Cache, base: string, paths: readonly string[], onProgress: (done: number, total: number) => void): Promise<void> {
  const queue = [...paths];
  let done = 0;
  onProgress(0, paths.length);
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const url = absolute(base, path);
      let response: Response;
      try {
        response = await fetch(url, { cache: "no-cache" });
      } catch {
        throw new SaveError("network");
      }
      if (!response.ok) throw new SaveError("network");
      try {
        await cache.put(url, response);
      } catch (error) {
        throw new SaveError(error instanceof DOMException && error.name === "QuotaExceededError" ? "quota" : "network");
      }
      onProgress(++done, paths.length);
    }
  };
  try {
    await Promise.all([worker(), worker(), worker()]);
  } catch (error) {
    queue.length = 0;
    throw error instanceof SaveError ? error : new SaveError("network");
  }
}

/** The record kept with a pack: what it holds now (the list and hashes of `pack`). */
const recordOf = (pack: PublishedPack, meta: { title: string; page: string }, savedAt: string): SavedPack => ({
  kind: pack.kind,
  id: pack.id,
  title: meta.title,
  page: meta.page,
  bytes: pack.bytes,
  files: pack.paths.length,
  savedAt,
  paths: pack.paths,
  ...(pack.hashes ? { hashes: pack.hashes } : {}),
});

const writeRecord = (cache: Cache, base: string, record: SavedPack) =>
  cache.put(absolute(base, PACK_RECORD_PATH), new Response(JSON.stringify(record), { headers: { "content-type": "application/json" } }));

/**
 * Fetches every file of the pack into its own cache, reporting progress.
 * All or nothing: on any failure the cache is deleted and a SaveError says why.
 */
export async function savePackOffline(
  base: string,
  pack: PublishedPack,
  meta: { title: string; page: string },
  onProgress: (done: number, total: number) => void,
): Promise<SavedPack> {
  const name = packCacheName(pack.kind, pack.id);
  const cache = await caches.open(name);
  try {
    await fetchInto(cache, base, pack.paths, onProgress);
    const record = recordOf(pack, meta, new Date().toISOString());
    await writeRecord(cache, base, record);
    // Ask the browser not to evict saved courses under storage pressure (no prompt in Chromium).
    void navigator.storage?.persist?.().catch(() => false);
    return record;
  } catch (error) {
    await caches.delete(name);
    throw error instanceof SaveError ? error : new SaveError("network");
  }
}

/**
 * Brings a saved pack up to date with the published list (after a new deployment): the
 * files that are new or changed are downloaded again, those no longer in the pack dropped,
 * and the record rewritten. "current" when nothing changed; "unavailable" when the list
 * cannot be read (offline) or the pack is not saved. On a failed download the old record
 * stays, so the next check downloads the changed files again; the pack keeps working.
 */
export async function refreshSavedPack(base: string, kind: PackKind, id: string): Promise<"current" | "refreshed" | "unavailable"> {
  const record = await savedPack(base, kind, id);
  if (!record) return "unavailable";
  const published = await publishedPack(base, kind, id);
  if (typeof published === "string") return "unavailable";
  const changes = packChanges(record, published);
  if (!isStale(changes)) return "current";
  const cache = await caches.open(packCacheName(kind, id));
  try {
    await fetchInto(cache, base, changes.fetch, () => {});
  } catch {
    return "unavailable";
  }
  for (const path of changes.remove) await cache.delete(absolute(base, path));
  await writeRecord(cache, base, recordOf(published, record, record.savedAt));
  return "refreshed";
}

/** Refreshes every saved pack (one after another); the packs that were brought up to date. */
export async function refreshSavedPacks(base: string): Promise<Array<{ kind: PackKind; id: string }>> {
  const refreshed: Array<{ kind: PackKind; id: string }> = [];
  for (const { kind, id } of await listSavedPacks(base)) {
    if ((await refreshSavedPack(base, kind, id).catch(() => "unavailable")) === "refreshed") refreshed.push({ kind, id });
  }
  return refreshed;
}

/** Every saved pack, in saving order; a pack whose record is damaged is listed by its id. */
export async function listSavedPacks(base: string): Promise<Array<{ kind: PackKind; id: string; record?: SavedPack }>> {
  const out: Array<{ kind: PackKind; id: string; record?: SavedPack }> = [];
  for (const name of await caches.keys()) {
    const pack = parsePackCacheName(name);
    if (pack) out.push({ ...pack, record: await savedPack(base, pack.kind, pack.id) });
  }
  return out.sort((a, b) => (a.record?.savedAt ?? "").localeCompare(b.record?.savedAt ?? ""));
}

/** Removes a saved pack and everything it holds. */
export const removeSavedPack = (kind: PackKind, id: string): Promise<boolean> => caches.delete(packCacheName(kind, id));

/** The browser's storage estimate for this site, or undefined where it has none. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | undefined> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    if (!estimate || typeof estimate.usage !== "number" || typeof estimate.quota !== "number") return undefined;
    return { usage: estimate.usage, quota: estimate.quota };
  } catch {
    return undefined;
  }
}
