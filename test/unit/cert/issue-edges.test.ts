/**
 * More issuing edges: a compromised key refused inside its window, list numbers past 9,
 * a renewal backdated before the first award, refusals named exactly, shards in number
 * order whatever the input order.
 */
import { describe, expect, it } from "vitest";
import { allocateStatusIndex, emptyAllocation, statusListUrl } from "../../../src/lib/cert/allocation.ts";
import { checkKey } from "../../../src/lib/cert/issuers.ts";
import { readExamResult } from "../../../src/lib/cert/issue-rules.ts";
import { entryWith, issueCredential } from "../../../src/lib/cert/issuing.ts";
import { generateKeyPair } from "../../../src/lib/cert/keys.ts";
import { buildPublishedRegistry } from "../../../src/lib/cert/registry.ts";
import type { Issuer, SignedCredential } from "../../../src/lib/cert/types.ts";

const DID = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";

describe("keys", () => {
  it("a compromised key is refused even inside its window, before the window is looked at", () => {
    const issuer = { id: "qx", name: "清溪", kind: "county", uri: "https://qx.example/", numberPrefix: "QX", keys: [{ id: DID, validFrom: "2026-01-01", compromised: true }] } as Issuer;
    expect(checkKey([issuer], issuer.uri, DID, new Date("2026-06-01T00:00:00Z"))).toEqual({ ok: false, problem: "key-compromised" });
    expect(checkKey([issuer], issuer.uri, DID, new Date("2025-06-01T00:00:00Z"))).toEqual({ ok: false, problem: "key-compromised" });
    expect(checkKey([{ ...issuer, keys: [{ id: DID, validFrom: "2026-01-01" }] }], issuer.uri, DID, new Date("2026-06-01T00:00:00Z")).ok).toBe(true);
  });
});

describe("status lists past the ninth", () => {
  it("list 10 full moves to list 11", () => {
    const site = "https://s.example/";
    const list10 = statusListUrl(site, "qx", 10);
    const state = { ...emptyAllocation(), currentList: { qx: list10 }, statusIndexes: { [list10]: [...Array(8).keys()] } };
    expect(allocateStatusIndex(state, "qx", site, 8, () => 0).listUrl).toBe(statusListUrl(site, "qx", 11));
  });
});

describe("renewal dates", () => {
  it("a renewal starting before the first award takes its start as the award date; otherwise the first award stays", async () => {
    const now = new Date("2027-03-01T04:00:00Z");
    const key = await generateKeyPair("qx", now);
    const issuer: Issuer = { id: "qx", name: "清溪县司法局", kind: "county", uri: "https://qx.example/", numberPrefix: "QX", keys: [{ id: key.controller, validFrom: "2026-01-01" }] };
    const level = { id: "pre-job", title: "岗前培训合格", summary: "岗前培训的简介文字。", validityMonths: 12 };
    const state = { siteUrl: "https://s.example/", allocation: emptyAllocation(), statusLists: new Map() };
    const holder = { name: "张三明", township: "t", village: "v" };
    const first = await issueCredential(state, { issuer, key, level, holder, from: "2027-03-01", now });
    const renewing = entryWith(undefined, first.credential);
    const next = { ...state, allocation: first.allocation };
    const backdated = await issueCredential(next, { issuer, key, level, holder, from: "2027-02-20", renewing, now });
    expect(backdated.credential.awardedDate).toBe("2027-02-20T00:00:00+08:00");
    const sameDay = await issueCredential(next, { issuer, key, level, holder, from: "2027-03-01", renewing, now });
    expect(sameDay.credential.awardedDate).toBe("2027-03-01T00:00:00+08:00");
    const later = await issueCredential(next, { issuer, key, level, holder, from: "2028-02-20", renewing, now });
    expect(later.credential).toMatchObject({ awardedDate: "2027-03-01T00:00:00+08:00", validFrom: "2028-02-20T00:00:00+08:00", renews: first.credential.id });
  });
});

describe("refusals named exactly", () => {
  it("a result file cut short, or with impossible scores", () => {
    expect(readExamResult('{"format":', "r.json")).toEqual({ ok: false, problem: { code: "result-bad", values: { file: "r.json", why: "不是完整的 JSON 文件（可能没拷完）" } } });
    const bad = { format: "ma-exam-result", version: 1, level: "pre-job", name: "张三", passed: true, score: 5, max: 4, passMark: 60 };
    expect(readExamResult(JSON.stringify(bad), "r.json")).toEqual({ ok: false, problem: { code: "result-bad", values: { file: "r.json", why: "缺少级别、姓名或分数，或分数不合理" } } });
  });

  it("a number listed twice in the registry is named", () => {
    const entry = { number: "QX-2026-000001", credentials: [{ id: "urn:x" } as SignedCredential] };
    expect(() => buildPublishedRegistry({ entries: [entry, entry], revocations: [], statusLists: [], generated: "g" })).toThrow(new RangeError("证书编号 QX-2026-000001 出现了两次"));
  });

  it("shards list numbers in order whatever order the entries came in", () => {
    const numbers = Array.from({ length: 20 }, (_, i) => `QX-2026-${String(20 - i).padStart(6, "0")}`);
    const entries = numbers.map((number, i) => ({ number, credentials: [{ id: `urn:x:${i}` } as SignedCredential] }));
    const { shards } = buildPublishedRegistry({ entries, revocations: [], statusLists: [], generated: "g", measure: () => 0 });
    expect(shards[0].entries.map((e) => e.number)).toEqual([...numbers].sort());
  });
});
