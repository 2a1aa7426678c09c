/**
 * A township's roster of certified mediators, from the registry's current credentials:
 * masked name, village, level, number, valid until, status (expiring within 60 days
 * marked), counts per village, and the CSV a township office opens in a spreadsheet.
 * Pure; statuses are as of `now` (the build), and the page says so.
 */
import type { RegistryEntry } from "../cert/types.ts";
import type { Township } from "./schema.ts";
import { csvText } from "../csv.ts";

export const EXPIRING_DAYS = 60;

export type RosterStatus = "valid" | "expiring" | "expired" | "revoked" | "not-yet-valid";

export interface RosterRow {
  maskedName: string;
  village: string;
  /** The village's printed name, or its id when the township file lacks it. */
  villageName: string;
  level: string;
  number: string;
  /** YYYY-MM-DD, Beijing. */
  validUntil: string;
  status: RosterStatus;
  /** Whole days left while valid. */
  daysLeft: number;
}

export interface Roster {
  township: Township;
  rows: RosterRow[];
  /** Village id → name and number of certificate holders (valid or expiring), every village listed. */
  villages: { id: string; name: string; count: number }[];
  counts: Record<RosterStatus, number>;
}

const DAY = 86_400_000;
const beijing = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * `revoked(credentialId)` says whether the status list has the credential's bit set
 * (the page decodes the lists once; this stays free of crypto).
 */
export function buildRoster(township: Township, entries: readonly RegistryEntry[], revoked: (credentialId: string) => boolean, now: Date): Roster {
  const rows: RosterRow[] = [];
  for (const entry of entries) {
    const c = entry.credentials[entry.credentials.length - 1];
    if (!c || c.credentialSubject.township !== township.id) continue;
    const until = Date.parse(c.validUntil);
    const from = Date.parse(c.validFrom);
    const daysLeft = Math.max(0, Math.ceil((until - now.getTime()) / DAY));
    const status: RosterStatus = revoked(c.id)
      ? "revoked"
      : now.getTime() > until
        ? "expired"
        : now.getTime() < from
          ? "not-yet-valid"
          : daysLeft <= EXPIRING_DAYS
            ? "expiring"
            : "valid";
    const village = c.credentialSubject.village;
    rows.push({
      maskedName: c.credentialSubject.maskedName,
      village,
      villageName: Object.hasOwn(township.villages, village) ? township.villages[village] : village,
      level: c.credentialSubject.achievement.name,
      number: entry.number,
      validUntil: beijing(until),
      status,
      daysLeft: status === "valid" || status === "expiring" ? daysLeft : 0,
    });
  }
  rows.sort((a, b) => a.villageName.localeCompare(b.villageName, "zh-CN") || a.number.localeCompare(b.number));
  const counts: Record<RosterStatus, number> = { valid: 0, expiring: 0, expired: 0, revoked: 0, "not-yet-valid": 0 };
  for (const r of rows) counts[r.status]++;
  const holding = (id: string) => rows.filter((r) => r.village === id && (r.status === "valid" || r.status === "expiring")).length;
  const known = Object.entries(township.villages).map(([id, name]) => ({ id, name, count: holding(id) }));
  const unknown = [...new Set(rows.map((r) => r.village))].filter((id) => !Object.hasOwn(township.villages, id)).map((id) => ({ id, name: id, count: holding(id) }));
  return { township, rows, villages: [...known, ...unknown], counts };
}

/**
 * The roster as CSV (RFC 4180, CRLF) with a UTF-8 byte-order mark so that Excel on a
 * township computer opens the Chinese correctly. `header` and `statusText` are worded by i18n.
 */
export function rosterCsv(rows: readonly RosterRow[], header: readonly string[], statusText: (row: RosterRow) => string): string {
  const lines = [header, ...rows.map((r) => [r.maskedName, r.villageName, r.level, r.number, r.validUntil, statusText(r)])];
  return csvText(lines);
}
