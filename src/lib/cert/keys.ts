/**
 * Ed25519 keys: the key file (a W3C Multikey with its secret), did:key ⇄ raw public key,
 * and WebCrypto import. Multibase is base58btc (`z`); multicodec prefixes are
 * 0xed01 (ed25519-pub) and 0x8026 (ed25519-priv).
 */
import { base58 } from "@scure/base";
import { buffer, concat, startsWith, subtle } from "./bytes.ts";
import {
  KEY_FILE_FORMAT,
  type DidKey,
  type DidKeyToPublicKey,
  type GenerateKeyPair,
  type KeyFile,
  type PublicKeyToDidKey,
} from "./types.ts";

const ED25519_PUB = [0xed, 0x01] as const;
const ED25519_PRIV = [0x80, 0x26] as const;
/** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows. */
const PKCS8_PREFIX = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20] as const;
const ED25519 = { name: "Ed25519" } as const;

function decodeMultibase(text: string, prefix: readonly number[]): Uint8Array | undefined {
  if (typeof text !== "string" || !text.startsWith("z")) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(text.slice(1));
  } catch {
    return undefined;
  }
  return bytes.length === prefix.length + 32 && startsWith(bytes, prefix) ? bytes.slice(prefix.length) : undefined;
}

const encodeMultibase = (key: Uint8Array, prefix: readonly number[]): string => "z" + base58.encode(concat(Uint8Array.from(prefix), key));

/** `z6Mk…` → the 32-byte public key, or undefined if it is not an Ed25519 Multikey. */
export const multibaseToPublicKey = (multibase: string): Uint8Array | undefined => decodeMultibase(multibase, ED25519_PUB);
export const publicKeyToMultibase = (publicKey: Uint8Array): string => encodeMultibase(publicKey, ED25519_PUB);
/** `z3u2…` → the 32-byte secret seed. */
export const multibaseToSecretKey = (multibase: string): Uint8Array | undefined => decodeMultibase(multibase, ED25519_PRIV);
export const secretKeyToMultibase = (seed: Uint8Array): string => encodeMultibase(seed, ED25519_PRIV);

export const publicKeyToDidKey = ((publicKey) => `did:key:${publicKeyToMultibase(publicKey)}` as DidKey) satisfies PublicKeyToDidKey;

/**
 * `did:key:z6Mk…` or its verification method `did:key:z6Mk…#z6Mk…` → the public key.
 * A fragment must repeat the key; anything else is refused.
 */
export const didKeyToPublicKey = ((did) => {
  if (typeof did !== "string") return undefined;
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)(?:#(z[1-9A-HJ-NP-Za-km-z]+))?$/.exec(did);
  if (!match || (match[2] !== undefined && match[2] !== match[1])) return undefined;
  return multibaseToPublicKey(match[1]);
}) satisfies DidKeyToPublicKey;

/** `did:key:z6Mk…#z6Mk…` → `did:key:z6Mk…`, or undefined for anything but a did:key method. */
export function didKeyOf(verificationMethod: string): DidKey | undefined {
  const key = didKeyToPublicKey(verificationMethod);
  return key ? publicKeyToDidKey(key) : undefined;
}

/** The verification method id of a did:key: `did:key:z6Mk…#z6Mk…`. */
export const verificationMethodOf = (did: DidKey): string => `${did}#${did.slice("did:key:".length)}`;

export const importPublicKey = (publicKey: Uint8Array): Promise<CryptoKey> =>
  subtle().importKey("raw", buffer(publicKey), ED25519, true, ["verify"]);

export const importSecretKey = (seed: Uint8Array, extractable = false): Promise<CryptoKey> =>
  subtle().importKey("pkcs8", concat(Uint8Array.from(PKCS8_PREFIX), seed), ED25519, extractable, ["sign"]);

/** The public key that belongs to a secret seed (through the private key's JWK `x`). */
export async function publicKeyOfSeed(seed: Uint8Array): Promise<Uint8Array> {
  const jwk = await subtle().exportKey("jwk", await importSecretKey(seed, true));
  const x = (jwk.x ?? "").replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(x + "=".repeat((4 - (x.length % 4)) % 4)), (c) => c.charCodeAt(0));
}

/** A key file from its two multibase keys (checked to belong together). */
export async function keyFileFromMultibase(publicKeyMultibase: string, secretKeyMultibase: string, issuer: string, created: string): Promise<KeyFile> {
  const publicKey = multibaseToPublicKey(publicKeyMultibase);
  const seed = multibaseToSecretKey(secretKeyMultibase);
  if (!publicKey || !seed) throw new Error("密钥不是 Ed25519 Multikey 格式");
  const derived = await publicKeyOfSeed(seed);
  if (publicKeyToMultibase(derived) !== publicKeyMultibase) throw new Error("私钥与公钥不匹配");
  const controller = publicKeyToDidKey(publicKey);
  return {
    format: KEY_FILE_FORMAT,
    type: "Multikey",
    id: verificationMethodOf(controller),
    controller,
    publicKeyMultibase,
    secretKeyMultibase,
    issuer,
    created,
  };
}

/** A new Ed25519 key pair as a key file. The secret exists only in the returned object. */
export const generateKeyPair = (async (issuer, now = new Date()) => {
  const pair = (await subtle().generateKey(ED25519, true, ["sign", "verify"])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await subtle().exportKey("pkcs8", pair.privateKey));
  const publicKey = new Uint8Array(await subtle().exportKey("raw", pair.publicKey));
  const seed = pkcs8.slice(pkcs8.length - 32);
  return keyFileFromMultibase(publicKeyToMultibase(publicKey), secretKeyToMultibase(seed), issuer, now.toISOString().replace(/\.\d{3}Z$/, "Z"));
}) satisfies GenerateKeyPair;

export type KeyFileProblem = "not-json" | "not-a-key-file" | "mismatch";

/** Key file text → key file, checking that its secret and public halves belong together. */
export async function parseKeyFile(text: string): Promise<{ ok: true; key: KeyFile } | { ok: false; problem: KeyFileProblem }> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: "not-json" };
  }
  const v = value as Partial<KeyFile> | null;
  if (
    !v || typeof v !== "object" || v.format !== KEY_FILE_FORMAT || v.type !== "Multikey" ||
    typeof v.publicKeyMultibase !== "string" || typeof v.secretKeyMultibase !== "string" ||
    typeof v.issuer !== "string" || typeof v.created !== "string"
  ) {
    return { ok: false, problem: "not-a-key-file" };
  }
  try {
    const key = await keyFileFromMultibase(v.publicKeyMultibase, v.secretKeyMultibase, v.issuer, v.created);
    return key.controller === v.controller && key.id === v.id ? { ok: true, key } : { ok: false, problem: "mismatch" };
  } catch {
    return { ok: false, problem: "mismatch" };
  }
}
