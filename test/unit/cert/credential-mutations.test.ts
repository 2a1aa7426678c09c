/**
 * Building credentials, key files and verification links at their edges: each refusal
 * with the zh-CN message the trainer reads, each boundary a credential may sit on, a key
 * file whose fields are not what they should be, a link whose payload is not a credential.
 */
import { base58, base64urlnopad } from "@scure/base";
import { deflateSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { concat, hex, sha256, startsWith, utf8 } from "../../../src/lib/cert/bytes.ts";
import { buildCredential, checkName, dayEnd, dayStart, formatNumber, isDay, maskName, nameHash, normaliseName, NUMBER_PATTERN } from "../../../src/lib/cert/credential.ts";
import {
  didKeyOf,
  didKeyToPublicKey,
  generateKeyPair,
  importSecretKey,
  keyFileFromMultibase,
  multibaseToPublicKey,
  multibaseToSecretKey,
  parseKeyFile,
  publicKeyToMultibase,
  secretKeyToMultibase,
} from "../../../src/lib/cert/keys.ts";
import { DICTIONARY_1, decodeVerifyFragment, encodeCredentialPayload, encodeVerifyLink } from "../../../src/lib/cert/link.ts";
import { credentialInput, HOLDER, makeIssuer } from "./helpers.ts";

/** A credential's text as a certificate printed it (fields the dictionary holds), and its payload. */
const PRINTED_CREDENTIAL = {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"id":"urn:uuid:4f6c0c52-8f3a-4f55-9d1e-2b7c2f8e1a90","type":["VerifiableCredential","OpenBadgeCredential"],"name":"人民调解员岗前培训合格","issuer":{"id":"https://sfj.qingxi.example.gov.cn/","type":["Profile"],"name":"清溪县司法局"},"validFrom":"2026-12-01T00:00:00+08:00","validUntil":"2027-11-30T23:59:59+08:00","awardedDate":"2026-12-01T00:00:00+08:00","credentialSubject":{"licenseNumber":"QX-2026-000123","maskedName":"张*明","township":"xiping-zhen","village":"dongcun","achievement":{"humanCode":"pre-job","description":"新任人民调解员上岗前的培训：学完三门课、通过结课测试、完成两个情景模拟，再参加培训老师组织的统一考试。学时和及格线以本县（区）规定为准。"}},"credentialStatus":{"statusListIndex":"48213","statusPurpose":"revocation","type":"BitstringStatusListEntry"},"proof":{"cryptosuite":"eddsa-jcs-2022","proofPurpose":"assertionMethod","type":"DataIntegrityProof"}};
const PRINTED = "d1.GxxlOdBtxJblmIWpiYWRoTGdSlTU0m44tUVwlNzAcEEv3AIj4MWboREo4FFKuKd7Fmg9m9GHWs5VZBYAwxxW2iHKs5T8vHSsRZpJmlmyQbKpka5FmnGirkmaqamuZYphqq5RknmyUZpFqmGiJSiB4Cj2itOy9AqBFlZk6qFVNYgC8dmO1me7ViG3TalYMlJaDuEudoAOolLBgSPPYSk4DHWNDTAKDgA";

describe("buildCredential refusals, each with its message", () => {
  it("names what is wrong", async () => {
    const { issuer } = await makeIssuer();
    const cases: [Parameters<typeof credentialInput>[1], string][] = [
      [{ number: "QX-26-1" }, "证书编号 QX-26-1 格式不对，应像 QX-2026-000123"],
      [{ level: { id: "Pre_job", title: "t", summary: "s" } }, "等级编号 Pre_job 只能用小写字母、数字和连字符"],
      [{ holder: { ...HOLDER, village: "东村" } }, "乡镇和村（社区）编号只能用小写字母、数字和连字符"],
      [{ holder: { ...HOLDER, township: "西坪镇" } }, "乡镇和村（社区）编号只能用小写字母、数字和连字符"],
      [{ holder: { ...HOLDER, name: " \u3000 " } }, "持证人姓名不能为空"],
      [{ holder: { ...HOLDER, salt: "a".repeat(15) } }, "盐值至少 16 个字符（用 newSalt() 生成）"],
      [{ validUntil: "2027-02-29" }, "日期应写成 YYYY-MM-DD，且是真实存在的日子"],
      [{ awardedDate: "2026-1-1" }, "日期应写成 YYYY-MM-DD，且是真实存在的日子"],
      [{ validFrom: "2027-12-01", validUntil: "2027-11-30" }, "有效期的结束日不能早于开始日"],
      [{ awardedDate: "2026-12-02" }, "首次发证日期不能晚于本证书的生效日期"],
      [{ siteUrl: "https://example.org" }, "网站地址 https://example.org 应以 https:// 开头、以 / 结尾"],
      [{ siteUrl: "https://example.org/?a=/" }, "网站地址 https://example.org/?a=/ 应以 https:// 开头、以 / 结尾"],
      [{ siteUrl: "ftp://example.org/" }, "网站地址 ftp://example.org/ 应以 https:// 开头、以 / 结尾"],
      [{ status: { listUrl: "https://x/", index: 1.5 } }, "状态列表位置应为非负整数"],
      [{ status: { listUrl: "https://x/", index: -1 } }, "状态列表位置应为非负整数"],
      [{ id: "urn:uuid:4F6C0C52-8F3A-4F55-9D1E-2B7C2F8E1A90" }, "证书 id 应为 urn:uuid:…"],
      [{ id: "x-urn:uuid:4f6c0c52-8f3a-4f55-9d1e-2b7c2f8e1a90" }, "证书 id 应为 urn:uuid:…"],
      [{ id: "urn:uuid:4f6c0c52-8f3a-4f55-9d1e-2b7c2f8e1a90-1" }, "证书 id 应为 urn:uuid:…"],
      [{ siteUrl: "see https://example.org/" }, "网站地址 see https://example.org/ 应以 https:// 开头、以 / 结尾"],
      [{ renews: "urn:uuid:4f6c0c52-8f3a-4f55-9d1e-2b7c2f8e1a90" }, "renews 应为被换发证书的 id（urn:uuid:…）"],
      [{ renews: "QX-2026-000122" }, "renews 应为被换发证书的 id（urn:uuid:…）"],
    ];
    for (const [overrides, message] of cases) {
      await expect(buildCredential(credentialInput(issuer, overrides)), message).rejects.toThrow(new RangeError(message));
    }
  });

  it("accepts each boundary: a 16-character salt, one day of validity, awarded on the first day, index 0, http", async () => {
    const { issuer } = await makeIssuer();
    const c = await buildCredential(
      credentialInput(issuer, { holder: { ...HOLDER, salt: "a".repeat(16) }, validFrom: "2026-12-01", validUntil: "2026-12-01", awardedDate: "2026-12-01", status: { listUrl: "https://x/s.json", index: 0 }, siteUrl: "http://localhost:4321/" }),
    );
    expect(c).toMatchObject({ validFrom: "2026-12-01T00:00:00+08:00", validUntil: "2026-12-01T23:59:59+08:00", awardedDate: "2026-12-01T00:00:00+08:00" });
    expect(c.credentialStatus).toEqual({ id: "https://x/s.json#0", type: "BitstringStatusListEntry", statusPurpose: "revocation", statusListIndex: "0", statusListCredential: "https://x/s.json" });
    expect(c.credentialSubject.achievement).toEqual({
      id: "http://localhost:4321/certification/#pre-job",
      type: ["Achievement"],
      achievementType: "License",
      humanCode: "pre-job",
      name: "人民调解员岗前培训合格",
      description: "新任人民调解员上岗前的培训。",
      criteria: { id: "http://localhost:4321/certification/#pre-job" },
    });
    expect(c.name).toBe("人民调解员岗前培训合格");
    expect(c.credentialSubject.type).toEqual(["AchievementSubject"]);
  });
});

describe("certificate numbers", () => {
  it("are the whole text: a number inside a path or a file name is not a number", () => {
    expect(NUMBER_PATTERN.test("QX-2026-000123")).toBe(true);
    for (const bad of ["../QX-2026-000123", "QX-2026-000123.json", "x/QX-2026-000123", "QX-2026-0001234"]) expect(NUMBER_PATTERN.test(bad), bad).toBe(false);
    expect(formatNumber("QX", 26, 1)).toBe("QX-0026-000001");
  });
});

describe("names and days", () => {
  it("a blank name never checks; a name with spaces checks as written without them", async () => {
    const hash = await nameHash("", "salt-salt-salt-1");
    expect(await checkName(hash, "  ", "salt-salt-salt-1")).toBe(false);
    expect(await checkName(await nameHash("张三明", "s"), "张 三 明", "s")).toBe(true);
    expect(normaliseName("Ｚｈａｎｇ\u3000San\t")).toBe("ZhangSan");
    expect(maskName("欧阳")).toBe("欧*");
  });

  it("days: real calendar days in YYYY-MM-DD only; Beijing start and end", () => {
    for (const bad of ["2026-13-01", "2026-00-10", "2026-04-31", "x2026-04-01", "2026-04-01x", "26-04-01"]) expect(isDay(bad), bad).toBe(false);
    expect(isDay("2026-12-31")).toBe(true);
    expect(dayStart("2026-12-01")).toBe("2026-12-01T00:00:00+08:00");
    expect(dayEnd("2026-12-01")).toBe("2026-12-01T23:59:59+08:00");
  });
});

describe("bytes", () => {
  it("concat, hex and startsWith", () => {
    expect([...concat(Uint8Array.of(1, 2), Uint8Array.of(), Uint8Array.of(3))]).toEqual([1, 2, 3]);
    expect(hex(Uint8Array.of(0, 15, 255))).toBe("000fff");
    expect(startsWith(Uint8Array.of(0xed, 0x01, 5), [0xed, 0x01])).toBe(true);
    expect(startsWith(Uint8Array.of(0xed, 0x02, 5), [0xed, 0x01])).toBe(false);
    expect([...utf8("证")]).toEqual([0xe8, 0xaf, 0x81]);
  });

  it("without WebCrypto (an http page), says so", async () => {
    vi.stubGlobal("crypto", {});
    try {
      await expect(sha256(Uint8Array.of(1))).rejects.toThrow("此环境不支持 WebCrypto（需要 https 页面或 Node 20 以上）");
    } finally {
      vi.unstubAllGlobals();
    }
    expect(await sha256(Uint8Array.of())).toHaveLength(32);
  });
});

describe("multibase keys", () => {
  it("refuses a key of the wrong length, the other half's prefix, or no z", () => {
    const key = new Uint8Array(32).fill(7);
    const pub = publicKeyToMultibase(key);
    expect(multibaseToPublicKey(pub)).toEqual(key);
    expect(multibaseToSecretKey(pub)).toBeUndefined();
    expect(multibaseToPublicKey(secretKeyToMultibase(key))).toBeUndefined();
    expect(multibaseToPublicKey(`z${base58.encode(Uint8Array.from([0xed, 0x01, ...new Uint8Array(31)]))}`)).toBeUndefined();
    expect(multibaseToPublicKey(`z${base58.encode(Uint8Array.from([0xed, 0x01, ...new Uint8Array(33)]))}`)).toBeUndefined();
    expect(multibaseToPublicKey(`z${base58.encode(Uint8Array.from([0xed, 0x00, ...new Uint8Array(32)]))}`)).toBeUndefined();
    expect(multibaseToPublicKey(pub.slice(1))).toBeUndefined();
    // The same base58 text under another multibase prefix is not this key.
    expect(multibaseToPublicKey(`u${pub.slice(1)}`)).toBeUndefined();
    expect(multibaseToPublicKey("z0OIl")).toBeUndefined();
    expect(multibaseToPublicKey(5 as unknown as string)).toBeUndefined();
  });

  it("did:key: only the whole did, or the did with its own key as fragment", () => {
    const pub = publicKeyToMultibase(new Uint8Array(32).fill(9));
    expect(didKeyToPublicKey(`did:key:${pub}`)).toHaveLength(32);
    expect(didKeyToPublicKey(`xdid:key:${pub}`)).toBeUndefined();
    expect(didKeyToPublicKey(`did:key:${pub}#${pub}x`)).toBeUndefined();
    expect(didKeyToPublicKey(`did:key:${pub}#`)).toBeUndefined();
    expect(didKeyToPublicKey(7 as unknown as string)).toBeUndefined();
    expect(didKeyOf("https://example/key")).toBeUndefined();
  });

  it("a secret key imported for signing cannot be exported unless asked", async () => {
    const key = await generateKeyPair("qx");
    const seed = multibaseToSecretKey(key.secretKeyMultibase)!;
    expect((await importSecretKey(seed)).extractable).toBe(false);
    expect((await importSecretKey(seed, true)).extractable).toBe(true);
  });

  it("a key file from two multibase keys refuses what is no Ed25519 Multikey", async () => {
    const key = await generateKeyPair("qx");
    await expect(keyFileFromMultibase("z123", key.secretKeyMultibase, "qx", "t")).rejects.toThrow("密钥不是 Ed25519 Multikey 格式");
    await expect(keyFileFromMultibase(key.publicKeyMultibase, key.publicKeyMultibase, "qx", "t")).rejects.toThrow("密钥不是 Ed25519 Multikey 格式");
    expect(await keyFileFromMultibase(key.publicKeyMultibase, key.secretKeyMultibase, "qx", "2026-01-01T00:00:00Z")).toEqual({ ...key, created: "2026-01-01T00:00:00Z" });
  });

  it("parseKeyFile: every field must be there and of its kind", async () => {
    const key = await generateKeyPair("qx");
    for (const change of [{ type: "JsonWebKey" }, { publicKeyMultibase: 1 }, { secretKeyMultibase: null }, { issuer: 2 }, { created: undefined }]) {
      expect(await parseKeyFile(JSON.stringify({ ...key, ...change })), JSON.stringify(change)).toEqual({ ok: false, problem: "not-a-key-file" });
    }
    expect(await parseKeyFile("null")).toEqual({ ok: false, problem: "not-a-key-file" });
    expect(await parseKeyFile('"key"')).toEqual({ ok: false, problem: "not-a-key-file" });
    expect(await parseKeyFile(JSON.stringify({ ...key, id: `${key.controller}#other` }))).toEqual({ ok: false, problem: "mismatch" });
    expect(await parseKeyFile(JSON.stringify({ ...key, publicKeyMultibase: "z123" }))).toEqual({ ok: false, problem: "mismatch" });
  });
});

describe("verification links", () => {
  it("a payload printed with dictionary 1 still decodes to the same credential text", () => {
    // Made once with encodeCredentialPayload and frozen here: every printed QR code is such a payload.
    const printed = PRINTED;
    const decoded = decodeVerifyFragment(`#c=${printed}`);
    expect(decoded).toEqual({ ok: true, link: { credential: PRINTED_CREDENTIAL } });
    expect(encodeCredentialPayload(PRINTED_CREDENTIAL)).toBe(printed);
  });

  const payload = (text: string) => `d1.${base64urlnopad.encode(deflateSync(utf8(text), { dictionary: utf8(DICTIONARY_1) }))}`;

  it("carries name and salt only together, URL-encoded", () => {
    const link = encodeVerifyLink({ a: 1 }, "https://s.example/", { name: "张 三&", salt: "a+b/c=" });
    expect(link).toBe(`https://s.example/verify/#c=${encodeCredentialPayload({ a: 1 })}&n=${encodeURIComponent("张 三&")}&s=${encodeURIComponent("a+b/c=")}`);
    expect(decodeVerifyFragment(link)).toEqual({ ok: true, link: { credential: { a: 1 }, name: "张 三&", salt: "a+b/c=" } });
    expect(decodeVerifyFragment(`#c=${payload("[1]")}&s=x`)).toEqual({ ok: true, link: { credential: [1] } });
    expect(encodeVerifyLink({ a: 1 }, "https://s.example/")).toBe(`https://s.example/verify/#c=${encodeCredentialPayload({ a: 1 })}`);
    expect(() => encodeCredentialPayload(undefined)).toThrow("证书不是 JSON 对象");
  });

  it("reads the fragment after the first #, and any JSON the payload holds", () => {
    expect(decodeVerifyFragment(`https://s.example/verify/?x=1#c=${payload('{"a":"#"}')}`)).toEqual({ ok: true, link: { credential: { a: "#" } } });
    expect(decodeVerifyFragment(`c=${payload("null")}`)).toEqual({ ok: true, link: { credential: null } });
  });

  it("refuses no payload, another tag, and text that is not JSON", () => {
    const good = payload("[1]");
    expect(decodeVerifyFragment("")).toEqual({ ok: false, problem: "empty" });
    expect(decodeVerifyFragment("#n=x&s=y")).toEqual({ ok: false, problem: "empty" });
    expect(decodeVerifyFragment("#c=")).toEqual({ ok: false, problem: "empty" });
    expect(decodeVerifyFragment(`#c=d2.${good.slice(3)}`)).toEqual({ ok: false, problem: "corrupt" });
    expect(decodeVerifyFragment(`#c=${payload("not json")}`)).toEqual({ ok: false, problem: "corrupt" });
    // A byte that is no UTF-8 inside a JSON string: refused, never replaced.
    const invalid = `d1.${base64urlnopad.encode(deflateSync(Uint8Array.of(0x22, 0xff, 0x22), { dictionary: utf8(DICTIONARY_1) }))}`;
    expect(decodeVerifyFragment(`#c=${invalid}`)).toEqual({ ok: false, problem: "corrupt" });
  });

  it("refuses text that is not UTF-8, and a fragment too long to be a link", () => {
    const bad = `d1.${base64urlnopad.encode(deflateSync(Uint8Array.of(0xff, 0xfe, 0x22), { dictionary: utf8(DICTIONARY_1) }))}`;
    expect(decodeVerifyFragment(`#c=${bad}`)).toEqual({ ok: false, problem: "corrupt" });
    const limit = Math.ceil((256 * 1024 * 4) / 3) + 2000;
    expect(decodeVerifyFragment(`#c=${"x".repeat(limit - 3)}`)).toEqual({ ok: false, problem: "corrupt" });
    expect(decodeVerifyFragment(`#c=${"x".repeat(limit - 2)}`)).toEqual({ ok: false, problem: "too-large" });
  });

  it("a payload of exactly 256 KB is read; one byte more is too large", () => {
    const exactly = `"${"x".repeat(256 * 1024 - 2)}"`;
    expect(decodeVerifyFragment(`#c=${payload(exactly)}`)).toMatchObject({ ok: true });
    expect(decodeVerifyFragment(`#c=${payload(`"${"x".repeat(256 * 1024 - 1)}"`)}`)).toEqual({ ok: false, problem: "too-large" });
  });
});
