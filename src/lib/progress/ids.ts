/** Random ids for learners and entries (96 bits, base64url, 16 characters), and base64url itself. */
import { base64urlnopad } from "@scure/base";

/**
 * getRandomValues rather than randomUUID: it also works on a plain-http intranet page
 * (not a secure context), and 16 characters keep exports and QR payloads small.
 */
export function newId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return base64url(bytes);
}

/** RFC 4648 §5 without padding (@scure/base, as the certificates use). */
export const base64url = (bytes: Uint8Array): string => base64urlnopad.encode(bytes);

/** Inverse of base64url; undefined for any character outside the alphabet, an impossible length or stray bits. */
export function fromBase64url(text: string): Uint8Array | undefined {
  try {
    return base64urlnopad.decode(text);
  } catch {
    return undefined;
  }
}
