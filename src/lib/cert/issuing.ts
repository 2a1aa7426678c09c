/**
 * Signing a credential into the registry, and revoking one: the steps the issue, renew,
 * revoke and sample commands share. Pure (WebCrypto for signatures, no files): each call
 * takes the registry's current state and returns what to write back.
 */
import { allocateNumber, allocateStatusIndex } from "./allocation.ts";
import { buildCredential, newSalt } from "./credential.ts";
import { nowStamp, signDataIntegrity } from "./proof.ts";
import { buildStatusList, decodeStatusList, encodeStatusList, setBit } from "./status-list.ts";
import type {
  AllocationState,
  Issuer,
  KeyFile,
  RegistryEntry,
  RevocationReason,
  RevocationRecord,
  SignedCredential,
  StatusListCredential,
  StatusListUnsigned,
} from "./types.ts";
import { lastValidDay } from "./issue-rules.ts";

/** What issuing needs to know of the registry, and what it hands back changed. */
export interface IssueState {
  siteUrl: string;
  allocation: AllocationState;
  /** Signed status lists by URL. */
  statusLists: ReadonlyMap<string, StatusListCredential>;
}

export interface IssueRequest {
  issuer: Issuer;
  key: KeyFile;
  level: { id: string; title: string; summary: string; validityMonths: number };
  holder: { name: string; township: string; village: string };
  /** First valid day (YYYY-MM-DD, Beijing). */
  from: string;
  /** A renewal: the entry it continues (number, first award date and `renews` come from it). */
  renewing?: RegistryEntry;
  now: Date;
}

export interface Issued {
  credential: SignedCredential;
  /** Printed on the certificate and in its link; never written to content/. */
  salt: string;
  allocation: AllocationState;
  /** A status list created for this credential's index (the issuer's first, or the next when one is full). */
  newStatusList?: StatusListCredential;
}

/** Sign a status list credential as of `now`. */
const signList = (list: StatusListUnsigned, key: KeyFile, now: Date) =>
  signDataIntegrity(list, key, { created: nowStamp(now) }) as Promise<StatusListCredential>;

/** Allocate (or keep) the number, draw a status index, build and sign the credential. */
export async function issueCredential(state: IssueState, request: IssueRequest): Promise<Issued> {
  const { issuer, key, level, holder, from, renewing, now } = request;
  let allocation = state.allocation;
  let number: string;
  let awardedDate: string | undefined;
  let renews: string | undefined;
  if (renewing) {
    const previous = renewing.credentials[renewing.credentials.length - 1];
    number = renewing.number;
    awardedDate = previous.awardedDate.slice(0, 10);
    renews = previous.id;
  } else {
    ({ number, state: allocation } = allocateNumber(allocation, issuer, Number(from.slice(0, 4))));
  }
  const status = allocateStatusIndex(allocation, issuer.id, state.siteUrl);
  allocation = status.state;
  const salt = newSalt();
  const unsigned = await buildCredential({
    issuer,
    level,
    holder: { ...holder, salt },
    number,
    validFrom: from,
    validUntil: lastValidDay(from, level.validityMonths),
    ...(awardedDate && awardedDate <= from ? { awardedDate } : {}),
    status: { listUrl: status.listUrl, index: status.index },
    ...(renews ? { renews } : {}),
    siteUrl: state.siteUrl,
  });
  const credential = (await signDataIntegrity(unsigned, key, { created: nowStamp(now) })) as SignedCredential;
  const profile = { id: issuer.uri, type: ["Profile"] as ["Profile"], name: issuer.name };
  const newStatusList = state.statusLists.has(status.listUrl)
    ? undefined
    : await signList(buildStatusList({ issuer: profile, url: status.listUrl, validFrom: nowStamp(now), revoked: [] }), key, now);
  return { credential, salt, allocation, ...(newStatusList ? { newStatusList } : {}) };
}

/** The entry after adding a credential: a first award starts one, a renewal appends. */
export const entryWith = (entry: RegistryEntry | undefined, credential: SignedCredential): RegistryEntry => ({
  number: credential.credentialSubject.licenseNumber,
  credentials: [...(entry?.credentials ?? []), credential],
});

/**
 * Revoke `credential`: its bit set in its status list, the list re-signed with `key` as of
 * `now`, and the record for revocations.json. The list keeps every bit it had.
 */
export async function revokeCredential(input: {
  credential: SignedCredential;
  list: StatusListCredential;
  key: KeyFile;
  reason: RevocationReason;
  note?: string;
  date: string;
  now: Date;
}): Promise<{ list: StatusListCredential; record: RevocationRecord }> {
  const { credential, list, key, reason, note, date, now } = input;
  const bits = decodeStatusList(list.credentialSubject.encodedList);
  if (!bits) throw new RangeError(`状态列表 ${list.id} 无法解码`);
  const index = Number(credential.credentialStatus.statusListIndex);
  setBit(bits, index);
  const { proof: _proof, ...unsigned } = list;
  const next: StatusListUnsigned = {
    ...unsigned,
    validFrom: nowStamp(now),
    credentialSubject: { ...unsigned.credentialSubject, encodedList: encodeStatusList(bits) },
  };
  return {
    list: await signList(next, key, now),
    record: {
      credentialId: credential.id,
      number: credential.credentialSubject.licenseNumber,
      date,
      reason,
      ...(note ? { note } : {}),
      statusListCredential: list.id,
      statusListIndex: credential.credentialStatus.statusListIndex,
    },
  };
}
