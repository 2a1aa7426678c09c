/**
 * `cert renew` (annual review: same number, `renews` → the replaced credential) and
 * `cert revoke` (bit set, list re-signed, reason and date recorded; verify says 已撤销
 * with the reason), with their refusals. Temporary registries only.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { run as issue } from "../../../scripts/cert/issue.ts";
import { run as renew } from "../../../scripts/cert/renew.ts";
import { run as revoke } from "../../../scripts/cert/revoke.ts";
import { checkIssuerDir } from "../../../src/lib/cert/issuer-files.ts";
import { readEntry, readRevocations, readStatusLists } from "../../../src/lib/cert/registry-files.ts";
import { verifyCertificate } from "../../../src/lib/cert/verify.ts";
import { applicationText, capture, content, learner, NOW, resultText, setUp, type Setup } from "./cli-setup.ts";

beforeAll(() => void content(), 60_000);
let s: Setup;
beforeEach(async () => {
  s = await setUp();
});
afterEach(() => s.cleanup());

const NAME = "欧阳娜娜";
const who = learner(NAME);
const common = () => ["--key", s.keyFile, "--registry", s.registry, "--issuers", s.issuers];

async function issueOne(date = "2025-12-10"): Promise<string> {
  const c = capture();
  const code = await issue(
    [
      "--application", s.file("pre-job.json", await applicationText("pre-job", who)),
      "--result", s.file("pre-job-result.json", resultText({ level: "pre-job", name: NAME })),
      "--name", NAME, "--township", "xiping-zhen", "--village", "xicun", "--date", date, ...common(),
    ],
    c.options,
  );
  expect(code, c.text()).toBe(0);
  return /证书 (TS-\d{4}-\d{6})/.exec(c.text())![1];
}

const renewArgs = async (number: string, over: string[] = []) => [
  number,
  "--application", s.file("review.json", await applicationText("annual-review", who, undefined, new Date(NOW.getTime() + 60_000))),
  "--result", s.file("review-result.json", resultText({ level: "annual-review", name: NAME })),
  "--name", NAME, "--date", "2026-12-01", ...common(), ...over,
];

async function verdictOf(number: string) {
  const entry = readEntry(s.registry, number)!;
  const current = entry.credentials[entry.credentials.length - 1];
  const revocations = Object.fromEntries(readRevocations(s.registry).map((r) => [r.credentialId, r]));
  return verifyCertificate(current, {
    issuers: checkIssuerDir(process.cwd(), s.issuers).issuers.map((i) => i.issuer),
    statusLists: readStatusLists(s.registry).map((l) => l.credential),
    revocations,
    now: NOW,
  });
}

describe("cert renew", () => {
  it("keeps the number, points `renews` at the credential it replaces, and keeps the first award date and the place", async () => {
    const number = await issueOne();
    const c = capture();
    expect(await renew(await renewArgs(number), c.options), c.text()).toBe(0);
    expect(c.text()).toContain(`已换发证书 ${number}`);
    const entry = readEntry(s.registry, number)!;
    expect(entry.credentials).toHaveLength(2);
    const [first, second] = entry.credentials;
    expect(second.renews).toBe(first.id);
    expect(first.renews).toBeUndefined();
    expect(second.credentialSubject.licenseNumber).toBe(number);
    expect(second.credentialSubject.achievement.humanCode).toBe("annual-review");
    expect(second.awardedDate).toBe(first.awardedDate);
    expect(second.credentialSubject.village).toBe("xicun");
    expect(second.validUntil).toBe("2027-11-30T23:59:59+08:00");
    expect(second.credentialStatus.statusListIndex).not.toBe(first.credentialStatus.statusListIndex);
    expect((await verdictOf(number)).code).toBe("valid");
  });

  it("refuses an unknown number, a different person's name, a revoked certificate and a reused application", async () => {
    const number = await issueOne();
    const unknown = capture();
    expect(await renew(await renewArgs("TS-2026-999999"), unknown.options)).toBe(1);
    expect(unknown.text()).toContain("登记簿里没有证书编号 TS-2026-999999");

    const wrongName = capture();
    const args = await renewArgs(number);
    args[args.indexOf("--name") + 1] = "欧阳娜";
    expect(await renew(args, wrongName.options)).toBe(1);
    expect(wrongName.text()).toMatch(/对不上|不一致/);

    const once = capture();
    const reused = await renewArgs(number);
    expect(await renew(reused, once.options), once.text()).toBe(0);
    const twice = capture();
    expect(await renew(reused, twice.options)).toBe(1);
    expect(twice.text()).toContain("已经用过");

    expect(await revoke([number, "--reason", "left-post", "--date", "2026-12-02", ...common()], capture().options)).toBe(0);
    const revoked = capture();
    const args2 = await renewArgs(number);
    args2[args2.indexOf("--application") + 1] = s.file("review2.json", await applicationText("annual-review", who, undefined, new Date(NOW.getTime() + 120_000)));
    expect(await renew(args2, revoked.options)).toBe(1);
    expect(revoked.text()).toContain("已被撤销");
  });

  it("refuses a renewal whose application is for another level than its exam result", async () => {
    const number = await issueOne();
    const c = capture();
    const args = await renewArgs(number);
    args[args.indexOf("--application") + 1] = s.file("pre-again.json", await applicationText("pre-job", who, undefined, new Date(NOW.getTime() + 5_000)));
    expect(await renew(args, c.options)).toBe(1);
    expect(c.text()).toContain("考试成绩是“annual-review”级别的考试");
  });
});

describe("cert revoke", () => {
  it("sets the bit, re-signs the list, records reason, date and note; verify then says revoked with the reason", async () => {
    const number = await issueOne();
    expect((await verdictOf(number)).code).toBe("valid");
    const before = readStatusLists(s.registry)[0].credential;
    const c = capture();
    expect(await revoke([number, "--reason", "misconduct", "--note", "经调查核实", "--date", "2026-12-02", ...common()], c.options), c.text()).toBe(0);
    expect(c.text()).toContain(`已撤销证书 ${number}（违反调解纪律，2026-12-02 起）`);
    const after = readStatusLists(s.registry)[0].credential;
    expect(after.credentialSubject.encodedList).not.toBe(before.credentialSubject.encodedList);
    expect(after.proof.proofValue).not.toBe(before.proof.proofValue);
    const [record] = readRevocations(s.registry);
    expect(record).toMatchObject({ number, date: "2026-12-02", reason: "misconduct", note: "经调查核实" });
    const verdict = await verdictOf(number);
    expect(verdict.code).toBe("revoked");
    expect(verdict.details.revocation).toEqual({ date: "2026-12-02", reason: "misconduct", note: "经调查核实" });
  });

  it("revokes only the one certificate: another in the same list stays valid", async () => {
    const first = await issueOne();
    const c = capture();
    const other = learner("李四");
    expect(
      await issue(
        [
          "--application", s.file("b.json", await applicationText("pre-job", other)),
          "--result", s.file("b-result.json", resultText({ level: "pre-job", name: "李四" })),
          "--name", "李四", "--township", "hekou-zhen", "--village", "hekou-shequ", ...common(),
        ],
        c.options,
      ),
      c.text(),
    ).toBe(0);
    const second = /证书 (TS-\d{4}-\d{6})/.exec(c.text())![1];
    expect(await revoke([first, "--reason", "left-post", "--date", "2026-12-02", ...common()], capture().options)).toBe(0);
    expect((await verdictOf(first)).code).toBe("revoked");
    expect((await verdictOf(second)).code).toBe("valid");
  });

  it("refuses a second revocation, an unknown reason, other without a note, a note with personal data, an unknown number", async () => {
    const number = await issueOne();
    const cases: [string[], string][] = [
      [[number, "--reason", "lost", "--date", "2026-12-02"], "撤销原因 --reason 只能是"],
      [[number, "--reason", "other", "--date", "2026-12-02"], "请用 --note 说明"],
      [[number, "--reason", "left-post", "--note", "电话 13812345678", "--date", "2026-12-02"], "像有身份证号或手机号"],
      [[number, "--reason", "left-post", "--note", "身份证 11010519491231002X", "--date", "2026-12-02"], "像有身份证号或手机号"],
      [["TS-2026-000777", "--reason", "left-post", "--date", "2026-12-02"], "登记簿里没有证书编号"],
      [[number, "--reason", "left-post", "--date", "2026-13-01"], "日期 2026-13-01 不对"],
    ];
    for (const [args, message] of cases) {
      const c = capture();
      expect(await revoke([...args, ...common()], c.options), message).toBe(1);
      expect(c.text()).toContain(message);
    }
    expect(readRevocations(s.registry)).toEqual([]);
    expect(await revoke([number, "--reason", "left-post", "--date", "2026-12-02", ...common()], capture().options)).toBe(0);
    const again = capture();
    expect(await revoke([number, "--reason", "misconduct", "--date", "2026-12-03", ...common()], again.options)).toBe(1);
    expect(again.text()).toContain("已经撤销过了");
    expect(readRevocations(s.registry)).toHaveLength(1);
  });

  it("refuses a key of another issuer", async () => {
    const number = await issueOne();
    const other = await setUp();
    try {
      // The other set-up's issuer has the same id but its own key: not listed in ours.
      const c = capture();
      expect(await revoke([number, "--reason", "left-post", "--date", "2026-12-02", "--key", other.keyFile, "--registry", s.registry, "--issuers", s.issuers], c.options)).toBe(1);
      expect(c.text()).toContain("没有登记在");
    } finally {
      other.cleanup();
    }
    expect(JSON.parse(readFileSync(join(s.registry, "revocations.json"), "utf8"))).toEqual({ revocations: [] });
  });
});
