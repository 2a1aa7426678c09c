import { base64urlnopad } from "@scure/base";
import { gzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildStatusList, createBitstring, decodeStatusList, encodeStatusList, getBit, randomFreeIndex, setBit } from "../../../src/lib/cert/status-list.ts";
import { statusListSchema } from "../../../src/lib/cert/schema.ts";
import { STATUS_LIST_SIZE } from "../../../src/lib/cert/types.ts";

describe("bitstring", () => {
  it("has 131,072 entries by default", () => {
    expect(createBitstring().length * 8).toBe(STATUS_LIST_SIZE);
    expect(STATUS_LIST_SIZE).toBe(131_072);
  });

  it("numbers bits from the high bit of the first byte, as the W3C spec says", () => {
    const bits = createBitstring(16);
    setBit(bits, 0);
    setBit(bits, 9);
    expect([...bits]).toEqual([0b1000_0000, 0b0100_0000]);
    expect(getBit(bits, 0)).toBe(true);
    expect(getBit(bits, 1)).toBe(false);
    setBit(bits, 0, false);
    expect(bits[0]).toBe(0);
  });

  it("refuses an index outside the list", () => {
    const bits = createBitstring(8);
    expect(() => getBit(bits, 8)).toThrow(RangeError);
    expect(() => setBit(bits, -1)).toThrow(RangeError);
    expect(() => getBit(bits, 1.5)).toThrow(RangeError);
    expect(() => createBitstring(12)).toThrow(RangeError);
  });
});

describe("encodedList", () => {
  it("round-trips 131,072 entries with random bits set", () => {
    const bits = createBitstring();
    const set = new Set(Array.from({ length: 2000 }, () => Math.floor(Math.random() * STATUS_LIST_SIZE)));
    for (const i of set) setBit(bits, i);
    const encoded = encodeStatusList(bits);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const decoded = decodeStatusList(encoded)!;
    expect(decoded.length).toBe(STATUS_LIST_SIZE / 8);
    const wrong = Array.from({ length: STATUS_LIST_SIZE }, (_, i) => i).filter((i) => getBit(decoded, i) !== set.has(i));
    expect(wrong).toEqual([]);
  });

  it("is GZIP (magic 1f 8b), no timestamp, so the same bits give the same text", () => {
    const encoded = encodeStatusList(createBitstring());
    const gz = base64urlnopad.decode(encoded.slice(1));
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    expect(encodeStatusList(createBitstring())).toBe(encoded);
    expect(encoded.length).toBeLessThan(200);
  });

  it("refuses what is not a multibase base64url GZIP bitstring", () => {
    const good = encodeStatusList(createBitstring());
    for (const bad of ["", "z123", good.slice(1), "u!!!", good.slice(0, 20), `u${base64urlnopad.encode(new Uint8Array(30))}`]) {
      expect(decodeStatusList(bad), bad.slice(0, 10)).toBeUndefined();
    }
  });

  it("refuses a list claiming a huge size before inflating it", () => {
    const gz = gzipSync(new Uint8Array(1024));
    new DataView(gz.buffer).setUint32(gz.length - 4, 0xffffffff, true);
    expect(decodeStatusList(`u${base64urlnopad.encode(gz)}`)).toBeUndefined();
  });

  it("builds the status list credential of the README", () => {
    const list = buildStatusList({ issuer: { id: "https://sfj.example/", type: ["Profile"], name: "县司法局" }, url: "https://x.example/registry/status/a-1.json", validFrom: "2027-01-01T00:00:00Z", revoked: [3] });
    expect(list.type).toEqual(["VerifiableCredential", "BitstringStatusListCredential"]);
    expect(list.credentialSubject).toMatchObject({ id: "https://x.example/registry/status/a-1.json#list", type: "BitstringStatusList", statusPurpose: "revocation" });
    expect(getBit(decodeStatusList(list.credentialSubject.encodedList)!, 3)).toBe(true);
    expect(statusListSchema.safeParse({ ...list, proof: { type: "DataIntegrityProof", cryptosuite: "eddsa-jcs-2022", created: "2027-01-01T00:00:00Z", verificationMethod: `did:key:z6Mk${"a".repeat(44)}#z6Mk${"a".repeat(44)}`, proofPurpose: "assertionMethod", proofValue: `z${"a".repeat(87)}` } }).success).toBe(true);
  });
});

describe("randomFreeIndex", () => {
  it("never returns a used index", () => {
    const used = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const index = randomFreeIndex(used, 8192)!;
      expect(used.has(index)).toBe(false);
      used.add(index);
    }
  });

  it("spreads over the whole list", () => {
    const picks = Array.from({ length: 200 }, () => randomFreeIndex(new Set()));
    expect(Math.max(...(picks as number[]))).toBeGreaterThan(STATUS_LIST_SIZE / 2);
    expect(Math.min(...(picks as number[]))).toBeLessThan(STATUS_LIST_SIZE / 2);
  });

  it("finds the last free index of a nearly full list, and says when the list is full", () => {
    const used = new Set(Array.from({ length: 1024 }, (_, i) => i).filter((i) => i !== 777));
    expect(randomFreeIndex(used, 1024, () => 0)).toBe(777);
    used.add(777);
    expect(randomFreeIndex(used, 1024)).toBeUndefined();
  });
});
