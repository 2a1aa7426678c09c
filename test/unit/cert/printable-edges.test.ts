/**
 * The printed certificate's rows exactly: six for a site copy whose first award is its
 * start, labels blank (never a stand-in text) when the page has no strings.
 */
import { describe, expect, it } from "vitest";
import { certificateBody } from "../../../src/lib/cert/printable.ts";
import type { SignedCredential } from "../../../src/lib/cert/types.ts";

const credential = {
  issuer: { name: "清溪县司法局" },
  validFrom: "2026-12-01T00:00:00+08:00",
  validUntil: "2027-11-30T23:59:59+08:00",
  awardedDate: "2026-12-01T00:00:00+08:00",
  credentialSubject: { licenseNumber: "QX-2026-000123", maskedName: "张*明", township: "t", village: "v", achievement: { name: "岗前培训合格" } },
} as unknown as SignedCredential;
const base = { credential, link: "https://s.example/verify/#c=d1.x", qr: "<svg/>", verifyUrl: "https://s.example/verify/" };

describe("printed rows", () => {
  it("a site copy first awarded on its start day has six rows, each with a blank label when no strings are given", () => {
    const html = certificateBody({ ...base, strings: {} });
    const rows = /<dl class="cert__rows">(.*)<\/dl>/.exec(html)![1];
    expect(rows).toBe(
      "<div><dt></dt><dd>QX-2026-000123</dd></div><div><dt></dt><dd>岗前培训合格</dd></div><div><dt></dt><dd>清溪县司法局</dd></div>" +
        "<div><dt></dt><dd>t v</dd></div><div><dt></dt><dd>2026-12-01</dd></div><div><dt></dt><dd>2027-11-30</dd></div>",
    );
  });

  it("a holder copy with a first award before its start has eight rows, the salt's label blank without strings", () => {
    const html = certificateBody({ ...base, credential: { ...credential, awardedDate: "2025-12-01T00:00:00+08:00" }, holder: { name: "张三明", salt: "S" }, strings: {} });
    const rows = /<dl class="cert__rows">(.*)<\/dl>/.exec(html)![1];
    expect(rows.endsWith("<div><dt></dt><dd>2025-12-01</dd></div><div><dt></dt><dd>S</dd></div>")).toBe(true);
    expect(rows.match(/<div>/g)).toHaveLength(8);
    expect(html).toContain('<p class="cert__scan">verify.cert.scan<br></p>');
  });
});
