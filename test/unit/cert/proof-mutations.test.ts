/**
 * eddsa-jcs-2022 proofs at their edges: each refusal of verifyDataIntegrity with its
 * reason (a proof that is not ours, a broken proof value, a context changed after
 * signing), and what signDataIntegrity refuses to sign.
 */
import { base58 } from "@scure/base";
import { describe, expect, it } from "vitest";
import { generateKeyPair, multibaseToPublicKey } from "../../../src/lib/cert/keys.ts";
import { isDateTimeStamp, nowStamp, signDataIntegrity, verifyDataIntegrity } from "../../../src/lib/cert/proof.ts";

const CREATED = "2026-12-01T09:30:00Z";
const VC = "https://www.w3.org/ns/credentials/v2";

async function signed(document: Record<string, unknown> = { "@context": [VC], id: "urn:x", value: 1 }) {
  const key = await generateKeyPair("qingxi-sfj");
  return { key, doc: await signDataIntegrity(document, key, { created: CREATED }) };
}

const withProof = (doc: { proof: object }, change: Record<string, unknown>) => ({ ...doc, proof: { ...doc.proof, ...change } });

describe("verifyDataIntegrity", () => {
  it("accepts the signed document and names its key and time", async () => {
    const { key, doc } = await signed();
    expect(await verifyDataIntegrity(doc)).toEqual({ ok: true, verificationMethod: key.id, created: CREATED });
  });

  it("shape: no object, or no proof object", async () => {
    const { doc } = await signed();
    for (const bad of [null, "x", [doc], { ...doc, proof: "z" }, { ...doc, proof: null }, { ...doc, proof: [doc.proof] }]) {
      expect(await verifyDataIntegrity(bad), JSON.stringify(bad)?.slice(0, 30)).toEqual({ ok: false, reason: "shape" });
    }
  });

  it("unsupported-proof: another type or suite, a created that is no date-time stamp, no method or purpose", async () => {
    const { doc } = await signed();
    for (const change of [
      { type: "Ed25519Signature2020" },
      { cryptosuite: "eddsa-rdfc-2022" },
      { created: "2026-12-01" },
      { created: "2026-12-01T09:30:00" },
      { created: 1 },
      { verificationMethod: 5 },
      { proofPurpose: undefined },
      { proofPurpose: 1 },
    ]) {
      expect(await verifyDataIntegrity(withProof(doc, change)), JSON.stringify(change)).toEqual({ ok: false, reason: "unsupported-proof" });
    }
  });

  it("bad-proof-value: not text, no z, not base58, or not 64 bytes", async () => {
    const { doc } = await signed();
    const value = doc.proof.proofValue;
    const bytes = base58.decode(value.slice(1));
    for (const proofValue of [undefined, 42, value.slice(1), `u${value.slice(1)}`, `z${value.slice(1, -1)}0`, `z${base58.encode(bytes.slice(0, 63))}`, `z${base58.encode(new Uint8Array([...bytes, 0]))}`]) {
      expect(await verifyDataIntegrity(withProof(doc, { proofValue })), String(proofValue).slice(0, 12)).toEqual({ ok: false, reason: "bad-proof-value" });
    }
  });

  it("signature: one bit of the proof value or of the document changed", async () => {
    const { doc } = await signed();
    const bytes = base58.decode(doc.proof.proofValue.slice(1));
    bytes[10] ^= 1;
    expect(await verifyDataIntegrity(withProof(doc, { proofValue: `z${base58.encode(bytes)}` }))).toEqual({ ok: false, reason: "signature" });
    expect(await verifyDataIntegrity({ ...doc, value: 2 })).toEqual({ ok: false, reason: "signature" });
    expect(await verifyDataIntegrity(withProof(doc, { created: "2026-12-01T09:30:01Z" }))).toEqual({ ok: false, reason: "signature" });
  });

  it("bad-key: a method that is no Ed25519 did:key", async () => {
    const { doc } = await signed();
    for (const verificationMethod of ["https://example/key", "did:key:z6Mk", `${doc.proof.verificationMethod}x`]) {
      expect(await verifyDataIntegrity(withProof(doc, { verificationMethod })), verificationMethod).toEqual({ ok: false, reason: "bad-key" });
    }
  });

  it("another key passed in is used instead of the method's: the signature then fails", async () => {
    const { key, doc } = await signed();
    const other = await generateKeyPair("other");
    expect(await verifyDataIntegrity(doc, { publicKey: multibaseToPublicKey(other.publicKeyMultibase)! })).toEqual({ ok: false, reason: "signature" });
    expect(await verifyDataIntegrity(doc, { publicKey: multibaseToPublicKey(key.publicKeyMultibase)! })).toMatchObject({ ok: true });
    // A method that names no key at all still verifies with the key given.
    expect(await verifyDataIntegrity(withProof(doc, { verificationMethod: "not-a-did" }), { publicKey: multibaseToPublicKey(key.publicKeyMultibase)! })).toEqual({
      ok: false,
      reason: "signature",
    });
  });

  it("context: the document's @context must start with the proof's, entry by entry", async () => {
    const { doc } = await signed({ "@context": [`${VC}x`, "https://example/b"], value: 1 });
    expect(await verifyDataIntegrity(doc)).toMatchObject({ ok: true });
    // A context entry shortened (a prefix of the signed one), changed or dropped.
    for (const context of [[VC, "https://example/b"], [`${VC}y`, "https://example/b"], [`${VC}x`], `${VC}x`, [], undefined]) {
      expect(await verifyDataIntegrity({ ...doc, "@context": context }), JSON.stringify(context)).toEqual({ ok: false, reason: "context" });
    }
    // Entries after the proof's are allowed by the spec, and the proof's context is what was signed.
    expect(await verifyDataIntegrity({ ...doc, "@context": [`${VC}x`, "https://example/b", "https://example/c"] })).toMatchObject({ ok: true });
  });

  it("context entries are compared whole: an entry whose JSON is a prefix of the signed one is refused", async () => {
    // JCS of 1 is a byte prefix of JCS of 12; the entries still differ.
    const { doc } = await signed({ "@context": [12, "https://example/b"], value: 1 });
    expect(await verifyDataIntegrity(doc)).toMatchObject({ ok: true });
    expect(await verifyDataIntegrity({ ...doc, "@context": [1, "https://example/b"] })).toEqual({ ok: false, reason: "context" });
  });

  it("a proof without @context hashes the document's own context", async () => {
    const { doc } = await signed({ id: "urn:x", value: 1 });
    expect(doc.proof).not.toHaveProperty("@context");
    expect(await verifyDataIntegrity(doc)).toMatchObject({ ok: true });
    expect(await verifyDataIntegrity({ ...doc, "@context": [VC] })).toEqual({ ok: false, reason: "signature" });
  });
});

describe("signDataIntegrity", () => {
  it("writes the proof options, the document's context, and a 64-byte base58btc signature", async () => {
    const { key, doc } = await signed();
    const { proofValue, ...options } = doc.proof;
    expect(options).toEqual({ type: "DataIntegrityProof", cryptosuite: "eddsa-jcs-2022", created: CREATED, verificationMethod: key.id, proofPurpose: "assertionMethod", "@context": [VC] });
    expect(proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]+$/);
    expect(base58.decode(proofValue.slice(1))).toHaveLength(64);
  });

  it("takes the purpose and time given; without a time, now to the second", async () => {
    const key = await generateKeyPair("qingxi-sfj");
    const doc = await signDataIntegrity({ a: 1 }, key, { proofPurpose: "authentication" });
    expect(doc.proof.proofPurpose).toBe("authentication");
    expect(doc.proof.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Math.abs(Date.parse(doc.proof.created) - Date.now())).toBeLessThan(60_000);
  });

  it("refuses what it cannot sign, saying why", async () => {
    const key = await generateKeyPair("qingxi-sfj");
    await expect(signDataIntegrity([1] as unknown as object, key)).rejects.toThrow("只能给 JSON 对象签名");
    await expect(signDataIntegrity(null as unknown as object, key)).rejects.toThrow("只能给 JSON 对象签名");
    await expect(signDataIntegrity({ proof: {} }, key)).rejects.toThrow("文件已经带有签名 proof，不能再签一次");
    await expect(signDataIntegrity({ a: 1 }, key, { created: "2026-12-01" })).rejects.toThrow("签名时间 2026-12-01 不是带时区的 ISO 时间");
    await expect(signDataIntegrity({ a: 1 }, { ...key, secretKeyMultibase: key.publicKeyMultibase })).rejects.toThrow("密钥文件中的私钥格式不正确");
    await expect(signDataIntegrity({ a: Number.NaN }, key, { created: CREATED })).rejects.toThrow("文件含有 JSON 不能表示的值");
  });

  it("nowStamp drops the milliseconds; isDateTimeStamp wants a zone and a real time", () => {
    expect(nowStamp(new Date("2026-12-01T09:30:00.123Z"))).toBe("2026-12-01T09:30:00Z");
    for (const good of ["2026-12-01T09:30:00Z", "2026-12-01T09:30:00.5+08:00", "2026-12-01T09:30:00.123Z", "2026-12-01T09:30:00-05:00"]) expect(isDateTimeStamp(good), good).toBe(true);
    for (const bad of ["2026-12-01T09:30Z", "2026-12-01T09:30:00", "x2026-12-01T09:30:00Z", "2026-12-01T09:30:00Zx", "2026-13-01T09:30:00Z", "2026-12-01T09:30:00+8:00", "2026-12-01T09:30:00+08:0", "2026-12-01T09:30:00.Z", 20261201]) {
      expect(isDateTimeStamp(bad), String(bad)).toBe(false);
    }
  });
});
