import { base58 } from "@scure/base";
import { describe, expect, it } from "vitest";
import {
  didKeyOf,
  didKeyToPublicKey,
  generateKeyPair,
  keyFileFromMultibase,
  multibaseToPublicKey,
  parseKeyFile,
  publicKeyOfSeed,
  publicKeyToDidKey,
  verificationMethodOf,
} from "../../../src/lib/cert/keys.ts";
import { signDataIntegrity, verifyDataIntegrity } from "../../../src/lib/cert/proof.ts";

const W3C_PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
const W3C_SECRET = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";

describe("did:key", () => {
  it("round-trips an Ed25519 public key (multicodec 0xed01, base58btc)", () => {
    const key = multibaseToPublicKey(W3C_PUBLIC)!;
    expect(key).toHaveLength(32);
    expect(publicKeyToDidKey(key)).toBe(`did:key:${W3C_PUBLIC}`);
    expect(didKeyToPublicKey(`did:key:${W3C_PUBLIC}`)).toEqual(key);
    expect(didKeyToPublicKey(`did:key:${W3C_PUBLIC}#${W3C_PUBLIC}`)).toEqual(key);
    expect(verificationMethodOf(`did:key:${W3C_PUBLIC}`)).toBe(`did:key:${W3C_PUBLIC}#${W3C_PUBLIC}`);
    expect(didKeyOf(`did:key:${W3C_PUBLIC}#${W3C_PUBLIC}`)).toBe(`did:key:${W3C_PUBLIC}`);
  });

  it("refuses other codecs, other encodings and mismatched fragments", () => {
    const p256 = "z" + base58.encode(Uint8Array.from([0x80, 0x24, ...new Uint8Array(33)]));
    for (const bad of [
      `did:key:${p256}`,
      `did:key:${W3C_SECRET}`,
      `did:key:u${W3C_PUBLIC.slice(1)}`,
      `did:key:${W3C_PUBLIC}#key-1`,
      `did:key:${W3C_PUBLIC}#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK`,
      `did:web:${W3C_PUBLIC}`,
      `did:key:${W3C_PUBLIC.slice(0, -1)}`,
      "did:key:z0OIl",
    ]) {
      expect(didKeyToPublicKey(bad), bad).toBeUndefined();
    }
  });
});

describe("key files", () => {
  it("derives the W3C vector's public key from its secret", async () => {
    const key = await keyFileFromMultibase(W3C_PUBLIC, W3C_SECRET, "w3c", "2023-01-01T00:00:00Z");
    expect(key).toMatchObject({ type: "Multikey", controller: `did:key:${W3C_PUBLIC}`, id: `did:key:${W3C_PUBLIC}#${W3C_PUBLIC}` });
    await expect(keyFileFromMultibase("z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", W3C_SECRET, "w3c", "x")).rejects.toThrow("不匹配");
  });

  it("generates a new key each time, which signs and verifies", async () => {
    const a = await generateKeyPair("qingxi-sfj", new Date("2026-12-02T08:00:00.123Z"));
    const b = await generateKeyPair("qingxi-sfj");
    expect(a.controller).not.toBe(b.controller);
    expect(a).toMatchObject({ format: "mediator-academy/issuer-key/1", issuer: "qingxi-sfj", created: "2026-12-02T08:00:00Z" });
    expect(a.secretKeyMultibase).toMatch(/^z3u2/);
    expect(a.publicKeyMultibase).toMatch(/^z6Mk/);
    const seedKey = await publicKeyOfSeed(base58.decode(a.secretKeyMultibase.slice(1)).slice(2));
    expect(publicKeyToDidKey(seedKey)).toBe(a.controller);
    const signed = await signDataIntegrity({ hello: "世界" }, a);
    expect(await verifyDataIntegrity(signed)).toMatchObject({ ok: true, verificationMethod: a.id });
  });

  it("parses a key file, refusing one whose halves do not belong together", async () => {
    const key = await generateKeyPair("qingxi-sfj");
    expect(await parseKeyFile(JSON.stringify(key))).toEqual({ ok: true, key });
    const other = await generateKeyPair("qingxi-sfj");
    expect(await parseKeyFile(JSON.stringify({ ...key, secretKeyMultibase: other.secretKeyMultibase }))).toEqual({ ok: false, problem: "mismatch" });
    expect(await parseKeyFile(JSON.stringify({ ...key, controller: other.controller }))).toEqual({ ok: false, problem: "mismatch" });
    expect(await parseKeyFile(JSON.stringify({ ...key, format: "x" }))).toEqual({ ok: false, problem: "not-a-key-file" });
    expect(await parseKeyFile("{")).toEqual({ ok: false, problem: "not-json" });
  });
});

describe("signDataIntegrity refuses", () => {
  it("a document already signed, a created time without zone, values JSON cannot hold", async () => {
    const key = await generateKeyPair("x");
    await expect(signDataIntegrity({ proof: {} }, key)).rejects.toThrow(TypeError);
    await expect(signDataIntegrity({ a: 1 }, key, { created: "2026-12-01 09:30" })).rejects.toThrow(TypeError);
    await expect(signDataIntegrity({ a: Number.NaN }, key)).rejects.toThrow(/JSON 不能表示/);
    await expect(signDataIntegrity({ a: 1 }, { ...key, secretKeyMultibase: "z123" })).rejects.toThrow(/私钥格式不正确/);
    await expect(signDataIntegrity([] as unknown as object, key)).rejects.toThrow(/JSON 对象/);
  });

  it("and verification says why a proof does not hold", async () => {
    const key = await generateKeyPair("x");
    const signed = await signDataIntegrity({ "@context": ["https://www.w3.org/ns/credentials/v2"], a: 1 }, key, { created: "2026-12-01T09:30:00Z" });
    expect(await verifyDataIntegrity({ a: 1 })).toEqual({ ok: false, reason: "shape" });
    expect(await verifyDataIntegrity({ ...signed, proof: { ...signed.proof, cryptosuite: "eddsa-rdfc-2022" } })).toEqual({ ok: false, reason: "unsupported-proof" });
    expect(await verifyDataIntegrity({ ...signed, proof: { ...signed.proof, proofValue: "u123" } })).toEqual({ ok: false, reason: "bad-proof-value" });
    expect(await verifyDataIntegrity({ ...signed, proof: { ...signed.proof, proofValue: "z123" } })).toEqual({ ok: false, reason: "bad-proof-value" });
    expect(await verifyDataIntegrity({ ...signed, "@context": ["https://example.org/"] })).toEqual({ ok: false, reason: "context" });
    expect(await verifyDataIntegrity({ ...signed, proof: { ...signed.proof, verificationMethod: "https://example.org/#k" } })).toEqual({ ok: false, reason: "bad-key" });
    expect(await verifyDataIntegrity({ ...signed, a: 2 })).toEqual({ ok: false, reason: "signature" });
    const broken = (proof: Record<string, unknown>) => ({ ...signed, proof: { ...signed.proof, ...proof } });
    for (const proof of [{ created: "2026-12-01" }, { created: undefined }, { verificationMethod: 7 }, { proofPurpose: undefined }, { type: "Ed25519Signature2020" }]) {
      expect(await verifyDataIntegrity(broken(proof)), JSON.stringify(proof)).toEqual({ ok: false, reason: "unsupported-proof" });
    }
    // Characters outside the base58 alphabet (0, O, I, l), a missing value, and 63 bytes.
    for (const proofValue of ["z0OIl", undefined, "z" + signed.proof.proofValue.slice(1, -2)]) {
      expect(await verifyDataIntegrity(broken({ proofValue })), String(proofValue)).toEqual({ ok: false, reason: "bad-proof-value" });
    }
    // A public key WebCrypto cannot import (31 bytes) fails as a key, never as a pass.
    expect(await verifyDataIntegrity(signed, { publicKey: new Uint8Array(31) })).toEqual({ ok: false, reason: "bad-key" });
    // A value JCS cannot canonicalise inside the document.
    expect(await verifyDataIntegrity({ ...signed, n: Number.NaN })).toEqual({ ok: false, reason: "shape" });
    // A single (non-array) signed context must still be the document's first context.
    const single = await signDataIntegrity({ "@context": "https://www.w3.org/ns/credentials/v2", a: 1 }, key, { created: "2026-12-01T09:30:00Z" });
    expect(await verifyDataIntegrity(single)).toMatchObject({ ok: true });
    expect(await verifyDataIntegrity({ ...single, "@context": "https://example.org/" })).toEqual({ ok: false, reason: "context" });
    // Contexts appended after the signed ones are allowed by the spec and not signed.
    expect(await verifyDataIntegrity({ ...signed, "@context": [...signed["@context"], "https://example.org/"] })).toMatchObject({ ok: true });
  });
});
