/**
 * The W3C vc-di-eddsa test vector for eddsa-jcs-2022 (test/fixtures/cert/w3c-vc-di-eddsa,
 * sources in its README): we accept what a conforming signer made, and we produce the
 * same proof value from the same key, so any conforming verifier accepts ours.
 */
import { readFileSync } from "node:fs";
import { base58 } from "@scure/base";
import canonicalize from "canonicalize";
import { describe, expect, it } from "vitest";
import { hex, sha256, utf8 } from "../../../src/lib/cert/bytes.ts";
import { didKeyToPublicKey, keyFileFromMultibase, multibaseToPublicKey, publicKeyToDidKey } from "../../../src/lib/cert/keys.ts";
import { signDataIntegrity, verifyDataIntegrity } from "../../../src/lib/cert/proof.ts";

const dir = "test/fixtures/cert/w3c-vc-di-eddsa/";
const text = (name: string) => readFileSync(dir + name, "utf8");
const json = (name: string) => JSON.parse(text(name));

const keyPair = json("keyPair.json") as { publicKeyMultibase: string; privateKeyMultibase: string };
const signed = json("signedJCS.json");
const { proof, ...unsigned } = signed;
const publicKey = multibaseToPublicKey(keyPair.publicKeyMultibase)!;

/** The vector's key, its verification method replaced by the one the vector used. */
async function vectorKey(verificationMethod: string) {
  const key = await keyFileFromMultibase(keyPair.publicKeyMultibase, keyPair.privateKeyMultibase, "w3c", "2023-02-24T23:36:38Z");
  return { ...key, id: verificationMethod };
}

describe("W3C eddsa-jcs-2022 vector", () => {
  it("canonicalises the document and the proof configuration as the vector does", async () => {
    expect(canonicalize(unsigned)).toBe(text("canonDocJCS.txt"));
    expect(hex(await sha256(utf8(text("canonDocJCS.txt"))))).toBe(text("docHashJCS.txt"));
    expect(canonicalize(json("proofConfigJCS.json"))).toBe(canonicalize({ ...proof, proofValue: undefined }));
  });

  it("verifies signedJCS.json with the public key of keyPair.json", async () => {
    const result = await verifyDataIntegrity(signed, { publicKey });
    expect(result).toEqual({ ok: true, verificationMethod: proof.verificationMethod, created: "2023-02-24T23:36:38Z" });
    expect(hex(base58.decode(proof.proofValue.slice(1)))).toBe(text("sigHexJCS.txt"));
  });

  it("reproduces the vector's proofValue exactly from keyPair.json", async () => {
    const again = await signDataIntegrity(unsigned, await vectorKey(proof.verificationMethod), { created: proof.created });
    expect(again.proof).toEqual(proof);
  });

  it("reproduces the earlier revision of the vector (a did:key verification method) hash by hash", async () => {
    const vm = `${publicKeyToDidKey(publicKey)}#${keyPair.publicKeyMultibase}`;
    const config = JSON.parse(text("proofCanonJCS.txt"));
    expect(config.verificationMethod).toBe(vm);
    expect(hex(await sha256(utf8(text("proofCanonJCS.txt"))))).toBe(text("proofHashJCS.txt"));
    expect(text("combinedHashJCS.txt")).toBe(text("proofHashJCS.txt") + text("docHashJCS.txt"));
    const again = await signDataIntegrity(unsigned, await vectorKey(vm), { created: proof.created });
    expect(canonicalize({ ...again.proof, proofValue: undefined })).toBe(text("proofCanonJCS.txt"));
    // A did:key method needs no key passed in.
    expect(await verifyDataIntegrity(again)).toMatchObject({ ok: true, verificationMethod: vm });
    expect(didKeyToPublicKey(vm)).toEqual(publicKey);
  });

  it("refuses the vector once any value is changed", async () => {
    const changed = { ...signed, name: "Alumni Credential!" };
    expect(await verifyDataIntegrity(changed, { publicKey })).toEqual({ ok: false, reason: "signature" });
    const otherDate = { ...signed, proof: { ...proof, created: "2023-02-24T23:36:39Z" } };
    expect(await verifyDataIntegrity(otherDate, { publicKey })).toEqual({ ok: false, reason: "signature" });
  });
});
