/**
 * The pure rules under the issuing commands (src/lib/cert/issue-rules.ts, issuing.ts),
 * without content/ or files: each refusal code at its boundary, status on a day, roster
 * rows, and revocation keeping every bit the list had.
 */
import { describe, expect, it } from "vitest";
import { checkCandidate, checkDay, checkHolderName, checkRenewal, checkRevocation, checkSigningKey, readExamResult, rosterRows, rosterTable, statusOf, addDays, dayOfStamp, type ExamResultFile } from "../../../src/lib/cert/issue-rules.ts";
import { entryWith, issueCredential, revokeCredential } from "../../../src/lib/cert/issuing.ts";
import { emptyAllocation } from "../../../src/lib/cert/allocation.ts";
import { generateKeyPair } from "../../../src/lib/cert/keys.ts";
import { decodeStatusList, getBit } from "../../../src/lib/cert/status-list.ts";
import type { Issuer, RevocationRecord, SignedCredential } from "../../../src/lib/cert/types.ts";

const NOW = new Date("2026-12-02T04:00:00Z");
const result = (over: Partial<ExamResultFile> = {}): ExamResultFile => ({
  format: "ma-exam-result", version: 1, paper: "p", level: "pre-job", ticket: "A1", name: "张三明", score: 80, max: 100, passMark: 80, passed: true, mode: "online", graded: "2026-12-01T10:00:00Z", ...over,
});
const level = { id: "pre-job", title: "岗前", passMark: 80 };

describe("exam result and candidate", () => {
  it("reads a result file and refuses anything else with the reason", () => {
    expect(readExamResult(JSON.stringify(result()), "r.json")).toMatchObject({ ok: true });
    const why = (text: string) => {
      const r = readExamResult(text, "r.json");
      return r.ok ? "ok" : String(r.problem.values?.why);
    };
    expect(why("{")).toContain("不是完整的 JSON");
    expect(why("null")).toContain("不是考试成绩文件");
    expect(why(JSON.stringify({ ...result(), format: "other" }))).toContain("不是考试成绩文件");
    expect(why(JSON.stringify({ ...result(), version: 2 }))).toContain("第 2 版");
    for (const bad of [{ score: 101 }, { max: 0 }, { score: -1 }, { name: 3 }, { level: undefined }, { passed: "yes" }, { passMark: Number.NaN }]) {
      expect(why(JSON.stringify({ ...result(), ...bad })), JSON.stringify(bad)).toContain("缺少级别、姓名或分数");
    }
    expect(why(" ".repeat(70_000))).toBe("文件太大");
    expect(why(" ".repeat(65_536))).not.toBe("文件太大");
    // Boundaries: a score of 0 and a full score are real results; a score above max or max 0 is not.
    expect(why(JSON.stringify({ ...result(), score: 0, passed: false }))).toBe("ok");
    expect(why(JSON.stringify({ ...result(), score: 100 }))).toBe("ok");
    expect(why(JSON.stringify({ ...result(), score: 0, max: 0 }))).toContain("缺少级别");
    expect(why(JSON.stringify({ ...result(), score: "90" }))).toContain("缺少级别");
    const bad = readExamResult("[]", "r.json");
    expect(!bad.ok && bad.problem.code).toBe("result-bad");
  });

  it("accepts exactly the pass mark, and names compared after normalisation", () => {
    expect(checkCandidate({ result: result(), learnerName: "张三明", holderName: "张 三明", level })).toBeUndefined();
    expect(checkCandidate({ result: result({ name: "张三明 " }), learnerName: "张三明", holderName: "张三明", level })).toBeUndefined();
  });

  it("refuses in order: other level, other name on the result, other learner, failed, pass mark lower than today's", () => {
    const code = (r: ExamResultFile, learnerName = "张三明") => checkCandidate({ result: r, learnerName, holderName: "张三明", level })?.code;
    expect(code(result({ level: "annual-review", name: "李四" }))).toBe("result-other-level");
    expect(code(result({ name: "李四" }), "李四")).toBe("result-other-name");
    expect(code(result(), "李四")).toBe("application-other-name");
    expect(code(result({ score: 79 }))).toBe("result-failed");
    expect(code(result({ passed: false }))).toBe("result-failed");
    expect(code(result({ score: 79, passMark: 70 }))).toBe("result-low-mark");
    expect(code(result({ score: 8, max: 10, passMark: 80 }))).toBeUndefined();
  });

  it("holder names: not empty, at most 20 characters, no digits or markup", () => {
    expect(checkHolderName(" 张三明 ")).toEqual({ ok: true, value: "张三明" });
    expect(checkHolderName("欧".repeat(20)).ok).toBe(true);
    for (const bad of [undefined, "", "  ", "欧".repeat(21), "张三1", "<b>张</b>", "a@b"]) expect(checkHolderName(bad).ok, String(bad)).toBe(false);
  });

  it("dates: today in Beijing by default, real days only", () => {
    expect(checkDay(undefined, new Date("2026-12-02T16:30:00Z"))).toEqual({ ok: true, value: "2026-12-03" });
    expect(checkDay("2026-02-28", NOW)).toEqual({ ok: true, value: "2026-02-28" });
    expect(checkDay("2026-02-29", NOW)).toEqual({ ok: false, problem: { code: "bad-date", values: { date: "2026-02-29" } } });
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(dayOfStamp("2027-11-30T23:59:59+08:00")).toBe("2027-11-30");
  });
});

describe("signing key", () => {
  const issuerWith = (key: Issuer["keys"][number]): Issuer[] => [{ id: "qx", name: "清溪", kind: "county", uri: "https://qx.example/", numberPrefix: "QX", keys: [key] }];
  it("may sign from its first day to its last day inclusive, never when compromised or unlisted", async () => {
    const key = await generateKeyPair("qx", NOW);
    const code = (k: Partial<Issuer["keys"][number]>) => {
      const r = checkSigningKey(issuerWith({ id: key.controller, validFrom: "2026-01-01", ...k }), key, NOW);
      return r.ok ? "ok" : r.problem.code;
    };
    expect(code({})).toBe("ok");
    expect(code({ validFrom: "2026-12-02" })).toBe("ok");
    expect(code({ validFrom: "2026-12-03" })).toBe("key-not-yet-valid");
    expect(code({ validUntil: "2026-12-02" })).toBe("ok");
    expect(code({ validUntil: "2026-12-01" })).toBe("key-expired");
    expect(code({ compromised: true })).toBe("key-compromised");
    expect(code({ id: (await generateKeyPair("qx")).controller })).toBe("key-not-listed");
    const other = checkSigningKey(issuerWith({ id: key.controller, validFrom: "2026-01-01" }), { ...key, issuer: "other" }, NOW);
    expect(!other.ok && other.problem).toEqual({ code: "key-unknown-issuer", values: { issuer: "other" } });
  });
});

describe("revocation input", () => {
  it("takes the five reasons, needs a note for other, keeps notes short and free of personal numbers", () => {
    for (const reason of ["misconduct", "left-post", "issued-in-error", "replaced"]) expect(checkRevocation(reason, undefined)).toEqual({ ok: true, value: { reason } });
    expect(checkRevocation("other", "  换届  ")).toEqual({ ok: true, value: { reason: "other", note: "换届" } });
    const code = (reason: string | undefined, note?: string) => {
      const r = checkRevocation(reason, note);
      return r.ok ? "ok" : r.problem.code;
    };
    expect(code(undefined)).toBe("bad-reason");
    expect(code("lost")).toBe("bad-reason");
    expect(code("other", "   ")).toBe("other-needs-note");
    expect(code("left-post", "字".repeat(100))).toBe("ok");
    expect(code("left-post", "字".repeat(101))).toBe("note-long");
    expect(code("left-post", "手机13812345678")).toBe("note-personal");
    expect(code("left-post", "号码 11010519491231002x")).toBe("note-personal");
    expect(code("left-post", "文号 2026-138")).toBe("ok");
    // Numbers inside words and sentences are found; longer or shorter digit runs are not.
    expect(code("left-post", "手机13812345678号")).toBe("note-personal");
    expect(code("left-post", "身份证11010519491231002X号")).toBe("note-personal");
    expect(code("left-post", "编号 1381234567890")).toBe("ok");
    expect(code("left-post", "编号 11010519491231002号")).toBe("ok");
    expect(code("left-post", "编号 1101051949123100211")).toBe("ok");
  });
});

async function signedSet() {
  const key = await generateKeyPair("qx", NOW);
  const issuer: Issuer = { id: "qx", name: "清溪县司法局", kind: "county", uri: "https://qx.example/", numberPrefix: "QX", keys: [{ id: key.controller, validFrom: "2026-01-01" }] };
  const lvl = { id: "pre-job", title: "岗前培训合格", summary: "岗前培训的简介文字。", validityMonths: 12 };
  const first = await issueCredential(
    { siteUrl: "https://site.example/", allocation: emptyAllocation(), statusLists: new Map() },
    { issuer, key, level: lvl, holder: { name: "张三明", township: "t", village: "v" }, from: "2026-03-01", now: NOW },
  );
  return { key, issuer, lvl, first };
}

describe("issuing and revoking", () => {
  it("a first award allocates a number and starts the status list; a renewal keeps number and first award date", async () => {
    const { key, issuer, lvl, first } = await signedSet();
    expect(first.credential.credentialSubject.licenseNumber).toBe("QX-2026-000001");
    expect(first.credential.validUntil).toBe("2027-02-28T23:59:59+08:00");
    expect(first.newStatusList?.id).toBe("https://site.example/registry/status/qx-1.json");
    // The list is the issuer's, so verifiers accept it for this issuer's credentials.
    expect(first.newStatusList?.issuer).toEqual({ id: "https://qx.example/", type: ["Profile"], name: "清溪县司法局" });
    const entry = entryWith(undefined, first.credential);
    const lists = new Map([[first.newStatusList!.id, first.newStatusList!]]);
    const second = await issueCredential(
      { siteUrl: "https://site.example/", allocation: first.allocation, statusLists: lists },
      { issuer, key, level: { ...lvl, id: "annual-review" }, holder: { name: "张三明", township: "t", village: "v" }, from: "2027-02-20", renewing: entry, now: NOW },
    );
    expect(second.newStatusList).toBeUndefined();
    expect(second.credential.credentialSubject.licenseNumber).toBe("QX-2026-000001");
    expect(second.credential.renews).toBe(first.credential.id);
    expect(second.credential.awardedDate).toBe("2026-03-01T00:00:00+08:00");
    expect(second.allocation.numbers).toEqual({ qx: { "2026": 1 } });
    expect(entryWith(entry, second.credential).credentials.map((c) => c.id)).toEqual([first.credential.id, second.credential.id]);
    expect(second.salt).not.toBe(first.salt);
  });

  it("revoking sets one more bit and keeps the bits already set", async () => {
    const { key, first } = await signedSet();
    const other = { ...first.credential, id: "urn:uuid:00000000-0000-4000-8000-000000000001", credentialStatus: { ...first.credential.credentialStatus, statusListIndex: "5" } } as SignedCredential;
    const once = await revokeCredential({ credential: other, list: first.newStatusList!, key, reason: "left-post", date: "2026-12-01", now: NOW });
    const twice = await revokeCredential({ credential: first.credential, list: once.list, key, reason: "misconduct", note: "核实", date: "2026-12-02", now: NOW });
    const bits = decodeStatusList(twice.list.credentialSubject.encodedList)!;
    expect(getBit(bits, 5)).toBe(true);
    expect(getBit(bits, Number(first.credential.credentialStatus.statusListIndex))).toBe(true);
    expect(bits.reduce((n, b) => n + b.toString(2).replace(/0/g, "").length, 0)).toBe(2);
    expect(twice.record).toEqual({
      credentialId: first.credential.id, number: "QX-2026-000001", date: "2026-12-02", reason: "misconduct", note: "核实",
      statusListCredential: first.newStatusList!.id, statusListIndex: first.credential.credentialStatus.statusListIndex,
    });
    expect(once.record.note).toBeUndefined();
    const broken = { ...first.newStatusList!, credentialSubject: { ...first.newStatusList!.credentialSubject, encodedList: "uAAAA" } };
    await expect(revokeCredential({ credential: first.credential, list: broken, key, reason: "left-post", date: "2026-12-02", now: NOW })).rejects.toThrow("无法解码");
  });

  it("status on a day: revoked wins, then the last valid day inclusive", async () => {
    const { first } = await signedSet();
    const entry = entryWith(undefined, first.credential);
    expect(statusOf(entry, [], "2027-02-28").status).toBe("valid");
    expect(statusOf(entry, [], "2027-03-01").status).toBe("expired");
    const revocation = { credentialId: first.credential.id, date: "2026-12-01", reason: "left-post" } as RevocationRecord;
    expect(statusOf(entry, [revocation], "2026-06-01")).toEqual({ status: "revoked", revocation });
    // A revocation of an earlier credential does not revoke the renewed one.
    expect(statusOf(entry, [{ ...revocation, credentialId: "urn:uuid:other" }], "2026-06-01").status).toBe("valid");
  });

  it("renewal rules: revoked stays revoked, the level must build on the one held, masked names must agree", async () => {
    const { first } = await signedSet();
    const base = { number: "QX-2026-000001", current: first.credential, revocation: undefined, holderName: "张三明" };
    expect(checkRenewal({ ...base, level: { id: "annual-review", title: "年审", requires: ["pre-job"] } })).toBeUndefined();
    expect(checkRenewal({ ...base, level: { id: "pre-job", title: "岗前", requires: [] } })).toBeUndefined();
    expect(checkRenewal({ ...base, level: { id: "senior", title: "高级", requires: ["annual-review"] } })?.code).toBe("renew-level");
    expect(checkRenewal({ ...base, holderName: "张四明", level: { id: "pre-job", title: "岗前", requires: [] } })).toBeUndefined();
    expect(checkRenewal({ ...base, holderName: "张明", level: { id: "pre-job", title: "岗前", requires: [] } })?.code).toBe("renew-name");
    expect(checkRenewal({ ...base, revocation: { date: "2026-12-01" } as RevocationRecord, level: { id: "pre-job", title: "岗前", requires: [] } })?.code).toBe("number-revoked");
  });

  it("roster rows sort by township, village and number, and the table aligns Chinese columns", async () => {
    const { first } = await signedSet();
    const at = (number: string, township: string, village: string) => ({
      number,
      credentials: [{ ...first.credential, credentialSubject: { ...first.credential.credentialSubject, township, village } }],
    });
    const order = rosterRows([at("QX-2026-000003", "b", "a"), at("QX-2026-000002", "a", "z"), at("QX-2026-000004", "a", "c"), at("QX-2026-000001", "a", "c")], [], "2026-12-02");
    expect(order.map((r) => r.number)).toEqual(["QX-2026-000001", "QX-2026-000004", "QX-2026-000002", "QX-2026-000003"]);
    const rows = rosterRows([entryWith(undefined, first.credential), { number: "QX-2026-000009", credentials: [] }], [], "2026-12-02");
    expect(rows).toEqual([
      { number: "QX-2026-000001", maskedName: "张*明", township: "t", village: "v", level: "pre-job", levelName: "岗前培训合格", validFrom: "2026-03-01", validUntil: "2027-02-28", status: "valid" },
    ]);
    const table = rosterTable(rows, "证书编号,姓名", (k) => k).split("\n");
    expect(table[0]).toBe("证书编号        姓名");
    expect(table[1].startsWith("QX-2026-000001  张*明")).toBe(true);
    expect(rosterTable(rows, "证书编号,姓名", (k) => k)).toMatch(/cert\.status\.valid\n$/);
  });
});
