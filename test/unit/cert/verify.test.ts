import { beforeAll, describe, expect, it } from "vitest";
import { generateKeyPair } from "../../../src/lib/cert/keys.ts";
import { signDataIntegrity } from "../../../src/lib/cert/proof.ts";
import type { Issuer, SignedCredential, StatusListCredential, VerdictCode, VerifyOptions } from "../../../src/lib/cert/types.ts";
import { notFound, parseCredentialText, verifyCertificate } from "../../../src/lib/cert/verify.ts";
import { buildCredential } from "../../../src/lib/cert/credential.ts";
import { HOLDER, LIST_URL, makeIssuer, NOW, credentialInput, signedCredential, statusList, type TestIssuer } from "./helpers.ts";

let t: TestIssuer;
let credential: SignedCredential;
let list: StatusListCredential;

const options = (overrides: Partial<VerifyOptions> = {}): VerifyOptions => ({ issuers: [t.issuer], statusLists: [list], now: NOW, ...overrides });
const codeOf = async (c: unknown, overrides: Partial<VerifyOptions> = {}) => (await verifyCertificate(c, options(overrides))).code;
const clone = <T>(value: T): T => structuredClone(value);

beforeAll(async () => {
  t = await makeIssuer();
  credential = await signedCredential(t);
  list = await statusList(t);
});

describe("verifyCertificate: one verdict per case", () => {
  it("valid: with every detail the page shows", async () => {
    const verdict = await verifyCertificate(credential, options());
    expect(verdict).toEqual({
      code: "valid",
      details: {
        number: "QX-2026-000123",
        level: { id: "pre-job", name: "人民调解员岗前培训合格" },
        issuer: { id: "qingxi-sfj", name: "清溪县司法局", uri: "https://sfj.qingxi.example.gov.cn/" },
        township: "xiping-zhen",
        village: "dongcun",
        maskedName: "张*明",
        credentialId: credential.id,
        validFrom: "2026-12-01T00:00:00+08:00",
        validUntil: "2027-11-30T23:59:59+08:00",
        awardedDate: "2026-12-01T00:00:00+08:00",
        signedAt: "2026-12-01T09:30:00Z",
        statusList: { id: LIST_URL, validFrom: "2027-02-01T00:00:00Z" },
      },
    });
  });

  it("expired after the last valid day, valid on it", async () => {
    expect(await codeOf(credential, { now: new Date("2027-11-30T23:59:00+08:00") })).toBe("valid");
    expect(await codeOf(credential, { now: new Date("2027-12-01T00:00:00+08:00") })).toBe("expired");
  });

  it("not yet valid before the first day", async () => {
    expect(await codeOf(credential, { now: new Date("2026-11-30T23:59:59+08:00") })).toBe("not-yet-valid");
    expect(await codeOf(credential, { now: new Date("2026-12-01T00:00:00+08:00") })).toBe("valid");
  });

  it("revoked, with reason and date when the registry has them", async () => {
    const revokedList = await statusList(t, [48213]);
    const withReason = await verifyCertificate(credential, options({
      statusLists: [revokedList],
      revocations: { [credential.id]: { date: "2027-02-01", reason: "left-post", note: "本人申请" } },
    }));
    expect(withReason.code).toBe("revoked");
    expect(withReason.details.revocation).toEqual({ date: "2027-02-01", reason: "left-post", note: "本人申请" });
    const without = await verifyCertificate(credential, options({ statusLists: [revokedList] }));
    expect(without.code).toBe("revoked");
    expect(without.details.revocation).toBeUndefined();
  });

  it("other revoked indexes leave this certificate valid", async () => {
    expect(await codeOf(credential, { statusLists: [await statusList(t, [0, 48212, 48214, 131071])] })).toBe("valid");
  });

  it("bad-signature when the content was altered", async () => {
    const altered = clone(credential);
    altered.credentialSubject.township = "dongping-zhen";
    const verdict = await verifyCertificate(altered, options());
    expect(verdict.code).toBe("bad-signature");
    expect(verdict.details.problem).toBe("signature");
  });

  it("unknown-issuer: issuer not listed", async () => {
    const verdict = await verifyCertificate(credential, options({ issuers: [] }));
    expect(verdict).toMatchObject({ code: "unknown-issuer", details: { problem: "unknown-issuer", issuer: { name: "清溪县司法局" } } });
    expect(verdict.details.issuer?.id).toBeUndefined();
  });

  it("unknown-issuer: signed with a key that is not the issuer's (wrong key)", async () => {
    const stranger = await generateKeyPair("qingxi-sfj");
    const forged = await signDataIntegrity(await buildCredential(credentialInput(t.issuer)), stranger, { created: "2026-12-01T09:30:00Z" });
    expect(await verifyCertificate(forged, options())).toMatchObject({ code: "unknown-issuer", details: { problem: "unknown-key" } });
  });

  it("unknown-issuer: a key listed under another issuer cannot sign for this one", async () => {
    const other = await makeIssuer({ id: "dongping-tjzx", uri: "https://dongping.example.gov.cn/" });
    const forged = await signDataIntegrity(await buildCredential(credentialInput(t.issuer)), other.key, { created: "2026-12-01T09:30:00Z" });
    expect(await verifyCertificate(forged, options({ issuers: [t.issuer, other.issuer] }))).toMatchObject({ code: "unknown-issuer", details: { problem: "unknown-key" } });
  });

  it("unknown-issuer: proof made outside the key's window", async () => {
    const retired: Issuer = { ...t.issuer, keys: [{ ...t.issuer.keys[0], validUntil: "2026-11-30" }] };
    expect(await verifyCertificate(credential, options({ issuers: [retired] }))).toMatchObject({ code: "unknown-issuer", details: { problem: "key-expired" } });
    const early: Issuer = { ...t.issuer, keys: [{ ...t.issuer.keys[0], validFrom: "2026-12-02" }] };
    expect(await verifyCertificate(credential, options({ issuers: [early] }))).toMatchObject({ code: "unknown-issuer", details: { problem: "key-not-yet-valid" } });
    // The window is in Beijing days: 2026-12-01T09:30Z is 17:30 on the 1st in Beijing.
    const lastDay: Issuer = { ...t.issuer, keys: [{ ...t.issuer.keys[0], validUntil: "2026-12-01" }] };
    expect(await codeOf(credential, { issuers: [lastDay], statusLists: [await statusList({ ...t, issuer: lastDay }, [], { created: "2026-12-01T10:00:00Z" })] })).toBe("valid");
  });

  it("unknown-issuer: a compromised key is refused whatever the date", async () => {
    const leaked: Issuer = { ...t.issuer, keys: [{ ...t.issuer.keys[0], compromised: true }] };
    expect(await verifyCertificate(credential, options({ issuers: [leaked] }))).toMatchObject({ code: "unknown-issuer", details: { problem: "key-compromised" } });
  });

  it("a rotated key: certificates signed before rotation stay valid, the old key cannot sign after", async () => {
    const next = await generateKeyPair("qingxi-sfj");
    const rotated: Issuer = {
      ...t.issuer,
      keys: [
        { ...t.issuer.keys[0], validUntil: "2026-12-31" },
        { id: next.controller, validFrom: "2027-01-01" },
      ],
    };
    const newList = await signDataIntegrity(
      Object.fromEntries(Object.entries(list).filter(([k]) => k !== "proof")) as Omit<StatusListCredential, "proof">,
      next,
      { created: "2027-02-01T00:00:00Z" },
    );
    const opts = { issuers: [rotated], statusLists: [newList] };
    expect(await codeOf(credential, opts)).toBe("valid");
    const renewed = await signedCredential({ issuer: rotated, key: next }, { id: "urn:uuid:00000000-0000-4000-8000-000000000002" }, "2027-01-05T02:00:00Z");
    expect(await codeOf(renewed, opts)).toBe("valid");
    const late = await signedCredential(t, { id: "urn:uuid:00000000-0000-4000-8000-000000000003" }, "2027-01-05T02:00:00Z");
    expect(await verifyCertificate(late, options(opts))).toMatchObject({ code: "unknown-issuer", details: { problem: "key-expired" } });
  });

  it("not-found for a number the registry does not hold", () => {
    expect(notFound("QX-2026-999999")).toEqual({ code: "not-found", details: { number: "QX-2026-999999" } });
  });

  it("malformed: not a credential of ours", async () => {
    for (const value of [null, 42, "text", [], {}, { ...credential, type: ["VerifiableCredential"] }, { ...credential, validUntil: "2027-13-45T00:00:00+08:00" }]) {
      expect(await codeOf(value)).toBe("malformed");
    }
    const { proof: _proof, ...unsigned } = credential;
    expect(await codeOf(unsigned)).toBe("malformed");
  });

  it("name check: the link's name confirms the holder, another name does not", async () => {
    const confirmed = await verifyCertificate(credential, options({ nameCheck: { name: " 张三明 ", salt: HOLDER.salt } }));
    expect(confirmed).toMatchObject({ code: "valid", details: { fullName: "张三明", maskedName: "张*明" } });
    expect(await codeOf(credential, { nameCheck: { name: "张三民", salt: HOLDER.salt } })).toBe("name-mismatch");
    expect(await codeOf(credential, { nameCheck: { name: "张三明", salt: "another-salt-123" } })).toBe("name-mismatch");
  });

  it("status-unavailable when no trustworthy status list covers it", async () => {
    const stranger = await makeIssuer({ uri: "https://stranger.example/" });
    const cases: [Partial<VerifyOptions>, string][] = [
      [{ statusLists: [] }, "status-list-missing"],
      [{ statusLists: [await statusList(stranger, [], { url: LIST_URL })] }, "status-list-invalid"],
      [{ statusLists: [{ ...clone(list), credentialSubject: { ...list.credentialSubject, encodedList: (await statusList(t, [48213])).credentialSubject.encodedList } }] }, "status-list-invalid"],
      [{ statusLists: [{ ...clone(list), validFrom: "2027-02-02T00:00:00Z" }] }, "status-list-invalid"],
    ];
    for (const [opts, problem] of cases) {
      expect(await verifyCertificate(credential, options(opts))).toMatchObject({ code: "status-unavailable", details: { problem } });
    }
  });

  it("status-unavailable for a list in the issuer's name signed by a key the issuer does not list", async () => {
    const impostor = await makeIssuer(); // same issuer uri, its own key
    const forged = await statusList(impostor, []);
    expect(forged.issuer.id).toBe(t.issuer.uri);
    expect(await verifyCertificate(credential, options({ statusLists: [forged] }))).toMatchObject({ code: "status-unavailable", details: { problem: "status-list-invalid" } });
  });

  it("checks a list again when the issuer list changes (the key retired before the list was signed)", async () => {
    const fresh = await statusList(t, []);
    expect(await codeOf(credential, { statusLists: [fresh] })).toBe("valid");
    // The credential (signed 2026-12-01) stays inside the key's window; the list (2027-02-01) does not.
    const retiredKey = [{ ...t.issuer, keys: [{ ...t.issuer.keys[0]!, validUntil: "2027-01-31" }] }];
    expect(await verifyCertificate(credential, options({ issuers: retiredKey, statusLists: [fresh] }))).toMatchObject({
      code: "status-unavailable",
      details: { problem: "status-list-invalid" },
    });
  });

  it("status-unavailable when the index lies beyond the list", async () => {
    const { buildStatusList } = await import("../../../src/lib/cert/status-list.ts");
    const short = await signDataIntegrity(
      buildStatusList({ issuer: { id: t.issuer.uri, type: ["Profile"], name: t.issuer.name }, url: LIST_URL, validFrom: "2027-02-01T00:00:00Z", revoked: [], size: 1024 }),
      t.key,
      { created: "2027-02-01T00:00:00Z" },
    );
    expect(await verifyCertificate(credential, options({ statusLists: [short] }))).toMatchObject({ code: "status-unavailable", details: { problem: "status-index" } });
  });
});

describe("every single-field change to a signed credential fails", () => {
  type Path = (string | number)[];
  const leaves = (value: unknown, path: Path = []): Path[] =>
    value !== null && typeof value === "object"
      ? Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, Array.isArray(value) ? Number(k) : k]))
      : [path];
  const base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  /** A different value of the same kind, chosen to pass the shape check where it can. */
  const changed = (value: unknown, key: string | number): unknown => {
    if (typeof value === "boolean") return !value;
    if (typeof value !== "string") return `${String(value)}1`;
    if (key === "proofValue" || key === "verificationMethod") {
      const last = value[value.length - 1];
      return value.slice(0, -1) + base58[(base58.indexOf(last) + 1) % base58.length];
    }
    if (/^\d+$/.test(value)) return String(Number(value) + 1);
    if (/^sha256\$/.test(value)) return value.slice(0, -1) + (value.endsWith("0") ? "1" : "0");
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return value.replace(/^(\d{4})/, (y) => String(Number(y) - 1));
    if (/^urn:uuid:/.test(value)) return value.slice(0, -1) + (value.endsWith("0") ? "1" : "0");
    if (/^[A-Z0-9]+-\d{4}-\d{6}$/.test(value)) return value.slice(0, -1) + (value.endsWith("0") ? "1" : "0");
    if (/^[a-z0-9-]+$/.test(value)) return `${value}-x`;
    return `${value}x`;
  };

  it("walks every leaf", async () => {
    const paths = leaves(credential);
    expect(paths.length).toBeGreaterThan(40);
    const outcomes = new Map<string, VerdictCode>();
    for (const path of paths) {
      const copy = clone(credential) as unknown as Record<string | number, unknown>;
      let parent = copy;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      const key = path[path.length - 1];
      parent[key] = changed(parent[key], key);
      const code = await codeOf(copy);
      outcomes.set(path.join("."), code);
      expect(["bad-signature", "malformed"], `${path.join(".")} → ${code}`).toContain(code);
    }
    // Most changes keep the shape and are caught by the signature itself.
    expect([...outcomes.values()].filter((c) => c === "bad-signature").length).toBeGreaterThan(paths.length / 2);
  });

  it("adding a property fails too", async () => {
    expect(await codeOf({ ...credential, extra: "x" })).toBe("bad-signature");
    expect(await codeOf({ ...credential, credentialSubject: { ...credential.credentialSubject, fullName: "张三明" } })).toBe("bad-signature");
  });
});

describe("parseCredentialText", () => {
  it("parses JSON text", () => {
    expect(parseCredentialText(JSON.stringify(credential))).toEqual({ ok: true, value: credential });
  });

  it("refuses malformed JSON", () => {
    for (const text of ["", "{", "{'a': 1}", "<html>", JSON.stringify(credential).slice(0, -1)]) {
      expect(parseCredentialText(text)).toEqual({ ok: false, problem: "not-json" });
    }
  });

  it("refuses a 1 MB input before parsing it", () => {
    const big = `{"pad":"${"x".repeat(1024 * 1024)}"}`;
    expect(parseCredentialText(big)).toEqual({ ok: false, problem: "too-large" });
  });

  it("accepts exactly 256 KB and refuses one byte more", () => {
    const exactly = (bytes: number) => `"${"x".repeat(bytes - 2)}"`;
    expect(parseCredentialText(exactly(256 * 1024))).toMatchObject({ ok: true });
    expect(parseCredentialText(exactly(256 * 1024 + 1))).toEqual({ ok: false, problem: "too-large" });
    // 2 + 3 × 87,381 = 262,145 bytes in 87,383 characters: only the byte count refuses it.
    expect(parseCredentialText(`"${"证".repeat(87_381)}"`)).toEqual({ ok: false, problem: "too-large" });
    expect(parseCredentialText(`"${"证".repeat(87_380)}"`)).toMatchObject({ ok: true });
  });

  it("counts bytes, not characters: 100,000 Chinese characters are 300 KB", () => {
    expect(parseCredentialText(`"${"证".repeat(100_000)}"`)).toEqual({ ok: false, problem: "too-large" });
    expect(parseCredentialText(`"${"证".repeat(80_000)}"`)).toMatchObject({ ok: true });
  });
});
