/**
 * Whether a key may vouch for a proof: the did:key must be listed under the issuer whose
 * `uri` the document names, the proof's day (Beijing calendar) must lie inside the key's
 * window, and the key must not be marked compromised. Browser-safe; the YAML files are
 * read and checked by issuer-files.ts.
 */
import { beijingDay } from "./credential.ts";
import { didKeyOf } from "./keys.ts";
import type { CheckKey, Issuer, IssuerKey } from "./types.ts";

export const issuerByUri = (issuers: readonly Issuer[], uri: string): Issuer | undefined => issuers.find((i) => i.uri === uri);

/** Is `day` (YYYY-MM-DD) inside the key's window? */
export const keyWindowHolds = (key: IssuerKey, day: string): boolean =>
  day >= key.validFrom && (key.validUntil === undefined || day <= key.validUntil);

export const checkKey = ((issuers, issuerUri, verificationMethod, at) => {
  const issuer = issuerByUri(issuers, issuerUri);
  if (!issuer) return { ok: false, problem: "unknown-issuer" };
  const did = didKeyOf(verificationMethod);
  const key = did && issuer.keys.find((k) => k.id === did);
  if (!key) return { ok: false, problem: "unknown-key" };
  if (key.compromised) return { ok: false, problem: "key-compromised" };
  const day = beijingDay(at);
  if (day < key.validFrom) return { ok: false, problem: "key-not-yet-valid" };
  if (key.validUntil !== undefined && day > key.validUntil) return { ok: false, problem: "key-expired" };
  return { ok: true, issuer, key };
}) satisfies CheckKey;

/** The key an issuer may sign with today, if any (for the issuing commands). */
export function signingKeyOf(issuer: Issuer, did: string, now: Date): IssuerKey | undefined {
  const key = issuer.keys.find((k) => k.id === did);
  return key && !key.compromised && keyWindowHolds(key, beijingDay(now)) ? key : undefined;
}
