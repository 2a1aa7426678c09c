import { beforeAll, describe, expect, it } from "vitest";
import { allocateNumber, allocateStatusIndex, emptyAllocation, statusListUrl } from "../../../src/lib/cert/allocation.ts";
import { nodeGzipSize } from "../../../src/lib/cert/registry-files.ts";
import { buildPublishedRegistry, findInShard, fnv1a32, gzipSize, shardEntry, shardOf, shardPath } from "../../../src/lib/cert/registry.ts";
import { MAX_SHARD_GZIP_BYTES, type RegistryEntry, type RevocationRecord, type SignedCredential } from "../../../src/lib/cert/types.ts";
import { makeIssuer, signedCredential, statusList, type TestIssuer } from "./helpers.ts";

let t: TestIssuer;
let entries: RegistryEntry[];

const uuid = (n: number) => `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

beforeAll(async () => {
  t = await makeIssuer();
  const template = await signedCredential(t);
  // Signing is not what is measured here: vary the signed fields' values as real ones vary.
  const random = (n: number) => Array.from(globalThis.crypto.getRandomValues(new Uint8Array(n)), (b) => "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"[b % 58]).join("");
  const hexOf = (n: number) => Array.from(globalThis.crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, "0")).join("");
  const variant = (i: number): SignedCredential => ({
    ...template,
    id: uuid(i),
    credentialSubject: {
      ...template.credentialSubject,
      licenseNumber: `QX-2026-${String(i).padStart(6, "0")}`,
      identifier: [{ ...template.credentialSubject.identifier[0], identityHash: `sha256$${hexOf(32)}` }],
    },
    proof: { ...template.proof, proofValue: `z${random(87)}` },
  });
  entries = Array.from({ length: 3000 }, (_, i) => ({ number: `QX-2026-${String(i + 1).padStart(6, "0")}`, credentials: [variant(i + 1)] }));
});

describe("shardOf", () => {
  it("is FNV-1a 32 of the UTF-8 bytes, modulo the shard count", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
    expect(shardOf("QX-2026-000123", 64)).toBe(fnv1a32("QX-2026-000123") % 64);
    expect(shardOf("QX-2026-000123", 1)).toBe(0);
    expect(() => shardOf("x", 0)).toThrow(RangeError);
  });

  it("spreads sequential numbers evenly", () => {
    const counts = new Array(64).fill(0);
    for (let i = 1; i <= 6400; i++) counts[shardOf(`QX-2026-${String(i).padStart(6, "0")}`, 64)]++;
    expect(Math.min(...counts)).toBeGreaterThan(60);
    expect(Math.max(...counts)).toBeLessThan(140);
  });
});

describe("buildPublishedRegistry", () => {
  it("keeps every shard ≤ 16 KB gzip and finds every number in its shard", () => {
    const { index, shards } = buildPublishedRegistry({ entries, revocations: [], statusLists: [], generated: "2027-01-01T00:00:00Z", measure: nodeGzipSize });
    expect(index).toMatchObject({ format: "mediator-academy/registry-index/1", count: 3000, shardHash: "fnv1a32-utf8", issuers: "issuers.json" });
    expect(shards).toHaveLength(index.shardCount);
    expect(Math.log2(index.shardCount) % 1).toBe(0);
    for (const shard of shards) expect(nodeGzipSize(shard)).toBeLessThanOrEqual(MAX_SHARD_GZIP_BYTES);
    const missed = entries.filter((e) => {
      const shard = shards[shardOf(e.number, index.shardCount)];
      return shardPath(e.number, index) !== `shards/${shard.shard}.json` || findInShard(shard, e.number)?.current.id !== e.credentials[0].id;
    });
    expect(missed).toEqual([]);
    expect(findInShard(shards[0], "QX-2026-999999")).toBeUndefined();
  });

  it("measures with fflate unless told otherwise, and agrees with zlib within a few percent", () => {
    const shard = { entries: entries.slice(0, 20) };
    expect(Math.abs(gzipSize(shard) - nodeGzipSize(shard)) / nodeGzipSize(shard)).toBeLessThan(0.1);
  });

  it("doubles the shard count until shards fit a smaller budget", () => {
    const small = buildPublishedRegistry({ entries: entries.slice(0, 200), revocations: [], statusLists: [], generated: "x", maxShardBytes: 4096, measure: nodeGzipSize });
    const normal = buildPublishedRegistry({ entries: entries.slice(0, 200), revocations: [], statusLists: [], generated: "x", measure: nodeGzipSize });
    expect(small.index.shardCount).toBeGreaterThan(normal.index.shardCount);
    for (const shard of small.shards) expect(gzipSize(shard)).toBeLessThanOrEqual(4096);
  });

  it("lists status lists, and refuses a number twice", async () => {
    const list = await statusList(t);
    const { index } = buildPublishedRegistry({ entries: entries.slice(0, 3), revocations: [], statusLists: [{ credential: list, issuer: "qingxi-sfj", path: "status/qingxi-sfj-1.json" }], generated: "x" });
    expect(index.statusLists).toEqual([{ id: list.id, issuer: "qingxi-sfj", path: "status/qingxi-sfj-1.json", validFrom: list.validFrom }]);
    expect(() => buildPublishedRegistry({ entries: [entries[0], entries[0]], revocations: [], statusLists: [], generated: "x" })).toThrow(RangeError);
  });
});

describe("shardEntry", () => {
  it("keeps the latest credential, earlier ids newest first, and this number's revocations", () => {
    const [a, b, c] = [1, 2, 3].map((i) => ({ ...entries[0].credentials[0], id: uuid(100 + i) }));
    const revocations: RevocationRecord[] = [
      { credentialId: b.id, number: "QX-2026-000001", date: "2027-01-02", reason: "replaced", statusListCredential: "u", statusListIndex: "1" },
      { credentialId: uuid(999), number: "QX-2026-000009", date: "2027-01-02", reason: "misconduct", statusListCredential: "u", statusListIndex: "2" },
    ];
    expect(shardEntry({ number: "QX-2026-000001", credentials: [a, b, c] }, revocations)).toEqual({
      number: "QX-2026-000001",
      current: c,
      previous: [b.id, a.id],
      revocations: { [b.id]: { date: "2027-01-02", reason: "replaced" } },
    });
    expect(() => shardEntry({ number: "QX-2026-000001", credentials: [] }, [])).toThrow(RangeError);
  });
});

describe("allocation", () => {
  const site = "https://tiaojie.example.gov.cn/";

  it("hands out numbers in sequence per issuer and year", () => {
    let state = emptyAllocation();
    const numbers: string[] = [];
    for (const year of [2026, 2026, 2027]) {
      const next = allocateNumber(state, { id: "qingxi-sfj", numberPrefix: "QX" }, year);
      numbers.push(next.number);
      state = next.state;
    }
    expect(numbers).toEqual(["QX-2026-000001", "QX-2026-000002", "QX-2027-000001"]);
    expect(state.numbers).toEqual({ "qingxi-sfj": { "2026": 2, "2027": 1 } });
  });

  it("hands out random status indexes without reuse, then starts the next list", () => {
    let state = emptyAllocation();
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const next = allocateStatusIndex(state, "qingxi-sfj", site, 32);
      const key = `${next.listUrl}#${next.index}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      state = next.state;
    }
    expect(state.statusIndexes[statusListUrl(site, "qingxi-sfj", 1)]).toEqual(Array.from({ length: 32 }, (_, i) => i));
    expect(state.statusIndexes[statusListUrl(site, "qingxi-sfj", 2)]).toHaveLength(8);
    expect(state.currentList["qingxi-sfj"]).toBe(statusListUrl(site, "qingxi-sfj", 2));
  });

  it("never takes back what it handed out (the input state is not changed)", () => {
    const state = emptyAllocation();
    allocateStatusIndex(state, "qingxi-sfj", site);
    allocateNumber(state, { id: "qingxi-sfj", numberPrefix: "QX" }, 2026);
    expect(state).toEqual(emptyAllocation());
  });
});

describe("buildPublishedRegistry refuses", () => {
  it("one number whose record alone is over the budget", () => {
    expect(() => buildPublishedRegistry({ entries: entries.slice(0, 2), revocations: [], statusLists: [], generated: "x", maxShardBytes: 200 })).toThrow(/一条记录就超过/);
  });
});
