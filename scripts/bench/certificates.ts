/**
 * Registry at scale: 1,000, 10,000 and 100,000 signed certificates across 500 townships,
 * written into a temporary registry the way the CLI writes them, then published with
 * buildPublishedRegistry. Reports the published registry's size, the largest shard gzip
 * (budget ≤ 16 KB), the bytes a phone fetches to verify one number (index + shard +
 * issuers + status list, gzip) and the time of each registry step. The whole site built
 * with these certificates is registry-build.ts's (it reuses generateRegistry); verification
 * time in Chromium is measured by the /verify/ page's bench.
 *
 * Run alone: `npx tsx scripts/bench/certificates.ts [--counts 1000,10000]`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { gzipSync } from "fflate";
import { statusListUrl } from "../../src/lib/cert/allocation.ts";
import { buildCredential, formatNumber } from "../../src/lib/cert/credential.ts";
import { createRegistry, writeRegistryChanges } from "../../src/lib/cert/issue-files.ts";
import { addDays } from "../../src/lib/cert/issue-rules.ts";
import { generateKeyPair } from "../../src/lib/cert/keys.ts";
import { nowStamp, signDataIntegrity } from "../../src/lib/cert/proof.ts";
import { buildPublishedRegistry, shardOf } from "../../src/lib/cert/registry.ts";
import { readEntries, readRevocations } from "../../src/lib/cert/registry-files.ts";
import { buildStatusList, randomFreeIndex } from "../../src/lib/cert/status-list.ts";
import { MAX_SHARD_GZIP_BYTES, type Issuer, type RegistryEntry, type RevocationRecord, type SignedCredential, type StatusListCredential } from "../../src/lib/cert/types.ts";

const SITE = "https://tiaojie.example.gov.cn/";
const TOWNSHIPS = 500;
const VILLAGES = 12;
/** One in a hundred certificates revoked, one in five renewed once (two credentials under its number). */
const REVOKED_EVERY = 100;
const RENEWED_EVERY = 5;

export interface CertificateFigures {
  count: number;
  credentials: number;
  signMs: number;
  writeMs: number;
  readMs: number;
  publishMs: number;
  shardCount: number;
  publishedBytes: number;
  publishedGzip: number;
  largestShardGzip: number;
  medianShardGzip: number;
  indexGzip: number;
  issuersGzip: number;
  statusListGzip: number;
  /** index + the number's shard (the largest, as the worst case) + issuers + status list, gzip. */
  verifyOneGzip: number;
  shardBudgetPass: boolean;
}

export const gz = (text: string): number => gzipSync(new TextEncoder().encode(text), { level: 9, mtime: 0 }).length;
const now = (): number => performance.now();

/** What generateRegistry wrote: the issuer to list in content/issuers and the timings. */
export interface GeneratedRegistry {
  issuer: Issuer;
  list: StatusListCredential;
  entries: RegistryEntry[];
  revocations: RevocationRecord[];
  /** The proofs' `created`. */
  created: string;
  signMs: number;
  writeMs: number;
}

/** The generated certificate n's township and village ids (content/townships needs them). */
export const benchTownshipId = (n: number): string => `township-${n % TOWNSHIPS}`;
export const benchVillageId = (n: number): string => `village-${n % VILLAGES}`;
export const BENCH_TOWNSHIPS = TOWNSHIPS;
export const BENCH_VILLAGES = VILLAGES;

/**
 * Signs `count` certificates with a fresh key of the issuer "bench-sfj" (numbers BX-…) and
 * writes them into the registry at `dir` the way the CLI does. An existing registry is
 * added to, not replaced (its revocations kept), so a site build shows both.
 */
export async function generateRegistry(count: number, dir: string, progress: (m: string) => void): Promise<GeneratedRegistry> {
  if (!existsSync(join(dir, "registry.json"))) createRegistry(dir, SITE);
  const key = await generateKeyPair("bench-sfj");
  const issuer: Issuer = { id: "bench-sfj", name: "基准县司法局", kind: "county", uri: "https://sfj.bench.example.gov.cn/", numberPrefix: "BX", keys: [{ id: key.controller, validFrom: "2020-01-01" }] };
  const profile = { id: issuer.uri, type: ["Profile"] as ["Profile"], name: issuer.name };
  const level = { id: "pre-job", title: "人民调解员岗前培训合格", summary: "新任人民调解员上岗前的培训：学完三门课、通过结课测试、完成两个情景模拟，再参加统一考试。" };
  const review = { id: "annual-review", title: "人民调解员年度复训合格", summary: "已持岗前培训合格证书的人民调解员每年参加的复训。" };
  const listUrl = statusListUrl(SITE, issuer.id, 1);
  const used = new Set<number>();
  const entries: RegistryEntry[] = [];
  const revocations: RevocationRecord[] = [];
  const created = nowStamp();

  let started = now();
  const sign = async (n: number, renews?: SignedCredential): Promise<SignedCredential> => {
    const index = randomFreeIndex(used)!;
    used.add(index);
    const from = renews ? "2026-06-01" : addDays("2025-06-01", n % 365);
    const unsigned = await buildCredential({
      issuer,
      level: renews ? review : level,
      holder: { name: `基准${n}`, salt: "AAAAAAAAAAAAAAAA", township: benchTownshipId(n), village: benchVillageId(n) },
      number: formatNumber("BX", 2025 + Math.floor(n / 999_999), (n % 999_999) + 1),
      validFrom: from,
      validUntil: addDays(from, 364),
      ...(renews ? { awardedDate: renews.awardedDate.slice(0, 10), renews: renews.id } : {}),
      status: { listUrl, index },
      siteUrl: SITE,
    });
    return (await signDataIntegrity(unsigned, key, { created })) as SignedCredential;
  };
  for (let n = 0; n < count; n++) {
    const first = await sign(n);
    const credentials = n % RENEWED_EVERY === 0 ? [first, await sign(n, first)] : [first];
    entries.push({ number: first.credentialSubject.licenseNumber, credentials });
    if (n % REVOKED_EVERY === 7) {
      const c = credentials[credentials.length - 1];
      revocations.push({ credentialId: c.id, number: entries[n].number, date: "2026-11-01", reason: "left-post", statusListCredential: listUrl, statusListIndex: c.credentialStatus.statusListIndex });
    }
    if (n > 0 && n % 10_000 === 0) progress(`  ${count}: signed ${n}…`);
  }
  const list = (await signDataIntegrity(
    buildStatusList({ issuer: profile, url: listUrl, validFrom: created, revoked: revocations.map((r) => Number(r.statusListIndex)) }),
    key,
    { created },
  )) as StatusListCredential;
  const signMs = now() - started;

  started = now();
  writeRegistryChanges(dir, { entries, statusLists: [list], revocations: [...readRevocations(dir), ...revocations] });
  const writeMs = now() - started;
  return { issuer, list, entries, revocations, created, signMs, writeMs };
}

async function figuresFor(count: number, work: string, progress: (m: string) => void): Promise<CertificateFigures> {
  const dir = join(work, `registry-${count}`);
  const { issuer, list, entries, created, signMs, writeMs } = await generateRegistry(count, dir, progress);
  let started: number;

  // The registry step of a build: read content/registry, shard it, write dist/registry.
  started = now();
  const read = readEntries(dir);
  const readRevs = readRevocations(dir);
  const readMs = now() - started;
  started = now();
  const published = buildPublishedRegistry({ entries: read, revocations: readRevs, statusLists: [{ credential: list, issuer: issuer.id, path: "status/bench-sfj-1.json" }], generated: created });
  const out = join(work, `published-${count}`);
  mkdirSync(join(out, "shards"), { recursive: true });
  mkdirSync(join(out, "status"), { recursive: true });
  const texts: string[] = [];
  const put = (file: string, value: unknown) => {
    const text = JSON.stringify(value);
    writeFileSync(join(out, file), text);
    texts.push(text);
    return text;
  };
  const indexText = put("index.json", published.index);
  const issuersText = put("issuers.json", { issuers: [issuer] });
  const listText = put("status/bench-sfj-1.json", list);
  const shardGzips = published.shards.map((shard) => gz(put(`shards/${shard.shard}.json`, shard)));
  const publishMs = now() - started;

  // Sanity: the number is where shardOf says.
  const probe = entries[Math.floor(count / 2)].number;
  if (!published.shards[shardOf(probe, published.index.shardCount)].entries.some((e) => e.number === probe)) throw new Error(`${probe} not in its shard`);

  const sorted = [...shardGzips].sort((a, b) => a - b);
  const largest = sorted[sorted.length - 1];
  const indexGzip = gz(indexText);
  const issuersGzip = gz(issuersText);
  const statusListGzip = gz(listText);
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  return {
    count,
    credentials: entries.reduce((n, e) => n + e.credentials.length, 0),
    signMs,
    writeMs,
    readMs,
    publishMs,
    shardCount: published.index.shardCount,
    publishedBytes: texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0),
    publishedGzip: indexGzip + issuersGzip + statusListGzip + shardGzips.reduce((a, b) => a + b, 0),
    largestShardGzip: largest,
    medianShardGzip: sorted[Math.floor(sorted.length / 2)],
    indexGzip,
    issuersGzip,
    statusListGzip,
    verifyOneGzip: indexGzip + largest + issuersGzip + statusListGzip,
    shardBudgetPass: largest <= MAX_SHARD_GZIP_BYTES,
  };
}

export async function certificateFigures(counts: readonly number[] = [1_000, 10_000, 100_000], progress: (m: string) => void = (m) => console.error(`[bench] ${m}`)): Promise<CertificateFigures[]> {
  const work = mkdtempSync(join(tmpdir(), "mediator-certs-"));
  const results: CertificateFigures[] = [];
  try {
    for (const count of counts) {
      progress(`certificates: ${count} across ${TOWNSHIPS} townships…`);
      results.push(await figuresFor(count, work, progress));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function certificateTable(rows: readonly CertificateFigures[]): string {
  const head = "| certificates | credentials | shards | published (raw / gzip) | largest shard gzip (≤ 16 KB) | median shard | verify one number (gzip) | sign | write registry | read registry | shard + write dist |";
  const lines = rows.map(
    (r) =>
      `| ${r.count.toLocaleString("en")} | ${r.credentials.toLocaleString("en")} | ${r.shardCount} | ${mb(r.publishedBytes)} / ${mb(r.publishedGzip)} | ${kb(r.largestShardGzip)} ${r.shardBudgetPass ? "PASS" : "FAIL"} | ${kb(r.medianShardGzip)} | ${kb(r.verifyOneGzip)} (index ${kb(r.indexGzip)}, issuers ${kb(r.issuersGzip)}, status list ${kb(r.statusListGzip)}) | ${s(r.signMs)} | ${s(r.writeMs)} | ${s(r.readMs)} | ${s(r.publishMs)} |`,
  );
  return ["Certificate registry (500 townships; 1 in 5 renewed, 1 in 100 revoked)", "", head, `|${"---|".repeat(11)}`, ...lines].join("\n");
}

// Run alone: prints the table and writes bench-out/certificates.json.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { counts: { type: "string" } } });
  const counts = values.counts ? values.counts.split(",").map(Number) : undefined;
  const rows = await certificateFigures(counts);
  console.log(certificateTable(rows));
  mkdirSync("bench-out", { recursive: true });
  writeFileSync(join("bench-out", "certificates.json"), `${JSON.stringify({ createdAt: new Date().toISOString(), rows }, null, 2)}\n`);
  if (rows.some((r) => !r.shardBudgetPass)) process.exitCode = 1;
}
