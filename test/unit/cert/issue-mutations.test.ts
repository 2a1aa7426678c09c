/**
 * The issuing rules at their edges, without files or signatures: numbers and status
 * indexes running out, key windows to the day, each refusal's values (what the CLI says),
 * validity at month ends, roster filters, CSV and table output, registry shards.
 */
import { describe, expect, it } from "vitest";
import { allocateNumber, allocateStatusIndex, emptyAllocation, statusListUrl } from "../../../src/lib/cert/allocation.ts";
import { checkKey, issuerByUri, keyWindowHolds, signingKeyOf } from "../../../src/lib/cert/issuers.ts";
import {
  addDays,
  checkCandidate,
  checkHolderName,
  checkRenewal,
  checkRevocation,
  checkSigningKey,
  filterRows,
  lastValidDay,
  looksPersonal,
  readExamResult,
  rosterCsv,
  rosterRows,
  rosterTable,
  rowCells,
  statusOf,
  today,
  type ExamResultFile,
  type RosterRow,
} from "../../../src/lib/cert/issue-rules.ts";
import { buildPublishedRegistry, findInShard, gzipSize, revocationsById, shardEntry, shardOf, shardPath } from "../../../src/lib/cert/registry.ts";
import type { Issuer, KeyFile, RegistryEntry, RevocationRecord, SignedCredential } from "../../../src/lib/cert/types.ts";

const DID_A = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
const DID_B = "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG";

const issuer = (keys: Issuer["keys"], over: Partial<Issuer> = {}): Issuer => ({ id: "qx", name: "清溪县司法局", kind: "county", uri: "https://qx.example/", numberPrefix: "QX", keys, ...over });

/** A credential with only the fields the roster and registry read. */
const cred = (id: number, over: { township?: string; village?: string; validUntil?: string; level?: string; number?: string } = {}): SignedCredential =>
  ({
    id: `urn:uuid:00000000-0000-4000-8000-${String(id).padStart(12, "0")}`,
    validFrom: "2026-01-01T00:00:00+08:00",
    validUntil: over.validUntil ?? "2026-12-31T23:59:59+08:00",
    awardedDate: "2026-01-01T00:00:00+08:00",
    credentialSubject: {
      licenseNumber: over.number ?? "QX-2026-000001",
      maskedName: "张*明",
      township: over.township ?? "t",
      village: over.village ?? "v",
      achievement: { humanCode: over.level ?? "pre-job", name: "岗前培训合格" },
    },
  }) as unknown as SignedCredential;

describe("allocation", () => {
  it("the last number of a year is 999999; the next one is refused, naming issuer and year", () => {
    const state = { ...emptyAllocation(), numbers: { qx: { "2026": 999_998 } } };
    const last = allocateNumber(state, { id: "qx", numberPrefix: "QX" }, 2026);
    expect(last.number).toBe("QX-2026-999999");
    expect(() => allocateNumber(last.state, { id: "qx", numberPrefix: "QX" }, 2026)).toThrow(new RangeError("qx 在 2026 年的证书编号已用完"));
    // Another year, another issuer: their own sequences.
    expect(allocateNumber(last.state, { id: "qx", numberPrefix: "QX" }, 2027).number).toBe("QX-2027-000001");
    expect(allocateNumber(last.state, { id: "dp", numberPrefix: "DP" }, 2026).state.numbers).toEqual({ qx: { "2026": 999_999 }, dp: { "2026": 1 } });
  });

  it("keeps a list's used indexes in numeric order, and the list as the issuer's current one", () => {
    const site = "https://s.example/";
    const url = statusListUrl(site, "qx", 1);
    expect(url).toBe("https://s.example/registry/status/qx-1.json");
    const state = { ...emptyAllocation(), statusIndexes: { [url]: [2, 10] } };
    const r = allocateStatusIndex(state, "qx", site, 16, () => 5);
    expect(r).toEqual({ listUrl: url, index: 5, state: { numbers: {}, statusIndexes: { [url]: [2, 5, 10] }, currentList: { qx: url } } });
  });

  it("when the current list is full, moves to the next; when that is full too, refuses", () => {
    const site = "https://s.example/";
    const full = (n: number) => [...Array(n).keys()];
    const list7 = statusListUrl(site, "qx", 7);
    const state = { ...emptyAllocation(), currentList: { qx: list7 }, statusIndexes: { [list7]: full(8) } };
    expect(allocateStatusIndex(state, "qx", site, 8, () => 3)).toMatchObject({ listUrl: statusListUrl(site, "qx", 8), index: 3 });
    const list8 = statusListUrl(site, "qx", 8);
    expect(() => allocateStatusIndex({ ...state, statusIndexes: { [list7]: full(8), [list8]: full(8) } }, "qx", site, 8, () => 3)).toThrow(new RangeError(`状态列表 ${list8} 已满`));
    // A current list whose name has no number continues as list 2.
    const odd = { ...emptyAllocation(), currentList: { qx: `${site}registry/status/qx.json` }, statusIndexes: { [`${site}registry/status/qx.json`]: full(8) } };
    expect(allocateStatusIndex(odd, "qx", site, 8, () => 0).listUrl).toBe(statusListUrl(site, "qx", 2));
  });
});

describe("issuer keys", () => {
  it("a key window holds from its first day to its last day inclusive", () => {
    const key = { id: DID_A, validFrom: "2026-01-01", validUntil: "2026-06-30" } as Issuer["keys"][number];
    expect(keyWindowHolds(key, "2025-12-31")).toBe(false);
    expect(keyWindowHolds(key, "2026-01-01")).toBe(true);
    expect(keyWindowHolds(key, "2026-06-30")).toBe(true);
    expect(keyWindowHolds(key, "2026-07-01")).toBe(false);
    expect(keyWindowHolds({ ...key, validUntil: undefined }, "2099-01-01")).toBe(true);
  });

  it("checkKey: issuer by uri, key by did (a verification method names it too), each refusal its own problem", () => {
    const list = [issuer([{ id: DID_A, validFrom: "2026-01-01", validUntil: "2026-06-30" }]), issuer([{ id: DID_B, validFrom: "2026-01-01" }], { id: "dp", uri: "https://dp.example/" })];
    const at = (day: string) => new Date(`${day}T12:00:00+08:00`);
    const method = `${DID_A}#${DID_A.slice(8)}`;
    expect(issuerByUri(list, "https://dp.example/")?.id).toBe("dp");
    expect(checkKey(list, "https://qx.example/", method, at("2026-03-01"))).toMatchObject({ ok: true, issuer: { id: "qx" }, key: { id: DID_A } });
    expect(checkKey(list, "https://qx.example/", DID_A, at("2026-03-01")).ok).toBe(true);
    expect(checkKey(list, "https://nobody.example/", method, at("2026-03-01"))).toEqual({ ok: false, problem: "unknown-issuer" });
    expect(checkKey(list, "https://qx.example/", DID_B, at("2026-03-01"))).toEqual({ ok: false, problem: "unknown-key" });
    expect(checkKey(list, "https://qx.example/", "https://key.example/1", at("2026-03-01"))).toEqual({ ok: false, problem: "unknown-key" });
    expect(checkKey(list, "https://qx.example/", method, at("2025-12-31"))).toEqual({ ok: false, problem: "key-not-yet-valid" });
    expect(checkKey(list, "https://qx.example/", method, at("2026-07-01"))).toEqual({ ok: false, problem: "key-expired" });
    expect(checkKey(list, "https://qx.example/", method, at("2026-06-30")).ok).toBe(true);
    // Beijing days: 2025-12-31T16:00Z is already 2026-01-01 in Beijing.
    expect(checkKey(list, "https://qx.example/", method, new Date("2025-12-31T16:00:00Z")).ok).toBe(true);
    expect(checkKey(list, "https://qx.example/", method, new Date("2025-12-31T15:59:59Z"))).toEqual({ ok: false, problem: "key-not-yet-valid" });
  });

  it("signingKeyOf: the listed key inside its window today, never a compromised one", () => {
    const now = new Date("2026-03-01T12:00:00+08:00");
    const key = { id: DID_A, validFrom: "2026-01-01" } as Issuer["keys"][number];
    expect(signingKeyOf(issuer([key]), DID_A, now)).toEqual(key);
    expect(signingKeyOf(issuer([key]), DID_B, now)).toBeUndefined();
    expect(signingKeyOf(issuer([{ ...key, compromised: true }]), DID_A, now)).toBeUndefined();
    expect(signingKeyOf(issuer([{ ...key, validUntil: "2026-02-28" }]), DID_A, now)).toBeUndefined();
    expect(signingKeyOf(issuer([{ ...key, validFrom: "2026-03-02" }]), DID_A, now)).toBeUndefined();
  });

  it("checkSigningKey names the key's dates and the issuer in its refusals", () => {
    const now = new Date("2026-03-01T12:00:00+08:00");
    const keyFile = { issuer: "qx", controller: DID_A } as unknown as KeyFile;
    const problem = (keys: Issuer["keys"]) => {
      const r = checkSigningKey([issuer(keys)], keyFile, now);
      return r.ok ? r.value.key : r.problem;
    };
    expect(problem([{ id: DID_A, validFrom: "2026-03-02" }])).toEqual({ code: "key-not-yet-valid", values: { from: "2026-03-02" } });
    expect(problem([{ id: DID_A, validFrom: "2026-01-01", validUntil: "2026-02-28" }])).toEqual({ code: "key-expired", values: { until: "2026-02-28" } });
    expect(problem([{ id: DID_B, validFrom: "2026-01-01" }])).toEqual({ code: "key-not-listed", values: { did: DID_A, issuer: "qx" } });
    expect(problem([{ id: DID_A, validFrom: "2026-01-01", compromised: true }])).toEqual({ code: "key-compromised", values: undefined });
    expect(problem([{ id: DID_A, validFrom: "2026-03-01", validUntil: "2026-03-01" }])).toEqual({ id: DID_A, validFrom: "2026-03-01", validUntil: "2026-03-01" });
  });
});

describe("days", () => {
  it("last valid day at month ends and across years", () => {
    expect(lastValidDay("2026-01-31", 2)).toBe("2026-03-30");
    expect(lastValidDay("2026-03-31", 1)).toBe("2026-04-30");
    expect(lastValidDay("2026-12-31", 2)).toBe("2027-02-28");
    expect(lastValidDay("2027-12-31", 2)).toBe("2028-02-29");
    expect(lastValidDay("2026-11-15", 3)).toBe("2027-02-14");
    expect(lastValidDay("2026-05-01", 24)).toBe("2028-04-30");
  });

  it("addDays goes back over a year end; today is the Beijing day", () => {
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(today(new Date("2026-12-31T15:59:59Z"))).toBe("2026-12-31");
    expect(today(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });
});

describe("refusals and their values", () => {
  const result = (over: Partial<ExamResultFile> = {}): ExamResultFile => ({
    format: "ma-exam-result", version: 1, paper: "p", level: "pre-job", ticket: "A1", name: "张三明", score: 80, max: 100, passMark: 80, passed: true, mode: "online", graded: "2026-12-01T10:00:00Z", ...over,
  });
  const level = { id: "pre-job", title: "岗前", passMark: 80 };

  it("candidate refusals name what differs", () => {
    const check = (r: ExamResultFile, learnerName = "张三明", lvl = level) => checkCandidate({ result: r, learnerName, holderName: "张三明", level: lvl });
    expect(check(result({ level: "annual-review" }))).toEqual({ code: "result-other-level", values: { result: "annual-review", level: "岗前" } });
    expect(check(result({ name: "李四" }))).toEqual({ code: "result-other-name", values: { result: "李四", name: "张三明" } });
    expect(check(result(), "李四")).toEqual({ code: "application-other-name", values: { learner: "李四", name: "张三明" } });
    expect(check(result({ score: 70 }))).toEqual({ code: "result-failed", values: { score: 70, max: 100, passMark: 80 } });
    expect(check(result({ passMark: 60, score: 70 }), "张三明")).toEqual({ code: "result-low-mark", values: { used: 60, passMark: 80 } });
    expect(check(result({ score: 80 }), "张三明", { ...level, passMark: 80 })).toBeUndefined();
  });

  it("a result file: version named, infinite or negative scores refused", () => {
    const why = (value: unknown) => {
      const r = readExamResult(JSON.stringify(value), "r.json");
      return r.ok ? "ok" : r.problem;
    };
    expect(why({ ...result(), version: 3 })).toEqual({ code: "result-bad", values: { file: "r.json", why: "成绩格式第 3 版，这里只读第 1 版" } });
    expect(why([])).toEqual({ code: "result-bad", values: { file: "r.json", why: "不是考试成绩文件" } });
    expect(why({ ...result(), max: -5, score: -6 })).toMatchObject({ values: { why: "缺少级别、姓名或分数，或分数不合理" } });
    expect(why({ ...result(), passMark: -1 })).toMatchObject({ values: { why: "缺少级别、姓名或分数，或分数不合理" } });
    const inf = readExamResult(JSON.stringify(result()).replace('"max":100', '"max":1e999'), "r.json");
    expect(inf.ok).toBe(false);
    expect(readExamResult(" ".repeat(64 * 1024 + 1), "r.json")).toEqual({ ok: false, problem: { code: "result-bad", values: { file: "r.json", why: "文件太大" } } });
  });

  it("holder names refuse each character that marks no name", () => {
    for (const ch of ["0", "9", "@", ":", "/", "\\", "<", ">", '"']) expect(checkHolderName(`张${ch}明`), ch).toEqual({ ok: false, problem: { code: "bad-name", values: undefined } });
    expect(checkHolderName("Ｚｈａｎｇ Ｓａｎ")).toEqual({ ok: true, value: "ZhangSan" });
  });

  it("revocation: a blank note is no note; the reason is named when refused", () => {
    expect(checkRevocation("left-post", "   ")).toEqual({ ok: true, value: { reason: "left-post" } });
    expect(checkRevocation("lost", "x")).toEqual({ ok: false, problem: { code: "bad-reason", values: { reason: "lost" } } });
    expect(checkRevocation(undefined, undefined)).toEqual({ ok: false, problem: { code: "bad-reason", values: { reason: "" } } });
    expect(checkRevocation("other", undefined)).toEqual({ ok: false, problem: { code: "other-needs-note", values: undefined } });
    expect(looksPersonal("13812345678")).toBe(true);
    expect(looksPersonal("12812345678")).toBe(false);
    expect(looksPersonal("110105194912310021")).toBe(true);
  });

  it("renewal refusals name the number, the levels and the masked name", () => {
    const current = cred(1);
    const base = { number: "QX-2026-000001", current, revocation: undefined, holderName: "张三明" };
    expect(checkRenewal({ ...base, revocation: { date: "2026-12-01" } as RevocationRecord, level: { id: "pre-job", title: "岗前", requires: [] } })).toEqual({
      code: "number-revoked",
      values: { number: "QX-2026-000001", date: "2026-12-01" },
    });
    expect(checkRenewal({ ...base, level: { id: "senior", title: "高级", requires: ["annual-review", "mentor"] } })).toEqual({
      code: "renew-level",
      values: { number: "QX-2026-000001", held: "岗前培训合格", level: "高级", requires: "annual-review、mentor" },
    });
    expect(checkRenewal({ ...base, level: { id: "senior", title: "高级", requires: [] } })?.values?.requires).toBe("—");
    expect(checkRenewal({ ...base, holderName: "李四", level: { id: "pre-job", title: "岗前", requires: [] } })).toEqual({
      code: "renew-name",
      values: { name: "李四", number: "QX-2026-000001", masked: "张*明" },
    });
  });
});

describe("status and rosters", () => {
  it("status reads the latest credential of a number, and keeps the revocation's reason on its row", () => {
    const entry: RegistryEntry = { number: "QX-2026-000001", credentials: [cred(1, { validUntil: "2026-06-30T23:59:59+08:00" }), cred(2)] };
    expect(statusOf(entry, [], "2026-12-31").status).toBe("valid");
    expect(statusOf(entry, [{ credentialId: cred(1).id } as RevocationRecord], "2026-07-01").status).toBe("valid");
    expect(statusOf(entry, [], "2027-01-01").status).toBe("expired");
    const revocation = { credentialId: cred(2).id, date: "2026-10-01", reason: "misconduct" } as RevocationRecord;
    const [row] = rosterRows([entry], [revocation], "2026-12-01");
    expect(row).toMatchObject({ number: "QX-2026-000001", status: "revoked", reason: "misconduct", validUntil: "2026-12-31" });
    expect(rosterRows([entry], [], "2026-12-01")[0]).not.toHaveProperty("reason");
  });

  it("filters by township, level and status, all at once", () => {
    const rows = rosterRows(
      [
        { number: "QX-2026-000001", credentials: [cred(1, { township: "a", level: "pre-job" })] },
        { number: "QX-2026-000002", credentials: [cred(2, { township: "b", level: "pre-job" })] },
        { number: "QX-2026-000003", credentials: [cred(3, { township: "a", level: "annual-review" })] },
        { number: "QX-2026-000004", credentials: [cred(4, { township: "a", level: "pre-job", validUntil: "2026-06-30T23:59:59+08:00" })] },
      ],
      [],
      "2026-12-01",
    );
    const numbers = (f: Parameters<typeof filterRows>[1]) => filterRows(rows, f, "2026-12-01").map((r) => r.number.slice(-1));
    expect(numbers({})).toEqual(["1", "3", "4", "2"]);
    expect(numbers({ township: "a" })).toEqual(["1", "3", "4"]);
    expect(numbers({ level: "annual-review" })).toEqual(["3"]);
    expect(numbers({ status: "expired" })).toEqual(["4"]);
    expect(numbers({ township: "a", level: "pre-job", status: "valid" })).toEqual(["1"]);
    expect(numbers({ expiringWithin: 30 })).toEqual(["1", "3", "2"]);
    expect(numbers({ expiringWithin: 29 })).toEqual([]);
  });

  it("CSV: header, one line per row with status and reason worded, BOM and CRLF", () => {
    const row: RosterRow = { number: "QX-2026-000001", maskedName: "张*明", township: "t", village: "v", level: "pre-job", levelName: "岗前", validFrom: "2026-01-01", validUntil: "2026-12-31", status: "revoked", reason: "left-post" };
    const say = (k: string) => `<${k}>`;
    expect(rowCells(row, say)).toEqual(["QX-2026-000001", "张*明", "t", "v", "岗前", "2026-01-01", "2026-12-31", "<cert.status.revoked>", "<cert.reason.left-post>"]);
    expect(rowCells({ ...row, status: "valid", reason: undefined }, say).slice(-2)).toEqual(["<cert.status.valid>", ""]);
    expect(rosterCsv([row], "编号,姓名", say)).toBe("\uFEFF编号,姓名\r\nQX-2026-000001,张*明,t,v,岗前,2026-01-01,2026-12-31,<cert.status.revoked>,<cert.reason.left-post>\r\n");
    const cell = (village: string) => rosterCsv([{ ...row, village }], "h", say).split("\r\n")[1].split(",")[3];
    for (const start of ["=", "+", "-", "@", "\t"]) expect(cell(`${start}x`)).toBe(`'${start}x`);
    expect(rosterCsv([{ ...row, village: 'a"b' }], "h", say)).toContain(',"a""b",');
    expect(rosterCsv([{ ...row, village: "a\nb" }], "h", say)).toContain(',"a\nb",');
  });

  it("the table pads each column to its widest cell, Chinese counting double, without trailing blanks", () => {
    const row: RosterRow = { number: "N1", maskedName: "张*", township: "t", village: "v", level: "l", levelName: "岗前", validFrom: "a", validUntil: "b", status: "valid" };
    const table = rosterTable([row], "编号,姓名,乡镇,村,级别,起,止,状态,原因", (k) => (k === "cert.status.valid" ? "有效" : k));
    expect(table).toBe("编号  姓名  乡镇  村  级别  起  止  状态  原因\nN1    张*   t     v   岗前  a   b   有效\n");
  });
});

describe("registry shards", () => {
  it("shardOf refuses a count that is not a positive whole number", () => {
    for (const n of [0, -1, 1.5]) expect(() => shardOf("x", n)).toThrow(new RangeError("shardCount 应为正整数"));
    expect(shardPath("QX-2026-000001", { shardCount: 1 })).toBe("shards/0.json");
  });

  it("a shard entry: earlier ids newest first, revocations of this number only, notes kept when given", () => {
    const entry: RegistryEntry = { number: "QX-2026-000001", credentials: [cred(1), cred(2), cred(3)] };
    const revocations = [
      { credentialId: cred(1).id, date: "2026-02-01", reason: "replaced" },
      { credentialId: cred(3).id, date: "2026-03-01", reason: "other", note: "换届" },
      { credentialId: cred(9).id, date: "2026-03-01", reason: "misconduct" },
    ] as RevocationRecord[];
    const e = shardEntry(entry, revocations);
    expect(e.current.id).toBe(cred(3).id);
    expect(e.previous).toEqual([cred(2).id, cred(1).id]);
    expect(e.revocations).toStrictEqual({ [cred(1).id]: { date: "2026-02-01", reason: "replaced" }, [cred(3).id]: { date: "2026-03-01", reason: "other", note: "换届" } });
    expect(shardEntry(entry, revocationsById(revocations))).toEqual(e);
    expect(() => shardEntry({ number: "QX-2026-000009", credentials: [] }, [])).toThrow(new RangeError("证书编号 QX-2026-000009 下没有证书"));
  });

  it("the latest revocation record of a credential wins", () => {
    const byId = revocationsById([
      { credentialId: "a", date: "1" },
      { credentialId: "a", date: "2" },
    ] as RevocationRecord[]);
    expect(byId.get("a")?.date).toBe("2");
  });

  it("the index: count, shard count, status lists; shards sorted by number and never over budget", () => {
    const entries = [3, 1, 2].map((n) => ({ number: `QX-2026-00000${n}`, credentials: [cred(n, { number: `QX-2026-00000${n}` })] }));
    const list = { id: "https://s.example/registry/status/qx-1.json", validFrom: "2027-01-01T00:00:00Z" } as never;
    const { index, shards } = buildPublishedRegistry({ entries, revocations: [], statusLists: [{ credential: list, issuer: "qx", path: "status/qx-1.json" }], generated: "2027-01-02T00:00:00Z" });
    expect(index).toEqual({
      format: "mediator-academy/registry-index/1",
      generated: "2027-01-02T00:00:00Z",
      count: 3,
      shardCount: 1,
      shardHash: "fnv1a32-utf8",
      issuers: "issuers.json",
      statusLists: [{ id: "https://s.example/registry/status/qx-1.json", issuer: "qx", path: "status/qx-1.json", validFrom: "2027-01-01T00:00:00Z" }],
    });
    expect(shards).toHaveLength(1);
    expect(shards[0]).toMatchObject({ format: "mediator-academy/registry-shard/1", shard: 0 });
    expect(shards[0].entries.map((e) => e.number)).toEqual(["QX-2026-000001", "QX-2026-000002", "QX-2026-000003"]);
    expect(findInShard(shards[0], "QX-2026-000002")?.current.id).toBe(cred(2).id);
    expect(findInShard(shards[0], "QX-2026-000004")).toBeUndefined();
    // A budget of exactly the largest shard's size is enough.
    const measure = (v: unknown) => JSON.stringify(v).length;
    const size = measure(shards[0]);
    expect(buildPublishedRegistry({ entries, revocations: [], statusLists: [], generated: "g", measure, maxShardBytes: size }).index.shardCount).toBe(1);
    expect(buildPublishedRegistry({ entries, revocations: [], statusLists: [], generated: "g", measure, maxShardBytes: size - 1 }).index.shardCount).toBeGreaterThan(1);
  });

  it("starts from one shard per 32 numbers", () => {
    const entries = Array.from({ length: 33 }, (_, i) => ({ number: `QX-2026-${String(i + 1).padStart(6, "0")}`, credentials: [cred(i + 1)] }));
    expect(buildPublishedRegistry({ entries: entries.slice(0, 32), revocations: [], statusLists: [], generated: "g", measure: () => 0 }).index.shardCount).toBe(1);
    expect(buildPublishedRegistry({ entries, revocations: [], statusLists: [], generated: "g", measure: () => 0 }).index.shardCount).toBe(2);
  });

  it("gzipSize is the gzipped JSON's byte count", () => {
    expect(gzipSize({})).toBeGreaterThan(10);
    expect(gzipSize({ a: "x".repeat(10_000) })).toBeLessThan(200);
  });
});
