/**
 * A roster's "valid until" is the Beijing calendar day: a certificate that ends at
 * 00:30 Beijing time on 1 March ends on 2026-03-01 even though it is still 28 February in UTC.
 */
import { expect, it } from "vitest";
import type { RegistryEntry } from "../../../src/lib/cert/types.ts";
import { buildRoster } from "../../../src/lib/townships/roster.ts";

const township = { id: "xiping-zhen", name: "西坪镇", county: "清溪县", villages: { dongcun: "东村" } };

it("shows the day the certificate ends in Beijing, not in UTC", () => {
  const entry = {
    number: "QX-2026-000001",
    credentials: [
      {
        id: "id-1",
        validFrom: "2025-03-01T00:00:00+08:00",
        validUntil: "2026-03-01T00:30:00+08:00",
        credentialSubject: { township: "xiping-zhen", village: "dongcun", maskedName: "张*明", achievement: { name: "人民调解员岗前培训合格" } },
      },
    ],
  } as unknown as RegistryEntry;
  const roster = buildRoster(township, [entry], () => false, new Date("2025-06-01T00:00:00Z"));
  expect(roster.rows.map((r) => r.validUntil)).toEqual(["2026-03-01"]);
});
