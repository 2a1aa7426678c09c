/**
 * W3C Bitstring Status List v1.0: a bitstring of STATUS_LIST_SIZE entries (bit i is the
 * high-order-first bit i of the byte string; 1 = revoked), GZIP-compressed and written as
 * multibase base64url (`u`, no padding) in a signed BitstringStatusListCredential.
 */
import { base64urlnopad } from "@scure/base";
import { gunzipSync, gzipSync } from "fflate";
import {
  STATUS_LIST_CONTEXT,
  STATUS_LIST_SIZE,
  type DecodeStatusList,
  type EncodeStatusList,
  type IssuerProfile,
  type StatusListUnsigned,
} from "./types.ts";

/** Largest bitstring we decode (2^27 entries): a status list claiming more is refused unread. */
const MAX_BITSTRING_BYTES = 16 * 1024 * 1024;

export const createBitstring = (size = STATUS_LIST_SIZE): Uint8Array => {
  if (!Number.isInteger(size) || size <= 0 || size % 8 !== 0) throw new RangeError("状态列表长度应为 8 的正整数倍");
  return new Uint8Array(size / 8);
};

const position = (bits: Uint8Array, index: number): [byte: number, mask: number] => {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8) throw new RangeError(`状态列表没有第 ${index} 位`);
  return [index >> 3, 0x80 >> (index & 7)];
};

export function getBit(bits: Uint8Array, index: number): boolean {
  const [byte, mask] = position(bits, index);
  return (bits[byte] & mask) !== 0;
}

export function setBit(bits: Uint8Array, index: number, value = true): void {
  const [byte, mask] = position(bits, index);
  bits[byte] = value ? bits[byte] | mask : bits[byte] & ~mask;
}

/** GZIP (no timestamp, so the same bits give the same text) → `u` + base64url. */
export const encodeStatusList = ((bits) => "u" + base64urlnopad.encode(gzipSync(bits, { level: 9, mtime: 0 }))) satisfies EncodeStatusList;

/** The bitstring, or undefined when the text is not a multibase base64url GZIP of one. */
export const decodeStatusList = ((encodedList) => {
  if (typeof encodedList !== "string" || !encodedList.startsWith("u")) return undefined;
  let gz: Uint8Array;
  try {
    gz = base64urlnopad.decode(encodedList.slice(1));
  } catch {
    return undefined;
  }
  if (gz.length < 18) return undefined;
  // GZIP's trailer states the decompressed size; refuse a claim too large before inflating.
  const size = new DataView(gz.buffer, gz.byteOffset + gz.length - 4, 4).getUint32(0, true);
  if (size === 0 || size > MAX_BITSTRING_BYTES) return undefined;
  try {
    // One byte more than claimed: a stream longer than its trailer says fills it, and is refused
    // (into exactly `size` bytes fflate would stop there and return a shorter list).
    const out = gunzipSync(gz, { out: new Uint8Array(size + 1) });
    return out.length === size ? out : undefined;
  } catch {
    return undefined;
  }
}) satisfies DecodeStatusList;

const randomIndex = (size: number): number => {
  const [n] = globalThis.crypto.getRandomValues(new Uint32Array(1));
  // size is a power of two or far below 2^32: the bias of `%` is negligible (≤ size / 2^32).
  return n % size;
};

/**
 * A random index in [0, size) that is not in `used`, or undefined when the list is full.
 * Random draws first; when the list is nearly full, one draw among the free indexes.
 */
export function randomFreeIndex(used: ReadonlySet<number>, size = STATUS_LIST_SIZE, random: (size: number) => number = randomIndex): number | undefined {
  if (used.size >= size) return undefined;
  for (let attempt = 0; attempt < 64; attempt++) {
    const index = random(size);
    if (!used.has(index)) return index;
  }
  const free: number[] = [];
  for (let i = 0; i < size; i++) if (!used.has(i)) free.push(i);
  return free.length ? free[random(free.length)] : undefined;
}

export interface StatusListInput {
  issuer: IssuerProfile;
  /** The list's URL (the `statusListCredential` of its entries). */
  url: string;
  /** When this version of the list is published (ISO date-time). */
  validFrom: string;
  revoked: Iterable<number>;
  size?: number;
}

/** The unsigned status list credential with these indexes set. Sign it with signDataIntegrity. */
export function buildStatusList({ issuer, url, validFrom, revoked, size = STATUS_LIST_SIZE }: StatusListInput): StatusListUnsigned {
  const bits = createBitstring(size);
  for (const index of revoked) setBit(bits, index);
  return {
    "@context": [...STATUS_LIST_CONTEXT],
    id: url,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer,
    validFrom,
    credentialSubject: { id: `${url}#list`, type: "BitstringStatusList", statusPurpose: "revocation", encodedList: encodeStatusList(bits) },
  };
}
