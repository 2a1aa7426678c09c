/** base64url for payloads (QR fragments, exam seals); ids for records are in new-id.ts. */
import { base64urlnopad } from "@scure/base";

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
