import { base64urlnopad } from "@scure/base";
import { deflateSync } from "fflate";
import QRCode from "qrcode";
import { beforeAll, describe, expect, it } from "vitest";
import { hex, sha256, utf8 } from "../../../src/lib/cert/bytes.ts";
import { DICTIONARY_1, decodeVerifyFragment, encodeCredentialPayload, encodeVerifyLink } from "../../../src/lib/cert/link.ts";
import type { SignedCredential } from "../../../src/lib/cert/types.ts";
import { verifyCertificate } from "../../../src/lib/cert/verify.ts";
import { HOLDER, makeIssuer, NOW, SITE, signedCredential, statusList, type TestIssuer } from "./helpers.ts";

let t: TestIssuer;
let credential: SignedCredential;

beforeAll(async () => {
  t = await makeIssuer();
  credential = await signedCredential(t, {
    level: { id: "pre-job", title: "人民调解员岗前培训合格", summary: "新任人民调解员上岗前的培训：学完三门课、通过结课测试、完成两个情景模拟，再参加培训老师组织的统一考试。学时和及格线以本县（区）规定为准。" },
  });
});

describe("verification link", () => {
  it("round-trips a signed credential with name and salt, and the result verifies", async () => {
    const link = encodeVerifyLink(credential, SITE, { name: HOLDER.name, salt: HOLDER.salt });
    expect(link.startsWith(`${SITE}verify/#c=d1.`)).toBe(true);
    const decoded = decodeVerifyFragment(link);
    expect(decoded).toEqual({ ok: true, link: { credential, name: HOLDER.name, salt: HOLDER.salt } });
    if (!decoded.ok) return;
    const verdict = await verifyCertificate(decoded.link.credential, {
      issuers: [t.issuer], statusLists: [await statusList(t)], now: NOW,
      nameCheck: { name: decoded.link.name!, salt: decoded.link.salt! },
    });
    expect(verdict).toMatchObject({ code: "valid", details: { fullName: "张三明" } });
  });

  it("accepts the fragment alone, with or without #, and a link without name", () => {
    const c = encodeCredentialPayload(credential);
    for (const input of [`#c=${c}`, `c=${c}`, `${SITE}verify/#c=${c}&n=%E5%BC%A0`]) {
      expect(decodeVerifyFragment(input)).toEqual({ ok: true, link: { credential } });
    }
  });

  it("fits a QR code a phone reads from paper: measured for a real credential", async () => {
    const link = encodeVerifyLink(credential, SITE, { name: "欧阳娜娜", salt: HOLDER.salt });
    const plain = `${SITE}verify/#c=${base64urlnopad.encode(deflateSync(utf8(JSON.stringify(credential)), { level: 9 }))}`;
    const qr = QRCode.create(link, { errorCorrectionLevel: "M" });
    const qrPlain = QRCode.create(plain, { errorCorrectionLevel: "M" });
    console.info(`verification link: ${link.length} characters, QR version ${qr.version} (${qr.modules.size}×${qr.modules.size}) at level M; ` +
      `credential JSON ${JSON.stringify(credential).length} bytes; without the dictionary ${plain.length} characters, QR version ${qrPlain.version}`);
    expect(link.length).toBeLessThan(700);
    expect(qr.version).toBeLessThanOrEqual(20);
  });

  it("keeps dictionary 1 frozen: printed certificates depend on it", async () => {
    expect(hex(await sha256(utf8(DICTIONARY_1)))).toBe("1783a8699f6164325e16845fbbe944605775e7ce89f1af5c17a5c0c2042d60f2");
  });

  it("refuses empty, foreign, corrupt and oversized payloads", () => {
    const c = encodeCredentialPayload(credential);
    expect(decodeVerifyFragment("")).toEqual({ ok: false, problem: "empty" });
    expect(decodeVerifyFragment("#n=张三")).toEqual({ ok: false, problem: "empty" });
    expect(decodeVerifyFragment("#c=r1.abc")).toEqual({ ok: false, problem: "corrupt" });
    expect(decodeVerifyFragment(`#c=${c.slice(0, -10)}`)).toEqual({ ok: false, problem: "corrupt" });
    expect(decodeVerifyFragment("#c=d1.!!!")).toEqual({ ok: false, problem: "corrupt" });
    const notJson = "d1." + base64urlnopad.encode(deflateSync(utf8("not json"), { dictionary: utf8(DICTIONARY_1) }));
    expect(decodeVerifyFragment(`#c=${notJson}`)).toEqual({ ok: false, problem: "corrupt" });
    expect(decodeVerifyFragment(`#c=d1.${"A".repeat(400_000)}`)).toEqual({ ok: false, problem: "too-large" });
  });

  it("refuses a small payload that inflates past 256 KB (a zip bomb)", () => {
    const bomb = "d1." + base64urlnopad.encode(deflateSync(utf8(`"${" ".repeat(1024 * 1024)}"`), { level: 9, dictionary: utf8(DICTIONARY_1) }));
    expect(bomb.length).toBeLessThan(3000);
    expect(decodeVerifyFragment(`#c=${bomb}`)).toMatchObject({ ok: false });
  });
});
