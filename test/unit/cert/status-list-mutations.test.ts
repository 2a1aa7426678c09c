/**
 * Bitstring Status List at its edges: which bit an index names, clearing one bit only,
 * the sizes a list may have, the GZIP header and trailer checks of decoding, and the
 * fallback draw of randomFreeIndex.
 */
import { base64urlnopad } from "@scure/base";
import { gzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildStatusList, createBitstring, decodeStatusList, encodeStatusList, getBit, randomFreeIndex, setBit } from "../../../src/lib/cert/status-list.ts";

const encode = (gz: Uint8Array) => `u${base64urlnopad.encode(gz)}`;

describe("bits", () => {
  it("index i is bit 7 - i % 8 of byte i / 8, for every position in a byte", () => {
    for (let i = 0; i < 16; i++) {
      const bits = createBitstring(16);
      setBit(bits, i);
      expect([...bits], String(i)).toEqual(i < 8 ? [0x80 >> i, 0] : [0, 0x80 >> (i - 8)]);
      for (let j = 0; j < 16; j++) expect(getBit(bits, j), `${i}/${j}`).toBe(i === j);
    }
  });

  it("clearing a bit leaves the others set; setting twice keeps it set", () => {
    const bits = createBitstring(8);
    setBit(bits, 0);
    setBit(bits, 1);
    setBit(bits, 1);
    setBit(bits, 7);
    expect(bits[0]).toBe(0b1100_0001);
    setBit(bits, 1, false);
    expect(bits[0]).toBe(0b1000_0001);
    setBit(bits, 1, false);
    expect(bits[0]).toBe(0b1000_0001);
  });

  it("the last bit is inside; one past it, a negative or a fractional index is not, and says which", () => {
    const bits = createBitstring(16);
    setBit(bits, 15);
    expect(getBit(bits, 15)).toBe(true);
    expect(bits[1]).toBe(1);
    expect(() => getBit(bits, 16)).toThrow(new RangeError("状态列表没有第 16 位"));
    expect(() => setBit(bits, -1)).toThrow(new RangeError("状态列表没有第 -1 位"));
    expect(() => getBit(bits, 0.5)).toThrow(new RangeError("状态列表没有第 0.5 位"));
  });

  it("a list has a positive whole number of bytes", () => {
    expect(createBitstring(8)).toHaveLength(1);
    expect(createBitstring(1024)).toHaveLength(128);
    for (const size of [0, -8, 4, 8.5, Number.NaN]) expect(() => createBitstring(size), String(size)).toThrow(new RangeError("状态列表长度应为 8 的正整数倍"));
  });
});

describe("encoding", () => {
  it("GZIP without a timestamp: bytes 4–7 are zero", () => {
    const gz = base64urlnopad.decode(encodeStatusList(createBitstring(1024)).slice(1));
    expect([...gz.slice(4, 8)]).toEqual([0, 0, 0, 0]);
  });

  it("round-trips a small list bit for bit", () => {
    const bits = createBitstring(64);
    for (const i of [0, 9, 33, 63]) setBit(bits, i);
    expect([...decodeStatusList(encodeStatusList(bits))!]).toEqual([...bits]);
  });
});

describe("decoding refuses", () => {
  it("what is not text, or not multibase base64url", () => {
    const good = encodeStatusList(createBitstring(64));
    expect(decodeStatusList(undefined as unknown as string)).toBeUndefined();
    expect(decodeStatusList(5 as unknown as string)).toBeUndefined();
    expect(decodeStatusList(`z${good.slice(1)}`)).toBeUndefined();
    expect(decodeStatusList(`${good}=`)).toBeUndefined();
    // Three bytes: too short to hold a GZIP trailer at all.
    expect(decodeStatusList("uAAAA")).toBeUndefined();
    expect(decodeStatusList("u")).toBeUndefined();
    expect(decodeStatusList(good)).toHaveLength(8);
  });

  it("GZIP shorter than header and trailer", () => {
    const gz = gzipSync(new Uint8Array(0));
    expect(gz.length).toBe(20);
    expect(decodeStatusList(encode(gz.slice(0, 17)))).toBeUndefined();
    // 18 bytes: long enough to read a trailer, but no valid stream.
    expect(decodeStatusList(encode(gz.slice(2)))).toBeUndefined();
  });

  it("an empty list, and a trailer that claims more than the stream holds", () => {
    expect(decodeStatusList(encode(gzipSync(new Uint8Array(0))))).toBeUndefined();
    const gz = gzipSync(new Uint8Array(64));
    const claim = (size: number) => {
      const copy = gz.slice();
      new DataView(copy.buffer).setUint32(copy.length - 4, size, true);
      return decodeStatusList(encode(copy));
    };
    expect(claim(64)).toHaveLength(64);
    expect(claim(72)).toBeUndefined();
  });

  it("a stream that is not DEFLATE, under a trailer that looks right", () => {
    const gz = gzipSync(new Uint8Array(64));
    // The first block's header: 0b111 is a reserved block type.
    gz[10] = 0xff;
    expect(decodeStatusList(encode(gz))).toBeUndefined();
  });

  it("a trailer that claims less than the stream holds, for a list of any size", () => {
    for (const size of [64, 16_384, 131_072]) {
      const bits = createBitstring(size * 8);
      setBit(bits, size * 8 - 1);
      const gz = gzipSync(bits);
      for (const claim of [size - 1, size - 8, 1]) {
        const copy = gz.slice();
        new DataView(copy.buffer).setUint32(copy.length - 4, claim, true);
        expect(decodeStatusList(encode(copy)), `${size} bytes claimed as ${claim}`).toBeUndefined();
      }
      expect(decodeStatusList(encode(gz))).toHaveLength(size);
    }
  });

  it("a claim just above 16 MB, while exactly 16 MB is read", () => {
    const max = 16 * 1024 * 1024;
    const gz = gzipSync(new Uint8Array(max));
    expect(decodeStatusList(encode(gz))).toHaveLength(max);
    new DataView(gz.buffer, gz.byteOffset).setUint32(gz.length - 4, max + 1, true);
    expect(decodeStatusList(encode(gz))).toBeUndefined();
  });
});

describe("randomFreeIndex", () => {
  it("takes a random free index at once", () => {
    expect(randomFreeIndex(new Set([1, 2]), 8, () => 5)).toBe(5);
  });

  it("after 64 used draws, draws among the free indexes in order", () => {
    let calls = 0;
    const random = (n: number) => (calls++ < 64 ? 0 : n - 1);
    expect(randomFreeIndex(new Set([0, 3]), 8, random)).toBe(7);
    // Exactly 64 draws: a 65th would have found index 1 free.
    let tries = 0;
    const fallback = () => (tries++ < 64 ? 0 : 1);
    expect(randomFreeIndex(new Set([0, 3]), 8, fallback)).toBe(2);
    expect(tries).toBe(65);
  });

  it("a full list has no index, one short of full has one", () => {
    expect(randomFreeIndex(new Set([0, 1, 2, 3, 4, 5, 6, 7]), 8, () => 0)).toBeUndefined();
    expect(randomFreeIndex(new Set([0, 1, 2, 3, 4, 5, 6]), 8, () => 0)).toBe(7);
    expect(randomFreeIndex(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]), 8, () => 0)).toBeUndefined();
  });

  it("the default draw stays inside the list", () => {
    for (let i = 0; i < 50; i++) {
      const index = randomFreeIndex(new Set(), 16)!;
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(16);
    }
  });
});

describe("buildStatusList", () => {
  it("the whole unsigned credential, with only the revoked bits set", () => {
    const list = buildStatusList({ issuer: { id: "https://sfj.example/", type: ["Profile"], name: "县司法局" }, url: "https://x.example/s.json", validFrom: "2027-01-01T00:00:00Z", revoked: [1, 6], size: 8 });
    expect(list).toEqual({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      id: "https://x.example/s.json",
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      issuer: { id: "https://sfj.example/", type: ["Profile"], name: "县司法局" },
      validFrom: "2027-01-01T00:00:00Z",
      credentialSubject: { id: "https://x.example/s.json#list", type: "BitstringStatusList", statusPurpose: "revocation", encodedList: encodeStatusList(Uint8Array.of(0b0100_0010)) },
    });
    expect(decodeStatusList(buildStatusList({ issuer: list.issuer, url: list.id, validFrom: list.validFrom, revoked: [] }).credentialSubject.encodedList)).toHaveLength(16384);
  });
});
