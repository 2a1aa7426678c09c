/**
 * The printable certificate the issuing commands write to the trainer's --out folder (never
 * into content/): one A4 HTML page with the holder's full name, the QR code of the
 * verification link (which carries name and salt) and the facts of the credential. Pure:
 * the caller passes the QR code as SVG text (the `qrcode` package, in Node).
 */
import { fill, type Strings } from "../../i18n/fill.ts";
import type { SignedCredential } from "./types.ts";

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function printableCertificate(
  credential: SignedCredential,
  holder: { name: string; salt: string; township: string; village: string },
  qrSvg: string,
  s: Strings,
): string {
  const subject = credential.credentialSubject;
  const row = (label: string, value: string) => `<tr><th scope="row">${escape(label)}</th><td>${escape(value)}</td></tr>`;
  const day = (stamp: string) => stamp.slice(0, 10);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(`${s["cert.print.title"]} ${subject.licenseNumber}`)}</title>
<style>
@page { size: A4; margin: 18mm; }
body { font-family: "Noto Serif CJK SC", "Songti SC", serif; color: #111; max-width: 170mm; margin: 0 auto; }
h1 { text-align: center; font-size: 26pt; letter-spacing: .2em; margin: 12mm 0 8mm; }
.name { text-align: center; font-size: 22pt; margin: 0 0 8mm; }
table { width: 100%; border-collapse: collapse; font-size: 13pt; }
th { text-align: left; width: 38%; padding: 2.5mm 0; font-weight: normal; color: #444; }
td { padding: 2.5mm 0; }
.qr { text-align: center; margin-top: 10mm; }
.qr svg { width: 45mm; height: 45mm; }
.small { font-size: 10pt; color: #444; text-align: center; }
</style></head>
<body>
<h1>${escape(s["cert.print.title"])}</h1>
<p class="name">${escape(s["cert.print.holder"])}：${escape(holder.name)}</p>
<table>
${row(s["cert.print.level"], subject.achievement.name)}
${row(s["cert.print.number"], subject.licenseNumber)}
${row(s["cert.print.place"], `${holder.township} ${holder.village}`)}
${row(s["cert.print.valid"], fill(s["cert.print.validRange"], { from: day(credential.validFrom), until: day(credential.validUntil) }))}
${row(s["cert.print.awarded"], day(credential.awardedDate))}
${row(s["cert.print.issuer"], credential.issuer.name)}
</table>
<div class="qr">${qrSvg}</div>
<p class="small">${escape(s["cert.print.scan"])}</p>
<p class="small">${escape(fill(s["cert.print.salt"], { salt: holder.salt }))}</p>
</body></html>
`;
}
