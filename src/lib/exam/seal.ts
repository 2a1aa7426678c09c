/**
 * Keys from a session code, and the answer sheet's seal. PBKDF2-SHA-256 stretches the
 * code with a salt naming the paper and site, so one code opens one site of one paper
 * and guessing it offline from the check value in the paper costs 100,000 hashes a try.
 * The derived bits give two independent things: an HMAC-SHA-256 key that seals sheets,
 * and a check value stored in the paper so /exam/ can tell a mistyped code at once.
 * The check value says nothing about the seal key (separate halves of the output).
 */
import { canonicalJson } from "../progress/canonical.ts";
import { base64url, fromBase64url } from "../progress/ids.ts";

export const KDF_ITERATIONS = 100_000;
export const SEAL_ALGORITHM = "HMAC-SHA-256";

const subtle = () => globalThis.crypto.subtle;
const utf8 = (text: string) => new TextEncoder().encode(text);

export interface SiteKeys {
  /** Non-extractable: the page can seal but not show or store the key. */
  sealKey: CryptoKey;
  /** base64url of 16 bytes; stored in the paper per site. */
  check: string;
}

/** `code` must be normalized (codes.ts normalizeCode). */
export async function deriveSiteKeys(code: string, paperId: string, site: string, iterations = KDF_ITERATIONS): Promise<SiteKeys> {
  const base = await subtle().importKey("raw", utf8(code), "PBKDF2", false, ["deriveBits"]);
  const salt = utf8(`ma-exam/v1/${paperId}/${site}`);
  const bits = new Uint8Array(await subtle().deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, base, 512));
  const sealKey = await subtle().importKey("raw", bits.slice(0, 32), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  const digest = new Uint8Array(await subtle().digest("SHA-256", bits.slice(32)));
  return { sealKey, check: base64url(digest.slice(0, 16)) };
}

/** JCS (RFC 8785) of a value: the same JSON value always gives the same bytes. */
export const canonicalBytes = (value: unknown): Uint8Array => utf8(canonicalJson(value));

export async function hmac(key: CryptoKey, value: unknown): Promise<string> {
  return base64url(new Uint8Array(await subtle().sign("HMAC", key, canonicalBytes(value) as BufferSource)));
}

export async function hmacHolds(key: CryptoKey, value: unknown, mac: string): Promise<boolean> {
  const bytes = fromBase64url(mac);
  if (!bytes) return false;
  // subtle.verify compares in constant time.
  return subtle().verify("HMAC", key, bytes as BufferSource, canonicalBytes(value) as BufferSource);
}
