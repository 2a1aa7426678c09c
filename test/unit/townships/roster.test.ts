/** Township rosters: statuses as of a day, 60-day warning, counts per village, a safe CSV. */
import { describe, expect, it } from "vitest";
import type { RegistryEntry } from "../../../src/lib/cert/types.ts";
import { buildRoster, EXPIRING_DAYS, rosterCsv } from "../../../src/lib/townships/roster.ts";

const township = { id: "xiping-zhen", name: "西坪镇", county: "清溪县", villages: { dongcun: "东村", xicun: "西村", nanwan: "南湾村" } };
const now = new Date("2026-12-02T04:00:00Z");

let n = 0;
function entry(village: string, validFrom: string, validUntil: string, opts: { township?: string; masked?: string; renewed?: boolean } = {}): RegistryEntry {
  const number = `QX-2026-${String(++n).padStart(6, "0")}`;
  const credential = (id: string) => ({
    id,
    validFrom: `${validFrom}T00:00:00+08:00`,
    validUntil: `${validUntil}T23:59:59+08:00`,
    credentialSubject: { township: opts.township ?? "xiping-zhen", village, maskedName: opts.masked ?? "张*明", achievement: { name: "人民调解员岗前培训合格" } },
  });
  const credentials = opts.renewed ? [credential(`old-${number}`), credential(`id-${number}`)] : [credential(`id-${number}`)];
  return { number, credentials } as unknown as RegistryEntry;
}

describe("buildRoster", () => {
  const entries = [
    entry("dongcun", "2026-01-01", "2027-06-30"),
    entry("dongcun", "2026-01-01", "2027-01-30"), // 60 days left on 2026-12-02 (Beijing): expiring
    entry("dongcun", "2026-01-01", "2027-01-31"), // 61 days: valid
    entry("xicun", "2025-01-01", "2026-12-01"), // ended yesterday
    entry("xicun", "2026-01-01", "2027-06-30"), // revoked below
    entry("xicun", "2026-12-03", "2027-12-02"), // tomorrow
    entry("nowhere", "2026-01-01", "2027-06-30", { renewed: true }),
    entry("dongcun", "2026-01-01", "2027-06-30", { township: "hekou-zhen" }),
  ];
  const revoked = new Set([`id-${entries[4].number}`, `old-${entries[6].number}`]);
  const roster = buildRoster(township, entries, (id) => revoked.has(id), now);

  it("lists the township's current credentials only, by village name then number", () => {
    expect(roster.rows).toHaveLength(7);
    expect(roster.rows.map((r) => r.village)).toEqual(["dongcun", "dongcun", "dongcun", "xicun", "xicun", "xicun", "nowhere"]);
    expect(roster.rows.every((r, i, a) => i === 0 || a[i - 1].village !== r.village || a[i - 1].number < r.number)).toBe(true);
  });

  it("statuses: valid, expiring at ≤ 60 days, expired, revoked (current only), not yet valid", () => {
    const byNumber = new Map(roster.rows.map((r) => [r.number, r]));
    const get = (i: number) => byNumber.get(entries[i].number)!;
    expect(EXPIRING_DAYS).toBe(60);
    expect([get(0).status, get(1).status, get(2).status, get(3).status, get(4).status, get(5).status, get(6).status]).toEqual([
      "valid",
      "expiring",
      "valid",
      "expired",
      "revoked",
      "not-yet-valid",
      "valid",
    ]);
    expect(get(1).daysLeft).toBe(60);
    expect(get(2).daysLeft).toBe(61);
    expect(get(3).daysLeft).toBe(0);
    expect(get(1).validUntil).toBe("2027-01-30");
    expect(get(6).villageName).toBe("nowhere");
    expect(roster.counts).toEqual({ valid: 3, expiring: 1, expired: 1, revoked: 1, "not-yet-valid": 1 });
  });

  it("counts holders per village, every village listed, unknown ones after", () => {
    expect(roster.villages).toEqual([
      { id: "dongcun", name: "东村", count: 3 },
      { id: "xicun", name: "西村", count: 0 },
      { id: "nanwan", name: "南湾村", count: 0 },
      { id: "nowhere", name: "nowhere", count: 1 },
    ]);
  });
});

describe("CSV", () => {
  it("BOM, header, CRLF lines, status worded by the caller", () => {
    const roster = buildRoster(township, [entry("dongcun", "2026-01-01", "2027-06-30", { masked: "欧**娜" })], () => false, now);
    const csv = rosterCsv(roster.rows, ["姓名", "村", "等级", "编号", "有效期至", "状态"], (r) => `状态:${r.status}`);
    expect(csv).toBe(`\uFEFF姓名,村,等级,编号,有效期至,状态\r\n欧**娜,东村,人民调解员岗前培训合格,${roster.rows[0].number},2027-06-30,状态:valid\r\n`);
  });
});
