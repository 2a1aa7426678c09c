/**
 * Random ids for learners and entries: 96 bits, 16 characters of base64url. Its own module,
 * on the platform's btoa, so the lesson page's progress store does not load a base64
 * library for 12 bytes (ids.ts has base64url for whole payloads).
 *
 * getRandomValues rather than randomUUID: it also works on a plain-http intranet page
 * (not a secure context), and 16 characters keep exports and QR payloads small.
 */
export function newId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  // 12 bytes are exactly 16 base64 characters: no padding to strip.
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_");
}
