/**
 * The printable certificate: every value escaped, the full name only when given, the QR
 * code carrying exactly the link (decoded back with jsqr from a rendering of the SVG's
 * modules), and a whole A4 document for the CLI.
 */
import jsQR from "jsqr";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { encodeVerifyLink } from "../../../src/lib/cert/link.ts";
import { certificateBody, escapeHtml, printableDocument, PRINT_CSS, qrSvg } from "../../../src/lib/cert/printable.ts";
import type { SignedCredential } from "../../../src/lib/cert/types.ts";
import { pick } from "../../../src/i18n/pick.ts";

const credential = {
  id: "urn:uuid:4f6c0c52-8f3a-4f55-9d1e-2b7c2f8e1a90",
  issuer: { id: "https://sfj.qingxi.example.gov.cn/", type: ["Profile"], name: "清溪县<司法局>" },
  validFrom: "2026-12-01T00:00:00+08:00",
  validUntil: "2027-11-30T23:59:59+08:00",
  awardedDate: "2025-12-01T00:00:00+08:00",
  credentialSubject: {
    licenseNumber: "QX-2026-000123",
    maskedName: "张*明",
    township: "xiping-zhen",
    village: "dongcun",
    achievement: { name: "人民调解员岗前培训合格", humanCode: "pre-job" },
  },
} as unknown as SignedCredential;
const strings = pick("verify.cert.*", "verify.field.*");
const base = { credential, link: "https://tiaojie.example.gov.cn/verify/#c=d1.abc", qr: "<svg></svg>", verifyUrl: "https://tiaojie.example.gov.cn/verify/", strings };

describe("printable certificate", () => {
  it("escapes every character that could open markup", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("site copy: masked name, number, level, issuer, place, dates, first award; no salt", () => {
    const html = certificateBody({ ...base, place: { township: "西坪镇", village: "东村" } });
    for (const text of ["张*明", "QX-2026-000123", "人民调解员岗前培训合格", "清溪县&lt;司法局&gt;", "西坪镇 东村", "2026-12-01", "2027-11-30", "2025-12-01", "人民调解员培训合格证书"]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain("清溪县<司法局>");
    expect(html).not.toContain(strings["verify.cert.salt"]);
    expect(html).toContain('<div class="cert__qr" role="img" aria-label="核验二维码"><svg></svg></div>');
  });

  it("holder copy: the full name (normalised, escaped) and the salt to confirm it", () => {
    const html = certificateBody({ ...base, holder: { name: " 张 <b>明 ", salt: "AbCdEfGhIjKlMnOp" } });
    expect(html).toContain("<strong class=\"cert__name\">张&lt;b&gt;明</strong>");
    expect(html).toContain("AbCdEfGhIjKlMnOp");
    expect(html).not.toContain("张*明");
    expect(html).not.toContain("<b>");
  });

  it("ids stand in for place names it was not given; no first-award row when it is the start date", () => {
    const same = { ...credential, awardedDate: credential.validFrom };
    const html = certificateBody({ ...base, credential: same });
    expect(html).toContain("xiping-zhen dongcun");
    expect(html).not.toContain(strings["verify.field.awardedDate"]);
  });

  it("the document is one A4 page with its stylesheet", () => {
    const doc = printableDocument(base);
    expect(doc.startsWith("<!doctype html>")).toBe(true);
    expect(doc).toContain('<html lang="zh-CN">');
    expect(doc).toContain("<title>证书 QX-2026-000123</title>");
    expect(doc).toContain(PRINT_CSS);
    expect(PRINT_CSS).toContain("@page{size:A4");
  });

  it("the QR code holds exactly the link (a real credential's link fits)", async () => {
    const link = encodeVerifyLink({ ...credential, proof: { proofValue: "z".repeat(88) } }, "https://tiaojie.example.gov.cn/", { name: "张晓明", salt: "AbCdEfGhIjKlMnOp" });
    const svg = await qrSvg(link);
    expect(svg.startsWith("<svg")).toBe(true);
    // Render the same code's modules to pixels and read it back.
    const qr = QRCode.create(link, { errorCorrectionLevel: "M" });
    const n = qr.modules.size;
    const scale = 4;
    const size = (n + 8) * scale;
    const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
    for (let y = 0; y < n; y++)
      for (let x = 0; x < n; x++)
        if (qr.modules.get(x, y))
          for (let dy = 0; dy < scale; dy++)
            for (let dx = 0; dx < scale; dx++) {
              const i = ((y + 4) * scale + dy) * size * 4 + ((x + 4) * scale + dx) * 4;
              pixels.fill(0, i, i + 3);
            }
    expect(jsQR(pixels, size, size)?.data).toBe(link);
  });
});
