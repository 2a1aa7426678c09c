/**
 * Roster rows: sorted by village name then number whatever order the registry lists them
 * in; a certificate is valid from the very moment it starts to the very moment it ends;
 * days left are given only while a certificate is valid.
 */
import { expect, it } from "vitest";
import type { RegistryEntry } from "../../../src/lib/cert/types.ts";
import { buildRoster } from "../../../src/lib/townships/roster.ts";

const township = { id: "xiping-zhen", name: "西坪镇", county: "清溪县", villages: { dongcun: "东村", xicun: "西村" } };
const FROM = "2026-01-01T00:00:00+08:00";
const UNTIL = "2027-06-30T23:59:59+08:00";

function entry(number: string, village: string): RegistryEntry {
  const credentialSubject = { township: "xiping-zhen", village, maskedName: "张*明", achievement: { name: "人民调解员岗前培训合格" } };
  return { number, credentials: [{ id: `id-${number}`, validFrom: FROM, validUntil: UNTIL, credentialSubject }] } as unknown as RegistryEntry;
}

it("sorts by village name, then number, whatever the registry's order", () => {
  const entries = [entry("QX-2026-000003", "xicun"), entry("QX-2026-000002", "dongcun"), entry("QX-2026-000001", "xicun"), entry("QX-2026-000004", "dongcun")];
  const rows = buildRoster(township, entries, () => false, new Date("2026-06-01T00:00:00Z")).rows;
  expect(rows.map((r) => r.number)).toEqual(["QX-2026-000002", "QX-2026-000004", "QX-2026-000001", "QX-2026-000003"]);
});

it("is valid at the first and the last moment of its term", () => {
  const statusAt = (iso: string) => buildRoster(township, [entry("QX-2026-000001", "dongcun")], () => false, new Date(iso)).rows[0]!.status;
  expect(statusAt(new Date(Date.parse(FROM)).toISOString())).toBe("valid");
  expect(statusAt(new Date(Date.parse(UNTIL)).toISOString())).toBe("expiring");
  expect(statusAt(new Date(Date.parse(UNTIL) + 1000).toISOString())).toBe("expired");
});

it("gives no days left to a revoked or not yet valid certificate", () => {
  const revoked = buildRoster(township, [entry("QX-2026-000001", "dongcun")], () => true, new Date("2026-06-01T00:00:00Z")).rows[0]!;
  expect(revoked).toMatchObject({ status: "revoked", daysLeft: 0 });
  const early = buildRoster(township, [entry("QX-2026-000001", "dongcun")], () => false, new Date("2025-06-01T00:00:00Z")).rows[0]!;
  expect(early).toMatchObject({ status: "not-yet-valid", daysLeft: 0 });
});
