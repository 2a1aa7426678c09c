/**
 * Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite (W3C vc-di-eddsa §3.3):
 * SHA-256 of the JCS proof configuration, then SHA-256 of the JCS document, concatenated
 * and signed with Ed25519; the signature is base58btc multibase. Works on any JSON object
 * (credentials, status lists, exam papers).
 */
import { base58 } from "@scure/base";
import canonicalize from "canonicalize";
import { buffer, concat, sha256, subtle, utf8 } from "./bytes.ts";
import { didKeyToPublicKey, importPublicKey, importSecretKey, multibaseToSecretKey } from "./keys.ts";
import { CRYPTOSUITE, PROOF_TYPE, type DataIntegrityProof, type SignDataIntegrity, type VerifyDataIntegrity } from "./types.ts";

/** XML Schema dateTimeStamp, as Data Integrity requires for `created`. */
const DATE_TIME_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

export const isDateTimeStamp = (value: unknown): value is string =>
  typeof value === "string" && DATE_TIME_STAMP.test(value) && !Number.isNaN(Date.parse(value));

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** JCS (RFC 8785) bytes, or undefined for values JSON cannot hold. */
function jcs(value: unknown): Uint8Array | undefined {
  try {
    const text = canonicalize(value);
    return text === undefined ? undefined : utf8(text);
  } catch {
    return undefined;
  }
}

/** proofHash ‖ docHash, the bytes Ed25519 signs. */
async function hashData(proofConfig: unknown, document: unknown): Promise<Uint8Array | undefined> {
  const config = jcs(proofConfig);
  const doc = jcs(document);
  if (!config || !doc) return undefined;
  return concat(await sha256(config), await sha256(doc));
}

/** The signing time now, to the second, as proofs write it. */
export const nowStamp = (now = new Date()): string => now.toISOString().replace(/\.\d{3}Z$/, "Z");

export const signDataIntegrity = (async (document, key, options = {}) => {
  if (!isObject(document)) throw new TypeError("只能给 JSON 对象签名");
  if ("proof" in document) throw new TypeError("文件已经带有签名 proof，不能再签一次");
  const created = options.created ?? nowStamp();
  if (!isDateTimeStamp(created)) throw new TypeError(`签名时间 ${created} 不是带时区的 ISO 时间`);
  const seed = multibaseToSecretKey(key.secretKeyMultibase);
  if (!seed) throw new TypeError("密钥文件中的私钥格式不正确");
  const proofOptions: Omit<DataIntegrityProof, "proofValue"> = {
    type: PROOF_TYPE,
    cryptosuite: CRYPTOSUITE,
    created,
    verificationMethod: key.id,
    proofPurpose: options.proofPurpose ?? "assertionMethod",
    ...("@context" in document ? { "@context": document["@context"] as DataIntegrityProof["@context"] } : {}),
  };
  const data = await hashData(proofOptions, document);
  if (!data) throw new TypeError("文件含有 JSON 不能表示的值（undefined、NaN 等），无法签名");
  const signature = new Uint8Array(await subtle().sign("Ed25519", await importSecretKey(seed), buffer(data)));
  return { ...document, proof: { ...proofOptions, proofValue: "z" + base58.encode(signature) } };
}) satisfies SignDataIntegrity;

/** Does `context` start with every entry of `prefix`, in order? */
function startsWithContext(context: unknown, prefix: unknown): boolean {
  const list = (v: unknown) => (Array.isArray(v) ? v : [v]);
  const whole = list(context);
  return list(prefix).every((entry, i) => jcsEqual(whole[i], entry));
}

const jcsEqual = (a: unknown, b: unknown): boolean => {
  const x = jcs(a);
  const y = jcs(b);
  return x !== undefined && y !== undefined && x.length === y.length && x.every((byte, i) => byte === y[i]);
};

export const verifyDataIntegrity = (async (document, options = {}) => {
  if (!isObject(document) || !isObject(document.proof)) return { ok: false, reason: "shape" };
  const { proof: rawProof, ...unsecured } = document;
  const { proofValue, ...proofOptions } = rawProof as Record<string, unknown>;
  if (proofOptions.type !== PROOF_TYPE || proofOptions.cryptosuite !== CRYPTOSUITE) return { ok: false, reason: "unsupported-proof" };
  const { created, verificationMethod } = proofOptions;
  if (!isDateTimeStamp(created) || typeof verificationMethod !== "string" || typeof proofOptions.proofPurpose !== "string") {
    return { ok: false, reason: "unsupported-proof" };
  }
  let signature: Uint8Array;
  try {
    if (typeof proofValue !== "string" || !proofValue.startsWith("z")) return { ok: false, reason: "bad-proof-value" };
    signature = base58.decode(proofValue.slice(1));
  } catch {
    return { ok: false, reason: "bad-proof-value" };
  }
  if (signature.length !== 64) return { ok: false, reason: "bad-proof-value" };
  if ("@context" in proofOptions) {
    if (!startsWithContext(unsecured["@context"], proofOptions["@context"])) return { ok: false, reason: "context" };
    unsecured["@context"] = proofOptions["@context"];
  }
  const publicKey = options.publicKey ?? didKeyToPublicKey(verificationMethod);
  if (!publicKey) return { ok: false, reason: "bad-key" };
  const data = await hashData(proofOptions, unsecured);
  if (!data) return { ok: false, reason: "shape" };
  let valid = false;
  try {
    valid = await subtle().verify("Ed25519", await importPublicKey(publicKey), buffer(signature), buffer(data));
  } catch {
    return { ok: false, reason: "bad-key" };
  }
  return valid ? { ok: true, verificationMethod, created } : { ok: false, reason: "signature" };
}) satisfies VerifyDataIntegrity;

