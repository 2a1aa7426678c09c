/**
 * `cert issue` end to end in process: key file → issue → the printed link verifies as 有效
 * against the temporary registry; and each refusal (not ready under current content,
 * corrupt or reused application, another candidate's or a failed result, expired or
 * compromised key, key inside the repository), none of which writes anything.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { run as issue } from "../../../scripts/cert/issue.ts";
import { checkIssuerDir } from "../../../src/lib/cert/issuer-files.ts";
import { addDays } from "../../../src/lib/cert/issue-rules.ts";
import { readRegistryState } from "../../../src/lib/cert/issue-files.ts";
import { decodeVerifyFragment } from "../../../src/lib/cert/link.ts";
import { readEntries, readStatusLists } from "../../../src/lib/cert/registry-files.ts";
import { verifyCertificate } from "../../../src/lib/cert/verify.ts";
import { applicationText, capture, content, DAY, learner, NOW, readyEntries, resultText, setUp, type Setup } from "./cli-setup.ts";

let s: Setup;
// Reading and checking content/ once takes seconds; every test after it reuses it.
beforeAll(() => void content(), 60_000);
beforeEach(async () => {
  s = await setUp();
});
afterEach(() => s.cleanup());

const NAME = "张三明";
const args = (over: Record<string, string> = {}) => {
  const flags: Record<string, string> = {
    application: s.file("default-application.json", "placeholder"),
    result: s.file("default-result.json", resultText({ level: "pre-job", name: NAME })),
    key: s.keyFile,
    name: NAME,
    township: "xiping-zhen",
    village: "dongcun",
    registry: s.registry,
    issuers: s.issuers,
    ...over,
  };
  return Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v]);
};
const withApplication = async (who = learner(NAME), entries = readyEntries(content()), created = NOW) =>
  s.file(`application-${who.id}-${created.getTime()}.json`, await applicationText("pre-job", who, entries, created));

async function verifyLink(link: string) {
  const decoded = decodeVerifyFragment(link);
  if (!decoded.ok) throw new Error(decoded.problem);
  const { issuers } = checkIssuerDir(process.cwd(), s.issuers);
  return verifyCertificate(decoded.link.credential, {
    issuers: issuers.map((i) => i.issuer),
    statusLists: readStatusLists(s.registry).map((l) => l.credential),
    now: NOW,
    nameCheck: { name: decoded.link.name!, salt: decoded.link.salt! },
  });
}

/** Nothing in the registry but the empty files createRegistry made. */
const registryUntouched = () => expect(readdirSync(s.registry).sort()).toEqual(["allocation.json", "issued.json", "registry.json", "revocations.json"]);

describe("cert issue", () => {
  it("signs a certificate that verifies as valid with the holder's name, and keeps name and salt out of the registry", async () => {
    const c = capture();
    const out = join(s.dir, "print");
    const code = await issue(args({ application: await withApplication(), date: "2026-12-01", out }), c.options);
    expect(c.text()).toContain("已签发证书 TS-2026-000001");
    expect(code).toBe(0);
    const link = /(https:\/\/\S+#c=\S+)/.exec(c.text())![1];
    const verdict = await verifyLink(link);
    expect(verdict.code).toBe("valid");
    expect(verdict.details.fullName).toBe(NAME);
    expect(verdict.details.validUntil).toBe("2027-11-30T23:59:59+08:00");
    expect(verdict.details.maskedName).toBe("张*明");

    const entries = readEntries(s.registry);
    expect(entries.map((e) => e.number)).toEqual(["TS-2026-000001"]);
    const salt = decodeURIComponent(/[#&]s=([^&]+)/.exec(link)![1]);
    const registryText = ["credentials/TS-2026-000001.json", "issued.json", "allocation.json"].map((f) => readFileSync(join(s.registry, f), "utf8")).join("");
    expect(registryText).not.toContain(NAME);
    expect(registryText).not.toContain(salt);
    // The printable certificate has both; it lives in --out, outside the repository.
    const printed = readFileSync(join(out, "TS-2026-000001.html"), "utf8");
    expect(printed).toContain(NAME);
    expect(printed).toContain(salt);
    expect(printed).toContain("<svg");
  });

  it("keeps one number per person: a second application of the same learner gets the same number", async () => {
    const who = learner(NAME);
    expect(await issue(args({ application: await withApplication(who) }), capture().options)).toBe(0);
    const c = capture();
    const later = new Date(NOW.getTime() + 3600_000);
    expect(await issue(args({ application: await withApplication(who, undefined, later) }), c.options)).toBe(0);
    expect(c.text()).toContain("TS-2026-000001");
    const state = readRegistryState(s.registry);
    expect(state.ok && [...state.state.entries.values()].map((e) => e.credentials.length)).toEqual([2]);
    // Someone else gets the next number.
    const other = capture();
    expect(await issue(args({ application: await withApplication(learner("李四")), name: "李四", result: s.file("r2.json", resultText({ level: "pre-job", name: "李四" })) }), other.options)).toBe(0);
    expect(other.text()).toContain("TS-2026-000002");
  });

  it("refuses an application used before", async () => {
    const application = await withApplication();
    expect(await issue(args({ application }), capture().options)).toBe(0);
    const c = capture();
    expect(await issue(args({ application }), c.options)).toBe(1);
    expect(c.text()).toContain("这份申请材料已经用过（签发过证书 TS-2026-000001）");
    expect(readEntries(s.registry)[0].credentials).toHaveLength(1);
  });

  it("refuses an application that does not meet the level under the current content, naming what is missing", async () => {
    const entries = readyEntries(content());
    entries.lessons = entries.lessons.slice(1);
    const c = capture();
    expect(await issue(args({ application: await withApplication(learner(NAME), entries) }), c.options)).toBe(1);
    expect(c.text()).toContain("还没有达到“人民调解员岗前培训合格”的要求（1 项未达到）");
    expect(c.text()).toMatch(/还差 1 课/);
    registryUntouched();
  });

  it("refuses a corrupt or tampered application", async () => {
    const good = await applicationText("pre-job", learner(NAME));
    for (const text of [good.slice(0, 200), good.replace('"name": "张三明"', '"name": "张三名"')]) {
      const c = capture();
      expect(await issue(args({ application: s.file("bad.json", text) }), c.options)).toBe(1);
      expect(c.text()).toContain("读不了");
    }
    registryUntouched();
  });

  it("refuses an exam result for another candidate, another level, or one that failed", async () => {
    const cases: [string, string][] = [
      [resultText({ level: "pre-job", name: "李四" }), "考试成绩上的姓名“李四”与持证人姓名“张三明”不一致"],
      [resultText({ level: "annual-review", name: NAME }), "考试成绩是“annual-review”级别的考试"],
      [resultText({ level: "pre-job", name: NAME, score: 60 }), "没有及格（60/100，及格线 80%）"],
      [resultText({ level: "pre-job", name: NAME, score: 75, passMark: 70 }), "按 70% 的及格线评定，本级别现在要求 80%"],
      [resultText({ level: "pre-job", name: NAME, score: 60, passed: true }), "没有及格"],
      ['{"format":"ma-exam-result"', "不是完整的 JSON"],
    ];
    for (const [text, message] of cases) {
      const c = capture();
      expect(await issue(args({ application: await withApplication(), result: s.file("result.json", text) }), c.options), message).toBe(1);
      expect(c.text()).toContain(message);
    }
    registryUntouched();
  });

  it("refuses when the application's learner is someone else than the holder named", async () => {
    const c = capture();
    expect(await issue(args({ application: await withApplication(learner("李四")) }), c.options)).toBe(1);
    expect(c.text()).toContain("申请材料上的学员姓名“李四”与持证人姓名“张三明”不一致");
  });

  it("refuses an unknown township or village, listing the real ones", async () => {
    const c = capture();
    expect(await issue(args({ application: await withApplication(), village: "nowhere" }), c.options)).toBe(1);
    expect(c.text()).toContain("乡镇 xiping-zhen 下没有村（社区）nowhere");
    expect(c.text()).toContain("dongcun");
    const d = capture();
    expect(await issue(args({ application: await withApplication(), township: "atlantis" }), d.options)).toBe(1);
    expect(d.text()).toContain("没有乡镇 atlantis");
    registryUntouched();
  });

  it("refuses an expired, not yet valid or compromised key", async () => {
    const windows: [{ from: string; until?: string; compromised?: boolean }, string][] = [
      [{ from: addDays(DAY, -400), until: addDays(DAY, -1) }, "这把密钥的有效期已过"],
      [{ from: addDays(DAY, 1) }, "才能签名"],
      [{ from: addDays(DAY, -400), compromised: true }, "已标记为泄露"],
    ];
    for (const [window, message] of windows) {
      const t = await setUp(window);
      try {
        const c = capture();
        const flags = args({ application: await withApplication(), key: t.keyFile, issuers: t.issuers, registry: t.registry });
        expect(await issue(flags, c.options)).toBe(1);
        expect(c.text()).toContain(message);
        expect(existsSync(join(t.registry, "credentials"))).toBe(false);
      } finally {
        t.cleanup();
      }
    }
  });

  it("refuses a key not listed for its issuer, and a key file inside the repository", async () => {
    const other = await setUp();
    try {
      const c = capture();
      expect(await issue(args({ application: await withApplication(), key: other.keyFile }), c.options)).toBe(1);
      expect(c.text()).toContain("没有登记在 content/issuers/test-sfj.yaml 里");
    } finally {
      other.cleanup();
    }
    const d = capture();
    expect(await issue(args({ application: await withApplication(), key: join(process.cwd(), "content", "registry", "key.json") }), d.options)).toBe(1);
    expect(d.text()).toContain("在项目文件夹里");
    const e = capture();
    expect(await issue(args({ application: await withApplication(), out: join(process.cwd(), "print") }), e.options)).toBe(1);
    expect(e.text()).toContain("打印文件夹");
    registryUntouched();
  });

  it("refuses missing flags, a bad date and an empty name", async () => {
    const c = capture();
    expect(await issue(["--name", NAME], c.options)).toBe(1);
    expect(c.text()).toContain("缺少参数 --application");
    const d = capture();
    expect(await issue(args({ application: await withApplication(), date: "2026-02-30" }), d.options)).toBe(1);
    expect(d.text()).toContain("日期 2026-02-30 不对");
    const e = capture();
    expect(await issue(args({ application: await withApplication(), name: "  " }), e.options)).toBe(1);
    expect(e.text()).toContain("持证人姓名 --name 不能为空");
  });
});
