/**
 * The printable A4 certificate: pure text in, one HTML string out. The CLI writes the
 * full document (with the holder's full name and the QR link that carries name and salt)
 * into the trainer's folder; the site's /certificates/ page draws the same body in the browser
 * with the masked name, since the registry holds neither name nor salt. Every value is
 * escaped here: names and notes are text, never markup.
 */
import QRCode from "qrcode";
import { day } from "./verify-view.ts";
import type { SignedCredential } from "./types.ts";

/** `&<>"'` → entities: enough for text nodes and double-quoted attributes. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The QR code of a link as an SVG string (error correction M: survives a fold or a stain). */
export const qrSvg = (link: string): Promise<string> => QRCode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 2 });

export interface PrintableInput {
  credential: SignedCredential;
  /** The verification link in the QR code (`encodeVerifyLink`, with name and salt when known). */
  link: string;
  /** qrSvg(link); made by the caller so a build can make it once. */
  qr: string;
  /** The holder's full name and salt (CLI only); absent on the site, which prints the masked name. */
  holder?: { name: string; salt: string };
  /** Printed names of the township and village (from content/townships), ids when unknown. */
  place?: { township: string; village: string };
  /** Where to type a number: `https://…/verify/`. */
  verifyUrl: string;
  /** The `verify.cert.*` and `verify.field.*` strings (src/lib never imports src/i18n). */
  strings: Record<string, string>;
}

const fillEscaped = (template: string, values: Record<string, string>) =>
  escapeHtml(template).replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));

/** The certificate's markup (an `<article>`), for the CLI's document and the site's page. */
export function certificateBody(input: PrintableInput): string {
  const { credential: c, strings: s } = input;
  const subject = c.credentialSubject;
  const holder = input.holder ? input.holder.name.normalize("NFKC").replace(/\s+/gu, "") : subject.maskedName;
  const row = (label: string, value: string) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`;
  const text = (key: string) => escapeHtml(s[key] ?? key);
  const rows = [
    row(s["verify.field.number"] ?? "", subject.licenseNumber),
    row(s["verify.field.level"] ?? "", subject.achievement.name),
    row(s["verify.field.issuer"] ?? "", c.issuer.name),
    row(s["verify.field.township"] ?? "", input.place ? `${input.place.township} ${input.place.village}` : `${subject.township} ${subject.village}`),
    row(s["verify.field.validFrom"] ?? "", day(c.validFrom)),
    row(s["verify.field.validUntil"] ?? "", day(c.validUntil)),
    ...(day(c.awardedDate) !== day(c.validFrom) ? [row(s["verify.field.awardedDate"] ?? "", day(c.awardedDate))] : []),
    ...(input.holder ? [row(s["verify.cert.salt"] ?? "", input.holder.salt)] : []),
  ].join("");
  return `<article class="cert" lang="zh-CN">
<header class="cert__head"><p class="cert__issuer">${escapeHtml(c.issuer.name)}</p><h1 class="cert__title">${text("verify.cert.title")}</h1></header>
<p class="cert__holder"><span class="cert__label">${text("verify.cert.holder")}</span> <strong class="cert__name">${escapeHtml(holder)}</strong></p>
<p class="cert__body">${fillEscaped(s["verify.cert.body"] ?? "", { holder: `<strong>${escapeHtml(holder)}</strong>`, level: escapeHtml(subject.achievement.name) })}</p>
<dl class="cert__rows">${rows}</dl>
<footer class="cert__foot"><div class="cert__qr" role="img" aria-label="${text("verify.cert.qr")}">${input.qr}</div>
<p class="cert__scan">${text("verify.cert.scan")}<br>${fillEscaped(s["verify.cert.orNumber"] ?? "", { url: escapeHtml(input.verifyUrl) })}</p></footer>
</article>`;
}

/** One A4 page; screen and print alike, so what the trainer sees is what prints. */
export const PRINT_CSS = `
.cert{box-sizing:border-box;width:100%;max-width:210mm;margin:0 auto;padding:14mm 16mm;border:3px double #7a1f1f;background:#fffdf7;color:#111;font-family:"Noto Serif CJK SC","Source Han Serif SC","WenQuanYi Micro Hei",serif}
.cert__head{text-align:center;border-bottom:1px solid #7a1f1f;padding-bottom:6mm;margin-bottom:8mm}
.cert__issuer{margin:0;font-size:14pt;letter-spacing:.2em}
.cert__title{margin:3mm 0 0;font-size:24pt;letter-spacing:.15em;color:#7a1f1f}
.cert__holder{font-size:14pt;margin:0 0 4mm}.cert__name{font-size:20pt;margin-left:.5em}
.cert__body{font-size:13pt;line-height:1.8;margin:0 0 6mm}
.cert__rows{display:grid;gap:2mm;margin:0 0 8mm;font-size:12pt}
.cert__rows div{display:grid;grid-template-columns:7em 1fr;gap:4mm}.cert__rows dt{font-weight:700}.cert__rows dd{margin:0;overflow-wrap:anywhere}
.cert__foot{display:flex;gap:6mm;align-items:center;border-top:1px solid #7a1f1f;padding-top:6mm}
.cert__qr{flex:0 0 62mm;width:62mm;height:62mm}.cert__qr svg{width:100%;height:100%;display:block}
.cert__scan{margin:0;font-size:10.5pt;line-height:1.6}
@page{size:A4;margin:12mm}
@media print{.cert{max-width:none;min-height:270mm;border-width:3px}.no-print{display:none!important}body{background:#fff}}
`;

/** The whole document the CLI writes beside the trainer's files (open it, press 打印). */
export function printableDocument(input: PrintableInput): string {
  const title = fillEscaped(input.strings["verify.cert.pageTitle"] ?? "{number}", { number: escapeHtml(input.credential.credentialSubject.licenseNumber) });
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{margin:0;padding:8mm 0;background:#eee}${PRINT_CSS}</style></head>
<body>${certificateBody(input)}</body></html>
`;
}
