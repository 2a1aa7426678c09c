/**
 * `cert list`: the roster of a temporary registry filtered by township, level, status and
 * expiring within N days, as a table and as CSV; and the pure row rules under it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as issue } from "../../../scripts/cert/issue.ts";
import { run as list } from "../../../scripts/cert/list.ts";
import { run as revoke } from "../../../scripts/cert/revoke.ts";
import { filterRows, lastValidDay, rosterCsv, type RosterRow } from "../../../src/lib/cert/issue-rules.ts";
import { applicationText, capture, content, learner, resultText, setUp, type Setup } from "./cli-setup.ts";

let s: Setup;
const numbers: Record<string, string> = {};
const people: [string, string, string, string][] = [
  // name, township, village, first valid day
  ["张三明", "xiping-zhen", "dongcun", "2026-11-01"],
  ["李小四", "xiping-zhen", "xicun", "2026-01-10"], // last day 2027-01-09: expiring within 60 days of 2026-12-02
  ["王五", "hekou-zhen", "hekou-shequ", "2025-06-01"], // expired 2026-05-31
  ["赵六一", "hekou-zhen", "hekou-shequ", "2026-10-01"], // revoked below
];

beforeAll(async () => {
  content();
  s = await setUp();
  for (const [name, township, village, date] of people) {
    const c = capture();
    const code = await issue(
      [
        "--application", s.file(`${name}.json`, await applicationText("pre-job", learner(name))),
        "--result", s.file(`${name}-result.json`, resultText({ level: "pre-job", name })),
        "--name", name, "--township", township, "--village", village, "--date", date,
        "--key", s.keyFile, "--registry", s.registry, "--issuers", s.issuers,
      ],
      c.options,
    );
    if (code !== 0) throw new Error(c.text());
    numbers[name] = /证书 (TS-\d{4}-\d{6})/.exec(c.text())![1];
  }
  const r = capture();
  if ((await revoke([numbers["赵六一"], "--reason", "left-post", "--date", "2026-11-20", "--key", s.keyFile, "--registry", s.registry, "--issuers", s.issuers], r.options)) !== 0) throw new Error(r.text());
}, 60_000);
afterAll(() => s.cleanup());

async function listed(...args: string[]): Promise<{ code: number; text: string }> {
  const c = capture();
  const code = await list([...args, "--registry", s.registry, "--date", "2026-12-02"], c.options);
  return { code, text: c.text() };
}
const numbersIn = (text: string) => [...text.matchAll(/TS-\d{4}-\d{6}/g)].map((m) => m[0]).sort();
const of = (...names: string[]) => names.map((n) => numbers[n]).sort();

describe("cert list", () => {
  it("shows every certificate with masked names only and a count", async () => {
    const { code, text } = await listed();
    expect(code).toBe(0);
    expect(numbersIn(text)).toEqual(of("张三明", "李小四", "王五", "赵六一"));
    expect(text).toContain("张*明");
    expect(text).not.toContain("张三明");
    expect(text).toContain("共 4 本证书。");
  });

  it("filters by township, status, level and expiring within N days", async () => {
    expect(numbersIn((await listed("--township", "hekou-zhen")).text)).toEqual(of("王五", "赵六一"));
    expect(numbersIn((await listed("--status", "valid")).text)).toEqual(of("张三明", "李小四"));
    expect(numbersIn((await listed("--status", "expired")).text)).toEqual(of("王五"));
    const revoked = await listed("--status", "revoked");
    expect(numbersIn(revoked.text)).toEqual(of("赵六一"));
    expect(revoked.text).toContain("离任");
    expect(numbersIn((await listed("--expiring-within", "60")).text)).toEqual(of("李小四"));
    expect(numbersIn((await listed("--expiring-within", "30")).text)).toEqual([]);
    expect((await listed("--level", "annual-review")).text).toContain("没有符合条件的证书");
    expect(numbersIn((await listed("--level", "pre-job", "--township", "xiping-zhen", "--status", "valid")).text)).toEqual(of("张三明", "李小四"));
  });

  it("writes CSV with a header, a BOM and one line per certificate", async () => {
    const { code, text } = await listed("--csv", "--township", "xiping-zhen");
    expect(code).toBe(0);
    const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(lines[0]).toBe("证书编号,姓名,乡镇,村（社区）,等级,生效日期,有效期至,状态,撤销原因");
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith(numbers["李小四"]))).toBe(`${numbers["李小四"]},李*四,xiping-zhen,xicun,人民调解员岗前培训合格,2026-01-10,2027-01-09,有效,`);
  });

  it("refuses an unknown status, a bad number of days and a bad date", async () => {
    expect(await listed("--status", "lost")).toMatchObject({ code: 1 });
    expect((await listed("--status", "lost")).text).toContain("--status 只能是");
    expect((await listed("--expiring-within=-3")).text).toContain("--expiring-within 应为");
    expect((await listed("--expiring-within", "abc")).code).toBe(1);
  });
});

describe("roster rules", () => {
  const row = (over: Partial<RosterRow>): RosterRow => ({
    number: "QX-2026-000001", maskedName: "张*明", township: "t", village: "v", level: "pre-job", levelName: "岗前",
    validFrom: "2026-01-01", validUntil: "2026-12-31", status: "valid", ...over,
  });

  it("expiring within N days counts the last day inclusively and only valid certificates", () => {
    const rows = [row({ number: "A", validUntil: "2026-12-12" }), row({ number: "B", validUntil: "2026-12-13" }), row({ number: "C", validUntil: "2026-12-05", status: "revoked" })];
    expect(filterRows(rows, { expiringWithin: 10 }, "2026-12-02").map((r) => r.number)).toEqual(["A"]);
    expect(filterRows(rows, { expiringWithin: 11 }, "2026-12-02").map((r) => r.number)).toEqual(["A", "B"]);
    expect(filterRows(rows, { expiringWithin: 0 }, "2026-12-12").map((r) => r.number)).toEqual(["A"]);
  });

  it("CSV cells that start like a formula are made plain text, and commas are quoted", () => {
    const csv = rosterCsv([row({ village: "=cmd()", levelName: "a,b" })], "h1,h2", (k) => k);
    expect(csv).toContain("'=cmd()");
    expect(csv).toContain('"a,b"');
  });

  it("validity runs to the day before the same date months later, or to the month's last day when it has no such date", () => {
    expect(lastValidDay("2026-12-01", 12)).toBe("2027-11-30");
    expect(lastValidDay("2026-01-10", 12)).toBe("2027-01-09");
    expect(lastValidDay("2024-02-29", 12)).toBe("2025-02-28");
    expect(lastValidDay("2026-01-31", 1)).toBe("2026-02-28");
    expect(lastValidDay("2026-03-01", 1)).toBe("2026-03-31");
  });
});
