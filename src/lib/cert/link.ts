/**
 * The verification link printed as a QR code:
 *   <siteUrl>verify/#c=d1.<payload>&n=<name>&s=<salt>
 * payload = base64url (no padding) of deflate-raw of the credential's JCS text, compressed
 * with preset dictionary 1 (the text every credential shares). The fragment never leaves
 * the browser. Dictionary 1 is frozen: printed certificates depend on it byte for byte
 * (link.test.ts pins its SHA-256); a better one would be `d2.` beside it.
 */
import { base64urlnopad } from "@scure/base";
import canonicalize from "canonicalize";
import { deflateSync, inflateSync } from "fflate";
import { utf8 } from "./bytes.ts";
import { LINK_TAG, MAX_CREDENTIAL_TEXT_BYTES, type LinkProblem, type VerifyLink } from "./types.ts";

/** Strings credentials share, then a credential's JCS skeleton (keys sorted as JCS sorts them). */
export const DICTIONARY_1 = [
  "人民调解员岗前培训合格人民调解员年度复训合格县司法局区司法局乡镇街道人民调解委员会调解中心社区村",
  "新任人民调解员上岗前的培训：学完三门课、通过结课测试、完成两个情景模拟，再参加培训老师组织的统一考试。学时和及格线以本县（区）规定为准。",
  "已持岗前培训合格证书的人民调解员每年参加的复训：复习调解程序、完成两个较难的情景模拟，再参加统一考试，合格后证书继续有效。",
  '{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],',
  '"awardedDate":"2026-01-01T00:00:00+08:00","credentialStatus":{"id":"https://example.gov.cn/registry/status/-1.json#",',
  '"statusListCredential":"https://example.gov.cn/registry/status/-1.json","statusListIndex":"","statusPurpose":"revocation",',
  '"type":"BitstringStatusListEntry"},"credentialSubject":{"achievement":{"achievementType":"License","criteria":',
  '{"id":"https://example.gov.cn/certification/#annual-review"},"description":"","humanCode":"pre-job",',
  '"id":"https://example.gov.cn/certification/#pre-job","name":"人民调解员年度复训合格","type":["Achievement"]},',
  '"identifier":[{"hashed":true,"identityHash":"sha256$","identityType":"name","type":"IdentityObject"}],',
  '"licenseNumber":"-2026-000","maskedName":"*","township":"-zhen","type":["AchievementSubject"],"village":"-cun"},',
  '"id":"urn:uuid:","issuer":{"id":"https://","name":"司法局","type":["Profile"]},"name":"人民调解员岗前培训合格",',
  '"proof":{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],',
  '"created":"2026-01-01T00:00:00Z","cryptosuite":"eddsa-jcs-2022","proofPurpose":"assertionMethod","proofValue":"z",',
  '"type":"DataIntegrityProof","verificationMethod":"did:key:z6Mk#z6Mk"},"renews":"urn:uuid:",',
  '"type":["VerifiableCredential","OpenBadgeCredential"],"validFrom":"2026-01-01T00:00:00+08:00","validUntil":"2027-12-31T23:59:59+08:00"}',
].join("");

const dictionary1 = utf8(DICTIONARY_1);

/** The `c=` value for a credential. */
export function encodeCredentialPayload(credential: unknown): string {
  const text = canonicalize(credential);
  if (text === undefined) throw new TypeError("证书不是 JSON 对象");
  return LINK_TAG + base64urlnopad.encode(deflateSync(utf8(text), { level: 9, dictionary: dictionary1 }));
}

/** The whole link: `<siteUrl>verify/#c=…`, with the holder's name and salt when given. */
export function encodeVerifyLink(credential: unknown, siteUrl: string, holder?: { name: string; salt: string }): string {
  const params = [`c=${encodeCredentialPayload(credential)}`];
  if (holder) params.push(`n=${encodeURIComponent(holder.name)}`, `s=${encodeURIComponent(holder.salt)}`);
  return `${siteUrl}verify/#${params.join("&")}`;
}

export type DecodedLink = { ok: true; link: VerifyLink } | { ok: false; problem: LinkProblem };

/** A compressed payload is far smaller than its credential: this bounds the text read at all. */
const MAX_PAYLOAD_CHARS = Math.ceil((MAX_CREDENTIAL_TEXT_BYTES * 4) / 3);

/**
 * `#c=d1.…&n=…&s=…` (with or without `#`, or a whole URL) → the credential as decoded JSON
 * plus name and salt. The credential is not checked here: verifyCertificate does that.
 */
export function decodeVerifyFragment(input: string): DecodedLink {
  if (input.length > MAX_PAYLOAD_CHARS + 2000) return { ok: false, problem: "too-large" };
  const hash = input.includes("#") ? input.slice(input.indexOf("#") + 1) : input;
  const params = new URLSearchParams(hash);
  const c = params.get("c");
  if (!c) return { ok: false, problem: "empty" };
  if (!c.startsWith(LINK_TAG)) return { ok: false, problem: "corrupt" };
  let text: string;
  try {
    const compressed = base64urlnopad.decode(c.slice(LINK_TAG.length));
    // Inflating into a fixed buffer stops a small payload from expanding without bound.
    const bytes = inflateSync(compressed, { dictionary: dictionary1, out: new Uint8Array(MAX_CREDENTIAL_TEXT_BYTES + 1) });
    if (bytes.length > MAX_CREDENTIAL_TEXT_BYTES) return { ok: false, problem: "too-large" };
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    return { ok: false, problem: error instanceof RangeError ? "too-large" : "corrupt" };
  }
  let credential: unknown;
  try {
    credential = JSON.parse(text);
  } catch {
    return { ok: false, problem: "corrupt" };
  }
  const name = params.get("n") ?? undefined;
  const salt = params.get("s") ?? undefined;
  return { ok: true, link: { credential, ...(name && salt ? { name, salt } : {}) } };
}
