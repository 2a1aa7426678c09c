/**
 * The registry as the browser reads it: an index, and shards of certificate numbers so
 * that a lookup fetches one small file (≤ 16 KB gzip) whatever the registry's size.
 * Pure: the build writes what buildPublishedRegistry returns (registry-files.ts reads
 * content/registry/).
 */
import { gzipSync } from "fflate";
import { utf8 } from "./bytes.ts";
import {
  MAX_SHARD_GZIP_BYTES,
  REGISTRY_INDEX_FORMAT,
  REGISTRY_SHARD_FORMAT,
  type RegistryEntry,
  type RegistryIndex,
  type RegistryShard,
  type RevocationRecord,
  type ShardEntry,
  type ShardOf,
  type StatusListCredential,
} from "./types.ts";

/** FNV-1a, 32 bits, of the UTF-8 bytes. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

export const shardOf = ((number, shardCount) => {
  if (!Number.isInteger(shardCount) || shardCount < 1) throw new RangeError("shardCount 应为正整数");
  return fnv1a32(number) % shardCount;
}) satisfies ShardOf;

/** One number's shard entry: the latest credential, earlier ids, revocation reasons. */
export function shardEntry(entry: RegistryEntry, revocations: readonly RevocationRecord[] | ReadonlyMap<string, RevocationRecord>): ShardEntry {
  if (!entry.credentials.length) throw new RangeError(`证书编号 ${entry.number} 下没有证书`);
  const byId = revocations instanceof Map ? revocations : revocationsById(revocations as readonly RevocationRecord[]);
  const current = entry.credentials[entry.credentials.length - 1];
  return {
    number: entry.number,
    current,
    previous: entry.credentials.slice(0, -1).map((c) => c.id).reverse(),
    revocations: Object.fromEntries(
      entry.credentials.flatMap((c) => {
        const r = byId.get(c.id);
        return r ? [[c.id, { date: r.date, reason: r.reason, ...(r.note ? { note: r.note } : {}) }]] : [];
      }),
    ),
  };
}

/** Revocations by credential id (the latest record wins). */
export const revocationsById = (revocations: readonly RevocationRecord[]): Map<string, RevocationRecord> => new Map(revocations.map((r) => [r.credentialId, r]));

/** Bytes of the JSON text once gzipped (fflate, level 6). Node callers pass zlib's, 20× faster: registry-files.ts nodeGzipSize. */
export const gzipSize = (value: unknown): number => gzipSync(utf8(JSON.stringify(value)), { level: 6, mtime: 0 }).length;

export interface PublishedStatusList {
  credential: StatusListCredential;
  /** Issuer id (file name in content/issuers). */
  issuer: string;
  /** Path relative to the registry folder, e.g. `status/qingxi-sfj-1.json`. */
  path: string;
}

export interface PublishedRegistry {
  index: RegistryIndex;
  /** Every shard, empty ones included (index = shard number), so a missing file means a broken deployment. */
  shards: RegistryShard[];
}

/** Numbers per shard to try first; shard counts are powers of two. */
const FIRST_GUESS = 32;

/**
 * Shards and index for `entries`. The shard count is the smallest power of two, from a
 * first guess of 32 numbers per shard, for which every shard gzips to ≤ maxShardBytes.
 */
export function buildPublishedRegistry(input: {
  entries: readonly RegistryEntry[];
  revocations: readonly RevocationRecord[];
  statusLists: readonly PublishedStatusList[];
  generated: string;
  maxShardBytes?: number;
  /** Gzipped size of a value's JSON; defaults to gzipSize. */
  measure?: (value: unknown) => number;
}): PublishedRegistry {
  const { entries, revocations, statusLists, generated, maxShardBytes = MAX_SHARD_GZIP_BYTES, measure = gzipSize } = input;
  const numbers = new Set<string>();
  for (const e of entries) {
    if (numbers.has(e.number)) throw new RangeError(`证书编号 ${e.number} 出现了两次`);
    numbers.add(e.number);
  }
  const byId = revocationsById(revocations);
  const shardEntries = entries.map((e) => shardEntry(e, byId)).sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  let shardCount = 1;
  while (shardCount * FIRST_GUESS < shardEntries.length) shardCount *= 2;
  for (;;) {
    const shards: RegistryShard[] = Array.from({ length: shardCount }, (_, shard) => ({ format: REGISTRY_SHARD_FORMAT, shard, entries: [] }));
    for (const e of shardEntries) shards[shardOf(e.number, shardCount)].entries.push(e);
    const tooBig = shards.filter((s) => measure(s) > maxShardBytes);
    if (!tooBig.length) {
      const index: RegistryIndex = {
        format: REGISTRY_INDEX_FORMAT,
        generated,
        count: shardEntries.length,
        shardCount,
        shardHash: "fnv1a32-utf8",
        issuers: "issuers.json",
        statusLists: statusLists.map((l) => ({ id: l.credential.id, issuer: l.issuer, path: l.path, validFrom: l.credential.validFrom })),
      };
      return { index, shards };
    }
    const alone = tooBig.find((s) => s.entries.length === 1);
    if (alone) throw new RangeError(`证书编号 ${alone.entries[0].number} 一条记录就超过了 ${maxShardBytes} 字节`);
    shardCount *= 2;
  }
}

/** The path of a number's shard, relative to index.json. */
export const shardPath = (number: string, index: Pick<RegistryIndex, "shardCount">): string => `shards/${shardOf(number, index.shardCount)}.json`;

export const findInShard = (shard: RegistryShard, number: string): ShardEntry | undefined => shard.entries.find((e) => e.number === number);
