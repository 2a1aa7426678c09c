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
    return (await getCollection("townships")).map((t) => buildRoster({ id: t.id, ...t.data }, entries, (id) => revoked.has(id), now));
  })();
  return cached;
}
