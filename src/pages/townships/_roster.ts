/** Build-time roster data for the township pages and their CSV (rules in src/lib/townships/roster.ts). */
import { getCollection } from "astro:content";
import { buildRoster, type Roster } from "../../lib/townships/roster.ts";
import { revokedIds, siteRegistry } from "../registry/_published.ts";

let cached: Promise<Roster[]> | undefined;

export function rosters(): Promise<Roster[]> {
  cached ??= (async () => {
    const revoked = revokedIds();
    const { entries } = siteRegistry();
    const now = new Date();
    // Group once by the current credential's township: townships × certificates is minutes at a province's scale.
    const byTownship = new Map<string, typeof entries[number][]>();
    for (const e of entries) {
      const township = e.credentials.at(-1)?.credentialSubject.township ?? "";
      const list = byTownship.get(township);
      if (list) list.push(e);
      else byTownship.set(township, [e]);
    }
    return (await getCollection("townships")).map((t) => buildRoster({ id: t.id, ...t.data }, byTownship.get(t.id) ?? [], (id) => revoked.has(id), now));
  })();
  return cached;
}
