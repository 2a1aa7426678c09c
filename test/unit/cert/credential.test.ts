import { describe, expect, it } from "vitest";
import { beijingDay, buildCredential, checkName, formatNumber, isDay, maskName, nameHash, newSalt, normaliseName, NUMBER_PATTERN } from "../../../src/lib/cert/credential.ts";
import { signedCredentialSchema } from "../../../src/lib/cert/schema.ts";
import { CREDENTIAL_CONTEXT } from "../../../src/lib/cert/types.ts";
import { credentialInput, HOLDER, makeIssuer, signedCredential } from "./helpers.ts";

describe("name commitment (OB 3.0 IdentityHash)", () => {
  it("matches the OB 3.0 specification's example", async () => {
    expect(await nameHash("a@example.com", "Kosher")).toBe("sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399");
  });

  it("normalises names: full-width and other spaces removed, full-width letters folded", () => {
    expect(normaliseName(" 张 三明\u3000")).toBe("张三明");
    expect(normaliseName("买买提·艾力")).toBe("买买提·艾力");
    expect(normaliseName("ＡＢＣ")).toBe("ABC");
  });

  it("checks a name and salt against the hash, accepting upper-case hex", async () => {
    const hash = await nameHash("张三明", HOLDER.salt);
    expect(await checkName(hash, "张 三明", HOLDER.salt)).toBe(true);
    expect(await checkName(hash.toUpperCase().replace("SHA256$", "sha256$"), "张三明", HOLDER.salt)).toBe(true);
    expect(await checkName(hash, "张三民", HOLDER.salt)).toBe(false);
    expect(await checkName(hash, "张三明", `${HOLDER.salt}x`)).toBe(false);
    expect(await checkName(hash, "   ", HOLDER.salt)).toBe(false);
  });

  it("makes salts of 16 base64url characters, different each time", () => {
    const salts = new Set(Array.from({ length: 50 }, newSalt));
    expect(salts.size).toBe(50);
    for (const salt of salts) expect(salt).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});

describe("masked names", () => {
  it.each([
    ["张三明", "张*明"],
    ["欧阳娜娜", "欧**娜"],
    ["张三", "张*"],
    ["张", "*"],
    ["", "*"],
    ["买买提·艾力", "买****力"],
    [" 李 四 ", "李*"],
  ])("%s → %s", (name, masked) => expect(maskName(name)).toBe(masked));
});

describe("numbers and days", () => {
  it("formats certificate numbers", () => {
    expect(formatNumber("QX", 2026, 123)).toBe("QX-2026-000123");
    expect(NUMBER_PATTERN.test("QX-2026-000123")).toBe(true);
    expect(NUMBER_PATTERN.test("qx-2026-000123")).toBe(false);
    expect(NUMBER_PATTERN.test("110101199003071234")).toBe(false);
  });

  it("knows real days, and the Beijing day of an instant", () => {
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2027-02-29")).toBe(false);
    expect(isDay("2027-2-1")).toBe(false);
    expect(beijingDay(new Date("2026-12-01T16:00:00Z"))).toBe("2026-12-02");
    expect(beijingDay(new Date("2026-12-01T15:59:59Z"))).toBe("2026-12-01");
  });
});

describe("buildCredential", () => {
  it("builds the OpenBadgeCredential of the README", async () => {
    const { issuer } = await makeIssuer();
    const c = await buildCredential(credentialInput(issuer, { renews: "urn:uuid:00000000-0000-4000-8000-000000000001", awardedDate: "2025-12-01" }));
    expect(c["@context"]).toEqual([...CREDENTIAL_CONTEXT]);
    expect(c.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(c.issuer).toEqual({ id: "https://sfj.qingxi.example.gov.cn/", type: ["Profile"], name: "清溪县司法局" });
    expect(c.validFrom).toBe("2026-12-01T00:00:00+08:00");
    expect(c.validUntil).toBe("2027-11-30T23:59:59+08:00");
    expect(c.awardedDate).toBe("2025-12-01T00:00:00+08:00");
    expect(c.renews).toBe("urn:uuid:00000000-0000-4000-8000-000000000001");
    expect(c.credentialSubject.identifier).toEqual([{ type: "IdentityObject", identityType: "name", hashed: true, identityHash: await nameHash("张三明", HOLDER.salt) }]);
    expect(c.credentialSubject).toMatchObject({ licenseNumber: "QX-2026-000123", maskedName: "张*明", township: "xiping-zhen", village: "dongcun" });
    expect(c.credentialSubject.achievement).toMatchObject({ id: "https://tiaojie.example.gov.cn/certification/#pre-job", humanCode: "pre-job", achievementType: "License" });
    expect(c.credentialStatus).toEqual({
      id: "https://tiaojie.example.gov.cn/registry/status/qingxi-sfj-1.json#48213",
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: "48213",
      statusListCredential: "https://tiaojie.example.gov.cn/registry/status/qingxi-sfj-1.json",
    });
  });

  it("holds no full name and no salt", async () => {
    const text = JSON.stringify(await signedCredential(await makeIssuer()));
    expect(text).not.toContain("张三明");
    expect(text).not.toContain(HOLDER.salt);
  });

  it("passes its own shape check once signed, and leaves out renews on a first award", async () => {
    const c = await signedCredential(await makeIssuer());
    expect(signedCredentialSchema.safeParse(c).success).toBe(true);
    expect("renews" in c).toBe(false);
  });

  it("gives each credential a new id unless one is passed", async () => {
    const { issuer } = await makeIssuer();
    const a = await buildCredential({ ...credentialInput(issuer), id: undefined });
    const b = await buildCredential({ ...credentialInput(issuer), id: undefined });
    expect(a.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(a.id).not.toBe(b.id);
  });

  it("refuses inputs that would make a wrong credential", async () => {
    const { issuer } = await makeIssuer();
    const bad = [
      { number: "QX-26-1" },
      { validFrom: "2026-02-30" },
      { validFrom: "2027-12-01", validUntil: "2027-11-30" },
      { awardedDate: "2027-01-01" },
      { siteUrl: "https://example.org" },
      { holder: { ...HOLDER, name: " " } },
      { holder: { ...HOLDER, salt: "short" } },
      { holder: { ...HOLDER, township: "西坪镇" } },
      { status: { listUrl: "https://x/", index: -1 } },
      { renews: "QX-2026-000122" },
    ];
    for (const overrides of bad) await expect(buildCredential(credentialInput(issuer, overrides))).rejects.toThrow(RangeError);
  });
});
