/**
 * Session codes (考场口令): one per exam site (考点) and paper, made by `cert paper` and
 * typed by the proctor on /exam/. Easy to read aloud and type: 8 characters from digits
 * and capital letters without 0, O, 1 and I (nobody has to guess which one is meant),
 * shown as two groups of four. 32 symbols × 8 = 40 bits, stretched by PBKDF2 in seal.ts.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const CODE_LENGTH = 8;

/** A fresh random code, e.g. "K7M2-QX9D". `random` is injectable for tests. */
export function newSessionCode(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  const chars = Array.from(random(new Uint8Array(CODE_LENGTH)), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return formatCode(chars.join(""));
}

export const formatCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

/**
 * The code as typed → its canonical form, or undefined when it cannot be a code at all.
 * Spaces, dashes and lower case are forgiven. The message for a bad code never says
 * which character is wrong (that would help guessing), see sayCodeProblem.
 */
export function normalizeCode(typed: string): string | undefined {
  const code = typed.replace(/[\s\-－—_]/g, "").toUpperCase();
  if (code.length !== CODE_LENGTH) return undefined;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return code;
}
