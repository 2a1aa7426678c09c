/**
 * Keeping a saved pack current after a new deployment. A pack list published by the build
 * names each file with a hash of its content (packs.ts, site-graph.ts); a saved pack's
 * record keeps the list it saved. Comparing the two says which files to download again
 * (new or changed) and which to drop (no longer in the pack), so an offline learner never
 * studies a stale lesson next to a new quiz. Where a hash is unknown on either side (a pack
 * saved before hashes, a list without them) the file counts as changed: fetching too much
 * is safe, keeping a stale file is not.
 */

export interface PackRevision {
  paths?: readonly string[];
  hashes?: readonly string[];
}

export interface PackChanges {
  /** Paths to download again, in the published order. */
  fetch: string[];
  /** Saved paths the published pack no longer holds. */
  remove: string[];
}

const byPath = (revision: PackRevision): Map<string, string> => {
  const out = new Map<string, string>();
  const { paths = [], hashes } = revision;
  const known = hashes !== undefined && hashes.length === paths.length;
  paths.forEach((path, i) => out.set(path, known ? hashes[i]! : ""));
  return out;
};

/** What a saved pack must download and drop to match the published one. */
export function packChanges(saved: PackRevision, published: PackRevision): PackChanges {
  const had = byPath(saved);
  const now = byPath(published);
  const fetch = [...now].filter(([path, hash]) => !hash || had.get(path) !== hash).map(([path]) => path);
  const remove = [...had.keys()].filter((path) => !now.has(path));
  return { fetch, remove };
}

/** Whether the saved pack differs from the published one at all. */
export const isStale = (changes: PackChanges): boolean => changes.fetch.length > 0 || changes.remove.length > 0;
