/**
 * One verdict for one credential, the same in the browser and the CLI. Checks in order,
 * the first failure decides: shape → proof → issuer and key window → name (when given)
 * → not yet valid → expired → status list → revoked. README §9 has the table.
 */
import { checkName, normaliseName } from "./credential.ts";
import { checkKey } from "./issuers.ts";
import { verifyDataIntegrity } from "./proof.ts";
import { signedCredentialSchema, statusListSchema } from "./schema.ts";
import { decodeStatusList, getBit } from "./status-list.ts";
import {
  MAX_CREDENTIAL_TEXT_BYTES,
  type Issuer,
  type ParseCredentialText,
  type SignedCredential,
  type StatusListCredential,
  type Verdict,
  type VerdictDetails,
  type VerifyCertificate,
  type VerifyProblem,
} from "./types.ts";

/** Refuses text over 256 KB before parsing it; then JSON.parse. */
export const parseCredentialText = ((text) => {
  // UTF-8 takes at least one byte per UTF-16 unit, so the length alone refuses a huge paste
  // without encoding it.
  if (text.length > MAX_CREDENTIAL_TEXT_BYTES || new TextEncoder().encode(text).length > MAX_CREDENTIAL_TEXT_BYTES) {
    return { ok: false, problem: "too-large" };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: "not-json" };
  }
}) satisfies ParseCredentialText;

/** What the page shows for a credential whose shape is known. */
function detailsOf(c: SignedCredential): VerdictDetails {
  const s = c.credentialSubject;
  return {
    number: s.licenseNumber,
    level: { id: s.achievement.humanCode, name: s.achievement.name },
    issuer: { name: c.issuer.name, uri: c.issuer.id },
    township: s.township,
    village: s.village,
    maskedName: s.maskedName,
    credentialId: c.id,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    awardedDate: c.awardedDate,
    signedAt: c.proof.created,
    ...(c.renews ? { renews: c.renews } : {}),
  };
}

type ListCheck = { ok: true; bits: Uint8Array; list: StatusListCredential } | { ok: false; problem: VerifyProblem };

/** A verified, decoded list is kept per list object and issuer set (roster pages check many). */
const listCache = new WeakMap<object, { issuers: readonly Issuer[]; result: Promise<ListCheck> }>();

async function checkList(list: StatusListCredential, issuerUri: string, issuers: readonly Issuer[]): Promise<ListCheck> {
  if (!statusListSchema.safeParse(list).success || list.issuer.id !== issuerUri) return { ok: false, problem: "status-list-invalid" };
  const proof = await verifyDataIntegrity(list);
  if (!proof.ok) return { ok: false, problem: "status-list-invalid" };
  if (!checkKey(issuers, list.issuer.id, proof.verificationMethod, new Date(proof.created)).ok) return { ok: false, problem: "status-list-invalid" };
  const bits = decodeStatusList(list.credentialSubject.encodedList);
  return bits ? { ok: true, bits, list } : { ok: false, problem: "status-list-invalid" };
}

function cachedCheckList(list: StatusListCredential, issuerUri: string, issuers: readonly Issuer[]): Promise<ListCheck> {
  if (list.issuer?.id !== issuerUri) return Promise.resolve({ ok: false, problem: "status-list-invalid" });
  const hit = listCache.get(list);
  if (hit && hit.issuers === issuers) return hit.result;
  const result = checkList(list, issuerUri, issuers);
  listCache.set(list, { issuers, result });
  return result;
}

const verdict = (code: Verdict["code"], details: VerdictDetails, problem?: VerifyProblem): Verdict => ({
  code,
  details: problem ? { ...details, problem } : details,
});

export const verifyCertificate = (async (credential, options) => {
  const { issuers, statusLists, revocations = {}, now, nameCheck } = options;
  const shape = signedCredentialSchema.safeParse(credential);
  const c = credential as SignedCredential;
  if (!shape.success || [c.validFrom, c.validUntil, c.awardedDate, c.proof.created].some((t) => Number.isNaN(Date.parse(t)))) {
    return verdict("malformed", {}, "shape");
  }
  let details = detailsOf(c);

  const proof = await verifyDataIntegrity(credential);
  if (!proof.ok) return verdict("bad-signature", details, proof.reason);

  const key = checkKey(issuers, c.issuer.id, proof.verificationMethod, new Date(proof.created));
  if (!key.ok) return verdict("unknown-issuer", details, key.problem);
  details = { ...details, issuer: { id: key.issuer.id, name: key.issuer.name, uri: key.issuer.uri } };

  if (nameCheck) {
    if (!(await checkName(c.credentialSubject.identifier[0].identityHash, nameCheck.name, nameCheck.salt))) return verdict("name-mismatch", details);
    details = { ...details, fullName: normaliseName(nameCheck.name) };
  }

  const time = now.getTime();
  if (time < Date.parse(c.validFrom)) return verdict("not-yet-valid", details);
  if (time > Date.parse(c.validUntil)) return verdict("expired", details);

  const status = c.credentialStatus;
  const list = statusLists.find((l) => l?.id === status.statusListCredential);
  if (!list) return verdict("status-unavailable", details, "status-list-missing");
  const checked = await cachedCheckList(list, c.issuer.id, issuers);
  if (!checked.ok) return verdict("status-unavailable", details, checked.problem);
  details = { ...details, statusList: { id: list.id, validFrom: list.validFrom } };
  const index = Number(status.statusListIndex);
  if (index >= checked.bits.length * 8) return verdict("status-unavailable", details, "status-index");
  if (getBit(checked.bits, index)) {
    const record = revocations[c.id];
    return verdict("revoked", record ? { ...details, revocation: { date: record.date, reason: record.reason, ...(record.note ? { note: record.note } : {}) } } : details);
  }
  return verdict("valid", details);
}) satisfies VerifyCertificate;

/** The verdict for a certificate number the registry does not hold. */
export const notFound = (number: string): Verdict => ({ code: "not-found", details: { number } });
