/**
 * Fetches and loads the serialised law-and-terms look-up once per page, however many
 * <law-lookup> boxes it has (the law library; the player's 查法条 panel). lunr is imported
 * only here, and only when a search starts.
 */
import type { Lookup, SerialisedLookup } from "../lib/search/lookup-index.ts";

const loaded = new Map<string, Promise<Lookup>>();

export function loadLookup(src: string): Promise<Lookup> {
  let lookup = loaded.get(src);
  if (!lookup) {
    lookup = (async () => {
      const [{ Lookup }, response] = await Promise.all([import("../lib/search/lookup-index.ts"), fetch(src)]);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return new Lookup((await response.json()) as SerialisedLookup);
    })();
    // A failed load is forgotten, so the next keystroke can try again.
    lookup.catch(() => loaded.delete(src));
    loaded.set(src, lookup);
  }
  return lookup;
}
