/**
 * The certificate formats as TypeScript: key file, issuer, credential (VC 2.0 shaped as an
 * Open Badges 3.0 OpenBadgeCredential), Data Integrity proof (eddsa-jcs-2022), revocation
 * (Bitstring Status List), registry on disk and as published, verification link and
 * verdicts. README.md beside this file describes each with an example; the two must agree.
 *
 * The function types at the end are the library's public API: each module implements
 * its functions with `satisfies`, so a signature changes here first. Pure: no Node, no DOM.
 */

// ── Constants of the formats ───────────────────────────────────────────────────────────

export const VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
/** Exactly these two, in this order, on every credential we issue. */
export const CREDENTIAL_CONTEXT = [VC_CONTEXT, OB_CONTEXT] as const;
/** A status list credential needs only the VC context (Bitstring Status List terms are in it). */
export const STATUS_LIST_CONTEXT = [VC_CONTEXT] as const;

export const PROOF_TYPE = "DataIntegrityProof";
export const CRYPTOSUITE = "eddsa-jcs-2022";

/** Entries in every status list we create (the spec's minimum, for herd privacy). */
export const STATUS_LIST_SIZE = 131_072;

/** Credential text (pasted, uploaded, decoded from a link) larger than this is refused unread. */
export const MAX_CREDENTIAL_TEXT_BYTES = 256 * 1024;

/** A published registry shard may hold at most this many bytes once gzipped. */
export const MAX_SHARD_GZIP_BYTES = 16 * 1024;

/** Format tags written into files, so a later version can be told apart. */
export const KEY_FILE_FORMAT = "mediator-academy/issuer-key/1";
export const REGISTRY_FORMAT = "mediator-academy/registry/1";
export const REGISTRY_INDEX_FORMAT = "mediator-academy/registry-index/1";
export const REGISTRY_SHARD_FORMAT = "mediator-academy/registry-shard/1";

/** Tag at the start of the `c=` value in a verification link: deflate-raw with dictionary 1. */
export const LINK_TAG = "d1.";

// ── Plain JSON ──────────────────────────────────────────────────────────────────────────

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

// ── Keys ────────────────────────────────────────────────────────────────────────────────

/** `did:key:z6Mk…`: an Ed25519 public key (multicodec 0xed01, base58btc multibase). */
export type DidKey = `did:key:z${string}`;

/**
 * The private key file a trainer keeps (never in the repository). A W3C Multikey with its
 * secret, as in vc-di-eddsa TestVectors/keyPair.json, plus who it belongs to.
 */
export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  type: "Multikey";
  /** Verification method id: `did:key:z6Mk…#z6Mk…`. */
  id: string;
  /** The did:key itself; this is what goes into content/issuers/<issuer>.yaml. */
  controller: DidKey;
  /** `z6Mk…`: base58btc of 0xed 0x01 + the 32-byte public key. */
  publicKeyMultibase: string;
  /** `z3u2…`: base58btc of 0x80 0x26 (ed25519-priv) + the 32-byte secret seed. */
  secretKeyMultibase: string;
  /** Issuer id (content/issuers/<id>.yaml) this key signs for. */
  issuer: string;
  /** When the key was made (ISO date-time). */
  created: string;
}

// ── Issuers (content/issuers/<id>.yaml; published as registry/issuers.json) ────────────

export type IssuerKind = "county" | "town";

/** One public key of an issuer and the days it may sign (Asia/Shanghai calendar days, inclusive). */
export interface IssuerKey {
  id: DidKey;
  /** YYYY-MM-DD: first day a proof may be created with this key. */
  validFrom: string;
  /** YYYY-MM-DD: last day; absent = until rotated. */
  validUntil?: string;
  /**
   * The secret key leaked: every proof by this key is distrusted whatever its date, since
   * a thief can back-date `created`. Certificates it signed must be issued again.
   */
  compromised?: boolean;
  /** Free text for people (rotation reason). */
  note?: string;
}

export interface Issuer {
  /** File name without .yaml; lowercase slug (`qingxi-sfj`). */
  id: string;
  /** The issuing body's name, as printed: 清溪县司法局. */
  name: string;
  kind: IssuerKind;
  /** The Profile id in every credential it signs. A URL or URN that never changes; not a key. */
  uri: string;
  /** Certificate numbers start with this: 2–8 capital letters or digits (`QX`). */
  numberPrefix: string;
  keys: IssuerKey[];
}

/** Why a key cannot vouch for a proof. */
export type KeyProblem = "unknown-issuer" | "unknown-key" | "key-not-yet-valid" | "key-expired" | "key-compromised";

// ── Credential (VC 2.0 / OB 3.0 OpenBadgeCredential) ──────────────────────────────────

/** OB 3.0 IdentityObject for the holder's name; the salt is deliberately absent (README). */
export interface NameIdentity {
  type: "IdentityObject";
  identityType: "name";
  hashed: true;
  /** `sha256$` + lowercase hex of SHA-256(UTF-8(normalisedName + salt)). */
  identityHash: string;
}

export interface IssuerProfile {
  /** Issuer.uri. */
  id: string;
  type: ["Profile"];
  name: string;
}

export interface LevelAchievement {
  /** `<siteUrl>certification/#<levelId>`: the page explaining the level. */
  id: string;
  type: ["Achievement"];
  achievementType: "License";
  /** The level id (content/certifications/<levelId>.yaml). */
  humanCode: string;
  /** The level title: 人民调解员岗前培训合格. */
  name: string;
  description: string;
  criteria: { id: string };
}

export interface HolderSubject {
  type: ["AchievementSubject"];
  identifier: [NameIdentity];
  /** Certificate number, one per person (一人一号), the same on every renewal: `QX-2026-000123`. */
  licenseNumber: string;
  achievement: LevelAchievement;
  /** Extension: the only personal data in clear, e.g. 张*明 (maskName). */
  maskedName: string;
  /** Extension: township id (slug). */
  township: string;
  /** Extension: village id (slug). */
  village: string;
}

export interface StatusEntry {
  /** `<statusListCredential>#<index>`. */
  id: string;
  type: "BitstringStatusListEntry";
  statusPurpose: "revocation";
  /** Decimal string, 0 ≤ n < STATUS_LIST_SIZE, chosen at random and never reused. */
  statusListIndex: string;
  /** URL of the signed status list: `<siteUrl>registry/status/<listId>.json`. */
  statusListCredential: string;
}

export interface DataIntegrityProof {
  type: typeof PROOF_TYPE;
  cryptosuite: typeof CRYPTOSUITE;
  /** ISO date-time with Z, seconds precision: `2026-12-01T09:30:00Z`. */
  created: string;
  /** `did:key:z6Mk…#z6Mk…` for our signatures. */
  verificationMethod: string;
  proofPurpose: "assertionMethod" | string;
  /** The document's @context, copied (eddsa-jcs-2022 proof configuration). */
  "@context"?: JsonValue;
  /** `z…`: base58btc of the 64-byte Ed25519 signature. */
  proofValue: string;
}

export interface UnsignedCredential {
  "@context": typeof CREDENTIAL_CONTEXT | [string, string];
  /** `urn:uuid:<v4>`, new for every credential (a renewal is a new credential). */
  id: string;
  type: ["VerifiableCredential", "OpenBadgeCredential"];
  /** The level title again, for wallets. */
  name: string;
  issuer: IssuerProfile;
  /** `YYYY-MM-DDT00:00:00+08:00`. */
  validFrom: string;
  /** `YYYY-MM-DDT23:59:59+08:00` of the last valid day. */
  validUntil: string;
  /** First award under this number (kept across renewals), same form as validFrom. */
  awardedDate: string;
  credentialSubject: HolderSubject;
  credentialStatus: StatusEntry;
  /** Extension: id (`urn:uuid:…`) of the credential this one renews; absent on a first award. */
  renews?: string;
}

export interface SignedCredential extends UnsignedCredential {
  proof: DataIntegrityProof;
}

/** What credential.ts needs to build a credential. Dates are YYYY-MM-DD (Asia/Shanghai). */
export interface CredentialInput {
  issuer: Pick<Issuer, "uri" | "name">;
  level: { id: string; title: string; summary: string };
  holder: { name: string; salt: string; township: string; village: string };
  number: string;
  validFrom: string;
  validUntil: string;
  /** Defaults to validFrom. A renewal passes the first award's date. */
  awardedDate?: string;
  status: { listUrl: string; index: number };
  renews?: string;
  /** `https://…/academy/`: base of achievement ids. */
  siteUrl: string;
  /** Defaults to a random v4 UUID. */
  id?: string;
}

// ── Revocation (Bitstring Status List v1.0) ────────────────────────────────────────────

export interface StatusListUnsigned {
  "@context": typeof STATUS_LIST_CONTEXT | [string];
  /** `<siteUrl>registry/status/<listId>.json`; listId = `<issuerId>-<n>`. */
  id: string;
  type: ["VerifiableCredential", "BitstringStatusListCredential"];
  issuer: IssuerProfile;
  /** When this version of the list was published (ISO date-time). */
  validFrom: string;
  credentialSubject: {
    id: string;
    type: "BitstringStatusList";
    statusPurpose: "revocation";
    /** `u` + base64url (no padding) of the GZIP-compressed bitstring; index 0 = first byte's high bit. */
    encodedList: string;
  };
}

export interface StatusListCredential extends StatusListUnsigned {
  proof: DataIntegrityProof;
}

/** Fixed reasons, so a township can filter; `note` adds words (public: no personal data). */
export type RevocationReason = "misconduct" | "left-post" | "issued-in-error" | "replaced" | "other";

/** content/registry/revocations.json holds these, newest last. */
export interface RevocationRecord {
  credentialId: string;
  number: string;
  /** YYYY-MM-DD the revocation takes effect. */
  date: string;
  reason: RevocationReason;
  note?: string;
  statusListCredential: string;
  statusListIndex: string;
}

// ── Registry on disk (content/registry/, written by the CLI) ──────────────────────────

/** content/registry/registry.json */
export interface RegistryConfig {
  format: typeof REGISTRY_FORMAT;
  /** Where the site is published, ending in `/`: base of status list and achievement URLs. */
  siteUrl: string;
}

/** content/registry/credentials/<number>.json: one person, every credential under the number. */
export interface RegistryEntry {
  number: string;
  /** Oldest first; the last is the current one. */
  credentials: SignedCredential[];
}

/** content/registry/revocations.json */
export interface RevocationsFile {
  revocations: RevocationRecord[];
}

/** content/registry/allocation.json: never shrinks, so no number or index is given twice. */
export interface AllocationState {
  /** Last sequence number used, per issuer id and year (`{ "qingxi-sfj": { "2026": 123 } }`). */
  numbers: Record<string, Record<string, number>>;
  /** Indexes handed out, per status list URL, ascending. */
  statusIndexes: Record<string, number[]>;
  /** Current list per issuer id (a full list makes the next: `<issuerId>-<n+1>`). */
  currentList: Record<string, string>;
}

// ── Registry as published (dist/registry/, read by the browser) ───────────────────────

/** dist/registry/index.json: how to find the shard for a number, and what else to load. */
export interface RegistryIndex {
  format: typeof REGISTRY_INDEX_FORMAT;
  /** When the site was built (ISO date-time): "data as of". */
  generated: string;
  /** Number of certificate numbers in the registry. */
  count: number;
  /** Shard of a number = shardOf(number, shardCount); file `shards/<shard>.json`. */
  shardCount: number;
  shardHash: "fnv1a32-utf8";
  /** Relative to index.json. */
  issuers: "issuers.json";
  statusLists: { id: string; issuer: string; path: string; validFrom: string }[];
}

/** dist/registry/issuers.json */
export interface PublishedIssuers {
  issuers: Issuer[];
}

export interface ShardEntry {
  number: string;
  /** The current (latest) credential under this number. */
  current: SignedCredential;
  /** Ids of the earlier credentials, newest first. */
  previous: string[];
  /** Revocations of any credential under this number, by credential id. */
  revocations: Record<string, Pick<RevocationRecord, "date" | "reason" | "note">>;
}

/** dist/registry/shards/<n>.json */
export interface RegistryShard {
  format: typeof REGISTRY_SHARD_FORMAT;
  shard: number;
  entries: ShardEntry[];
}

// ── Verification link (QR) ─────────────────────────────────────────────────────────────

/** What a `/verify/#c=…&n=…&s=…` fragment carries. */
export interface VerifyLink {
  /** The signed credential, decoded but not yet checked (verifyCertificate checks it). */
  credential: unknown;
  /** Holder's full name and salt, when the link came from the printed certificate. */
  name?: string;
  salt?: string;
}

export type LinkProblem = "empty" | "too-large" | "corrupt";

// ── Verdicts ───────────────────────────────────────────────────────────────────────────

export type VerdictCode =
  | "valid" // 有效
  | "expired" // 已过期
  | "revoked" // 已撤销
  | "bad-signature" // 签名无效（内容被改动）
  | "unknown-issuer" // 签发机构不在名单 (or key outside its window, or compromised)
  | "not-found" // 未找到 (lookup by number)
  | "not-yet-valid" // 尚未生效
  | "malformed" // 格式不正确
  | "name-mismatch" // 姓名与证书不符 (name+salt given and the hash differs)
  | "status-unavailable"; // 无法确认撤销状态 (no trustworthy status list for it)

/** Why a credential is malformed or its signature fails; for the page's second line. */
export type VerifyProblem =
  | "too-large"
  | "not-json"
  | "shape"
  | "unsupported-proof"
  | "bad-key"
  | "bad-proof-value"
  | "signature"
  | "context"
  | KeyProblem
  | "status-list-missing"
  | "status-list-invalid"
  | "status-index";

/** What the page shows beside the verdict. All plain text; render as text, never HTML. */
export interface VerdictDetails {
  number?: string;
  level?: { id: string; name: string };
  /** As the credential names it; `id` (and the listed name) once the issuer list confirmed it. */
  issuer?: { id?: string; name: string; uri: string };
  township?: string;
  village?: string;
  maskedName?: string;
  /** Only when a name came with the link and matched the hash. */
  fullName?: string;
  credentialId?: string;
  validFrom?: string;
  validUntil?: string;
  awardedDate?: string;
  /** proof.created */
  signedAt?: string;
  renews?: string;
  revocation?: { date: string; reason: RevocationReason; note?: string };
  /** The status list used: its URL and when it was published. */
  statusList?: { id: string; validFrom: string };
  problem?: VerifyProblem;
}

export interface Verdict {
  code: VerdictCode;
  details: VerdictDetails;
}

export interface VerifyOptions {
  issuers: readonly Issuer[];
  /** Signed status lists available to the verifier (from the registry), any order. */
  statusLists: readonly StatusListCredential[];
  /** Reasons and dates for revoked credentials, by credential id (from the shard or revocations.json). */
  revocations?: Readonly<Record<string, Pick<RevocationRecord, "date" | "reason" | "note">>>;
  now: Date;
  /** Name and salt from the link: the verdict says whether they match the credential. */
  nameCheck?: { name: string; salt: string };
}

// ── Results ────────────────────────────────────────────────────────────────────────────

export type ProofCheck =
  | { ok: true; verificationMethod: string; created: string }
  | { ok: false; reason: VerifyProblem };

export type ParsedText = { ok: true; value: unknown } | { ok: false; problem: "too-large" | "not-json" };

export type KeyCheck = { ok: true; issuer: Issuer; key: IssuerKey } | { ok: false; problem: KeyProblem };

// ── API (implemented by the modules named in README.md) ────────────────────────────────

// keys.ts
export type GenerateKeyPair = (issuer: string, now?: Date) => Promise<KeyFile>;
export type DidKeyToPublicKey = (did: string) => Uint8Array | undefined;
export type PublicKeyToDidKey = (publicKey: Uint8Array) => DidKey;

// proof.ts
export interface SignOptions {
  /** ISO date-time; defaults to now, seconds precision. */
  created?: string;
  proofPurpose?: string;
}
export type SignDataIntegrity = <T extends object>(document: T, key: KeyFile, options?: SignOptions) => Promise<T & { proof: DataIntegrityProof }>;
export type VerifyDataIntegrity = (document: unknown, options?: { publicKey?: Uint8Array }) => Promise<ProofCheck>;

// credential.ts
export type BuildCredential = (input: CredentialInput) => Promise<UnsignedCredential>;
export type NameHash = (name: string, salt: string) => Promise<string>;

// status-list.ts
export type EncodeStatusList = (bits: Uint8Array) => string;
export type DecodeStatusList = (encodedList: string) => Uint8Array | undefined;

// issuers.ts
export type CheckKey = (issuers: readonly Issuer[], issuerUri: string, verificationMethod: string, at: Date) => KeyCheck;

// verify.ts
export type ParseCredentialText = (text: string) => ParsedText;
export type VerifyCertificate = (credential: unknown, options: VerifyOptions) => Promise<Verdict>;

// registry.ts
export type ShardOf = (number: string, shardCount: number) => number;
