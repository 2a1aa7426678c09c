/**
 * verifyCertificate at its edges: the exact second a certificate starts and stops being
 * valid, the last index a status list covers, a list that is signed but cannot be decoded,
 * impossible dates hidden in any date field, and what the details carry. Everything is
 * made inside each test.
 */
import { describe, expect, it } from "vitest";
import { buildCredential } from "../../../src/lib/cert/credential.ts";
import { signDataIntegrity } from "../../../src/lib/cert/proof.ts";
import { buildStatusList } from "../../../src/lib/cert/status-list.ts";
import type { SignedCredential, StatusListCredential, VerifyOptions } from "../../../src/lib/cert/types.ts";
import { verifyCertificate } from "../../../src/lib/cert/verify.ts";
import { credentialInput, HOLDER, LIST_URL, makeIssuer, NOW, signedCredential, statusList, type TestIssuer } from "./helpers.ts";

async function setup() {
  const t = await makeIssuer();
  const credential = await signedCredential(t);
  const list = await statusList(t);
  const options = (over: Partial<VerifyOptions> = {}): VerifyOptions => ({ issuers: [t.issuer], statusLists: [list], now: NOW, ...over });
  return { t, credential, list, options };
}

/** A list of `size` entries, signed by t's key. */
async function sizedList(t: TestIssuer, size: number, revoked: number[] = [], encodedList?: string): Promise<StatusListCredential> {
  const list = buildStatusList({ issuer: { id: t.issuer.uri, type: ["Profile"], name: t.issuer.name }, url: LIST_URL, validFrom: "2027-02-01T00:00:00Z", revoked, size });
  if (encodedList) list.credentialSubject.encodedList = encodedList;
  return signDataIntegrity(list, t.key, { created: "2027-02-01T00:00:00Z" });
}

describe("validity to the second", () => {
  it("valid from the first second of the first day to the last second of the last day, not a millisecond more", async () => {
    const { credential, options } = await setup();
    const at = async (iso: string, ms = 0) => (await verifyCertificate(credential, options({ now: new Date(Date.parse(iso) + ms) }))).code;
    expect(await at("2026-12-01T00:00:00+08:00", -1)).toBe("not-yet-valid");
    expect(await at("2026-12-01T00:00:00+08:00")).toBe("valid");
    expect(await at("2027-11-30T23:59:59+08:00")).toBe("valid");
    expect(await at("2027-11-30T23:59:59+08:00", 1)).toBe("expired");
  });

  it("an expired or not yet valid verdict keeps the issuer and dates, with no problem", async () => {
    const { credential, options } = await setup();
    const expired = await verifyCertificate(credential, options({ now: new Date("2028-01-01T00:00:00Z") }));
    expect(expired.code).toBe("expired");
    expect(expired.details).toMatchObject({ issuer: { id: "qingxi-sfj" }, validUntil: "2027-11-30T23:59:59+08:00" });
    expect(expired.details).not.toHaveProperty("problem");
    expect(expired.details).not.toHaveProperty("statusList");
  });
});

describe("malformed dates", () => {
  it("an impossible date in any date field is malformed, whatever the signature", async () => {
    const { credential, options } = await setup();
    const bad = "2027-02-30T25:00:00+08:00";
    const cases: ((c: SignedCredential) => void)[] = [
      (c) => void (c.validFrom = bad),
      (c) => void (c.validUntil = bad),
      (c) => void (c.awardedDate = bad),
      (c) => void (c.proof.created = "2026-12-01T25:30:00Z"),
    ];
    for (const change of cases) {
      const copy = structuredClone(credential);
      change(copy);
      expect(await verifyCertificate(copy, options())).toEqual({ code: "malformed", details: { problem: "shape" } });
    }
  });
});

describe("the status list", () => {
  it("the last index a list covers is checked; one past it is status-index", async () => {
    const { t, options } = await setup();
    const last = await signedCredential(t, { status: { listUrl: LIST_URL, index: 1023 } });
    const past = await signedCredential(t, { status: { listUrl: LIST_URL, index: 1024 } });
    expect((await verifyCertificate(last, options({ statusLists: [await sizedList(t, 1024)] }))).code).toBe("valid");
    expect((await verifyCertificate(last, options({ statusLists: [await sizedList(t, 1024, [1023])] }))).code).toBe("revoked");
    expect(await verifyCertificate(past, options({ statusLists: [await sizedList(t, 1024, [1023])] }))).toMatchObject({
      code: "status-unavailable",
      details: { problem: "status-index", statusList: { id: LIST_URL, validFrom: "2027-02-01T00:00:00Z" } },
    });
  });

  it("a revoked bit is read for this index only", async () => {
    const { t, credential, options } = await setup();
    // 48213 = byte 6026, bit 5 (mask 0x04): its neighbours in the same byte do not revoke it.
    expect((await verifyCertificate(credential, options({ statusLists: [await statusList(t, [48208, 48209, 48210, 48211, 48212, 48214, 48215])] }))).code).toBe("valid");
    expect((await verifyCertificate(credential, options({ statusLists: [await statusList(t, [48213])] }))).code).toBe("revoked");
  });

  it("a list signed by the issuer that does not decode is status-list-invalid, never valid", async () => {
    const { t, credential, options } = await setup();
    for (const encodedList of ["uAAAA", "uH4sIAAAAAAAAAwMAAAAAAAAAAAA", `u${"A".repeat(40)}`]) {
      const broken = await sizedList(t, 1024, [], encodedList);
      expect(await verifyCertificate(credential, options({ statusLists: [broken] })), encodedList).toEqual(
        expect.objectContaining({ code: "status-unavailable", details: expect.objectContaining({ problem: "status-list-invalid" }) }),
      );
    }
  });

  it("a list that is not a status list credential is status-list-invalid", async () => {
    const { credential, list, options } = await setup();
    const notAList = { ...structuredClone(list), type: ["VerifiableCredential"] } as unknown as StatusListCredential;
    expect((await verifyCertificate(credential, options({ statusLists: [notAList] }))).details.problem).toBe("status-list-invalid");
    const noIssuer = { ...structuredClone(list), issuer: undefined } as unknown as StatusListCredential;
    expect((await verifyCertificate(credential, options({ statusLists: [noIssuer] }))).details.problem).toBe("status-list-invalid");
  });

  it("a signed list for another purpose (suspension) is not taken as the revocation list", async () => {
    const { t, credential, options } = await setup();
    const list = buildStatusList({ issuer: { id: t.issuer.uri, type: ["Profile"], name: t.issuer.name }, url: LIST_URL, validFrom: "2027-02-01T00:00:00Z", revoked: [] });
    const suspension = { ...list, credentialSubject: { ...list.credentialSubject, statusPurpose: "suspension" } } as unknown as typeof list;
    const signed = await signDataIntegrity(suspension, t.key, { created: "2027-02-01T00:00:00Z" });
    expect(await verifyCertificate(credential, options({ statusLists: [signed] }))).toMatchObject({ code: "status-unavailable", details: { problem: "status-list-invalid" } });
  });

  it("the list is found by the credential's list URL among others, gaps ignored", async () => {
    const { t, credential, list, options } = await setup();
    const other = await statusList(t, [48213], { url: `${LIST_URL}x` });
    expect((await verifyCertificate(credential, options({ statusLists: [other, undefined as unknown as StatusListCredential, list] }))).code).toBe("valid");
    expect(await verifyCertificate(credential, options({ statusLists: [other] }))).toMatchObject({ code: "status-unavailable", details: { problem: "status-list-missing" } });
  });

  it("a list in another issuer's name is refused even when that issuer is listed and signed it", async () => {
    const { t, credential, options } = await setup();
    const other = await makeIssuer({ id: "dongping-tjzx", uri: "https://dongping.example.gov.cn/" });
    const theirs = await statusList(other, []);
    expect(await verifyCertificate(credential, options({ issuers: [t.issuer, other.issuer], statusLists: [theirs] }))).toMatchObject({
      code: "status-unavailable",
      details: { problem: "status-list-invalid" },
    });
  });

  it("a list made by an unlisted key is refused even when it was verified before with a trusting issuer list", async () => {
    const { t, credential, options } = await setup();
    const fresh = await statusList(t, []);
    expect((await verifyCertificate(credential, options({ statusLists: [fresh] }))).code).toBe("valid");
    const compromised = [{ ...t.issuer, keys: [{ ...t.issuer.keys[0]!, compromised: true }] }];
    const verdict = await verifyCertificate(credential, options({ issuers: compromised, statusLists: [fresh] }));
    expect(verdict.code).toBe("unknown-issuer");
  });
});

describe("details", () => {
  it("a valid verdict has no problem; a renewal names the certificate it renews", async () => {
    const { t, list, options } = await setup();
    const renews = "urn:uuid:4f6c0c52-8f3a-4f55-9d1e-2b7c2f8e1a91";
    const renewal = await signedCredential(t, { renews, awardedDate: "2025-12-01" });
    const verdict = await verifyCertificate(renewal, options({ statusLists: [list] }));
    expect(verdict.code).toBe("valid");
    expect(verdict.details.renews).toBe(renews);
    expect(verdict.details.awardedDate).toBe("2025-12-01T00:00:00+08:00");
    expect(verdict.details).not.toHaveProperty("problem");
    const plain = await verifyCertificate(await signedCredential(t), options());
    expect(plain.details).not.toHaveProperty("renews");
    expect(plain.details).not.toHaveProperty("problem");
    expect(plain.details).not.toHaveProperty("fullName");
  });

  it("a revocation record without a note carries no note; another certificate's record is not used", async () => {
    const { t, credential, options } = await setup();
    const revokedList = await statusList(t, [48213]);
    const verdict = await verifyCertificate(credential, options({ statusLists: [revokedList], revocations: { [credential.id]: { date: "2027-02-01", reason: "misconduct" } } }));
    expect(verdict.details.revocation).toStrictEqual({ date: "2027-02-01", reason: "misconduct" });
    const other = await verifyCertificate(credential, options({ statusLists: [revokedList], revocations: { "urn:uuid:00000000-0000-4000-8000-000000000009": { date: "2027-02-01", reason: "other" } } }));
    expect(other.code).toBe("revoked");
    expect(other.details).not.toHaveProperty("revocation");
  });

  it("the name check is skipped without a name, and a blank name never matches", async () => {
    const { credential, options } = await setup();
    expect(await verifyCertificate(credential, options({ nameCheck: { name: "  ", salt: HOLDER.salt } }))).toMatchObject({ code: "name-mismatch" });
    const mismatch = await verifyCertificate(credential, options({ nameCheck: { name: "李四", salt: HOLDER.salt } }));
    expect(mismatch.details).not.toHaveProperty("fullName");
    expect(mismatch.details).not.toHaveProperty("problem");
    expect(mismatch.details.issuer).toEqual({ id: "qingxi-sfj", name: "清溪县司法局", uri: "https://sfj.qingxi.example.gov.cn/" });
  });

  it("a bad signature keeps the credential's own issuer name and uri, without a listed id", async () => {
    const { t, options } = await setup();
    const c = await signDataIntegrity(await buildCredential(credentialInput(t.issuer)), t.key, { created: "2026-12-01T09:30:00Z" });
    const altered = structuredClone(c);
    altered.credentialSubject.village = "xicun";
    expect(await verifyCertificate(altered, options())).toEqual({
      code: "bad-signature",
      details: expect.objectContaining({ issuer: { name: "清溪县司法局", uri: "https://sfj.qingxi.example.gov.cn/" }, problem: "signature", village: "xicun" }),
    });
  });
});
