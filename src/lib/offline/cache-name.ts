/**
 * The name of the cache that holds one saved pack: `offline-pack:<kind>:<id>`. Its own
 * module, free of everything else, because a course page's start-up script checks it
 * (src/components/offline-save-loader.ts) and must stay a few hundred bytes.
 */
export const PACK_CACHE_PREFIX = "offline-pack:";

export const packCacheName = (kind: "course" | "scenario", id: string): string => `${PACK_CACHE_PREFIX}${kind}:${id}`;
