/**
 * The whole site built with a large registry: 1,000 and 10,000 (and, asked for with
 * `--counts 100000`, 100,000) generated certificates across 500 townships (issue 10,
 * "Scale"). For each count, a sandbox copy of the project (sandbox.ts) gets the shipped
 * content plus the certificates of certificates.ts's generator in content/registry, the
 * generator's issuer in content/issuers and its 500 townships in content/townships; then
 * `astro build` runs there.
 *
 * Reports build time; dist/ size (bytes, files) in total and under dist/registry/ and
 * dist/townships/; HTML pages; the largest shard gzip (≤ 16 KB); the largest township
 * page; and, measured again in this process, the time of the build's registry work (read
 * content/registry, shard it, the 500 rosters) so a slow build says whether the registry
 * or Astro is to blame.
 *
 * Checks (exit code 1), counting bytes and pages, never time, so they hold on a busy CI
 * machine: the largest shard within its gzip budget; one township page per township and
 * no other HTML page per certificate (pages minus township pages equal at every count,
 * and no HTML file named after a certificate number).
 *
 * Run alone: `npx tsx scripts/bench/registry-build.ts [--counts 1000,10000]`; 100,000
 * signs ~120,000 credentials first (~10 minutes or more on a shared machine).
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { contentDir } from "../../src/lib/content/content-dir.ts";
import {
  nodeGzipSize,
  readEntries,
  readRevocations,
  readStatusLists,
} from "../../src/lib/cert/registry-files.ts";
import { buildPublishedRegistry } from "../../src/lib/cert/registry.ts";
import { decodeStatusList, getBit } from "../../src/lib/cert/status-list.ts";
import { MAX_SHARD_GZIP_BYTES } from "../../src/lib/cert/types.ts";
import { checkTownshipDir } from "../../src/lib/townships/files.ts";
import { buildRoster } from "../../src/lib/townships/roster.ts";
import { timedBuild } from "./build.ts";
import {
  BENCH_TOWNSHIPS,
  BENCH_VILLAGES,
  generateRegistry,
  gz,
} from "./certificates.ts";
import { listPages } from "./page-weight.ts";
import { createSandbox } from "./sandbox.ts";

export const DEFAULT_COUNTS = [1_000, 10_000] as const;

interface Size {
  bytes: number;
  files: number;
}

export interface RegistryBuildFigures {
  count: number;
  credentials: number;
  townships: number;
  signMs: number;
  buildSeconds: number;
  total: Size;
  registry: Size;
  townshipsDir: Size;
  htmlPages: number;
  /** HTML pages under dist/townships/ (the index and one per township). */
  townshipPages: number;
  shardCount: number;
  largestShardGzip: number;
  largestTownshipPage: { page: string; bytes: number; gzip: number };
  /** The build's registry work timed again in this process (README "where the time goes"). */
  readRegistryMs: number;
  publishMs: number;
  rostersMs: number;
}

const now = (): number => performance.now();

function sizeOf(dir: string): Size {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/** content/townships/township-<i>.yaml with villages village-0…11, the ids the generator uses. */
function writeTownships(content: string): void {
  const villages = Object.fromEntries(
    Array.from({ length: BENCH_VILLAGES }, (_, v) => [
      `village-${v}`,
      `基准${v + 1}村`,
    ]),
  );
  for (let i = 0; i < BENCH_TOWNSHIPS; i++) {
    writeFileSync(
      join(content, "townships", `township-${i}.yaml`),
      stringify({ name: `基准${i + 1}镇`, county: "基准县", villages }),
    );
  }
}

/** The build's registry work (src/pages/registry/_published.ts and townships/_roster.ts), timed. */
function registryWork(project: string, content: string) {
  const dir = join(content, "registry");
  let started = now();
  const entries = readEntries(dir);
  const revocations = readRevocations(dir);
  const lists = readStatusLists(dir);
  const readRegistryMs = now() - started;
  started = now();
  buildPublishedRegistry({
    entries,
    revocations,
    statusLists: lists.map((l) => ({
      credential: l.credential,
      issuer: "",
      path: `status/${l.file}`,
    })),
    generated: new Date().toISOString(),
    measure: nodeGzipSize,
  });
  const publishMs = now() - started;
  started = now();
  // As revokedIds() in _published.ts: the status lists' bits, decoded once.
  const bits = new Map(
    lists.map((l) => [
      l.credential.id,
      decodeStatusList(l.credential.credentialSubject.encodedList),
    ]),
  );
  const revoked = new Set<string>();
  for (const e of entries) {
    for (const c of e.credentials) {
      const list = bits.get(c.credentialStatus.statusListCredential);
      const index = Number(c.credentialStatus.statusListIndex);
      if (list && index < list.length * 8 && getBit(list, index))
        revoked.add(c.id);
    }
  }
  const townships = checkTownshipDir(
    project,
    join(content, "townships"),
  ).townships;
  const at = new Date();
  for (const t of townships)
    buildRoster(t, entries, (id) => revoked.has(id), at);
  const rostersMs = now() - started;
  return {
    readRegistryMs,
    publishMs,
    rostersMs,
    credentials: entries.reduce((n, e) => n + e.credentials.length, 0),
    townships: townships.length,
  };
}

async function figuresFor(
  root: string,
  count: number,
  work: string,
  progress: (m: string) => void,
): Promise<RegistryBuildFigures> {
  const project = createSandbox(root, join(work, `project-${count}`));
  const content = contentDir(project);
  progress(`registry build ${count}: signing…`);
  const generated = await generateRegistry(
    count,
    join(content, "registry"),
    progress,
  );
  const { keys, ...issuer } = generated.issuer;
  writeFileSync(
    join(content, "issuers", `${issuer.id}.yaml`),
    stringify({
      ...issuer,
      keys: keys.map(({ id, validFrom }) => ({ id, validFrom })),
    }),
  );
  writeTownships(content);
  progress(
    `registry build ${count}: signed in ${(generated.signMs / 1000).toFixed(1)} s; building…`,
  );
  const outDir = join(work, `site-${count}`);
  const build = await timedBuild(project, outDir, {
    MEDIATOR_CONTENT_DIR: content,
  });
  progress(
    `registry build ${count}: built ${build.pages} pages in ${build.seconds.toFixed(1)} s`,
  );

  const pages = listPages(outDir);
  const townshipPages = pages.filter((p) => p.startsWith("townships/"));
  const perNumber = pages.filter((p) => /BX-\d{4}-\d{6}/.test(p));
  if (perNumber.length)
    throw new Error(
      `${count}: HTML pages named after certificate numbers: ${perNumber.slice(0, 3).join(", ")}…`,
    );
  const shardDir = join(outDir, "registry", "shards");
  const shards = readdirSync(shardDir).filter((n) => n.endsWith(".json"));
  const largestShardGzip = Math.max(
    ...shards.map((n) => gz(readFileSync(join(shardDir, n), "utf8"))),
  );
  const largestTownshipPage = townshipPages
    .filter((p) => p !== "townships/index.html")
    .map((page) => {
      const text = readFileSync(join(outDir, ...page.split("/")), "utf8");
      return { page, bytes: Buffer.byteLength(text), gzip: gz(text) };
    })
    .reduce((a, b) => (b.bytes > a.bytes ? b : a), {
      page: "",
      bytes: 0,
      gzip: 0,
    });
  const work2 = registryWork(project, content);
  const figures: RegistryBuildFigures = {
    count,
    credentials: work2.credentials,
    townships: work2.townships,
    signMs: generated.signMs,
    buildSeconds: build.seconds,
    total: sizeOf(outDir),
    registry: sizeOf(join(outDir, "registry")),
    townshipsDir: sizeOf(join(outDir, "townships")),
    htmlPages: pages.length,
    townshipPages: townshipPages.length,
    shardCount: shards.length,
    largestShardGzip,
    largestTownshipPage,
    readRegistryMs: work2.readRegistryMs,
    publishMs: work2.publishMs,
    rostersMs: work2.rostersMs,
  };
  // Free the disk as we go: 100,000 certificates are a few hundred MB in content and dist.
  rmSync(outDir, { recursive: true, force: true });
  rmSync(project, { recursive: true, force: true });
  return figures;
}

export async function registryBuildFigures(
  counts: readonly number[] = DEFAULT_COUNTS,
  root = process.cwd(),
  progress: (m: string) => void = (m) => console.error(`[bench] ${m}`),
): Promise<RegistryBuildFigures[]> {
  const work = mkdtempSync(join(tmpdir(), "mediator-registry-build-"));
  const rows: RegistryBuildFigures[] = [];
  try {
    for (const count of counts)
      rows.push(await figuresFor(root, count, work, progress));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

/** Failed checks, in English for the CI log; bytes and pages only. */
export function registryBuildProblems(
  rows: readonly RegistryBuildFigures[],
): string[] {
  const problems: string[] = [];
  for (const r of rows) {
    if (r.largestShardGzip > MAX_SHARD_GZIP_BYTES)
      problems.push(
        `${r.count}: largest shard ${r.largestShardGzip} B gzip > ${MAX_SHARD_GZIP_BYTES} B`,
      );
    // townships/index.html plus one page per township.
    if (r.townshipPages !== r.townships + 1)
      problems.push(
        `${r.count}: ${r.townshipPages} township pages for ${r.townships} townships`,
      );
  }
  const others = new Set(rows.map((r) => r.htmlPages - r.townshipPages));
  if (others.size > 1)
    problems.push(
      `HTML pages other than townships' change with the certificate count: ${rows.map((r) => `${r.count} → ${r.htmlPages - r.townshipPages}`).join(", ")}`,
    );
  return problems;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const size = (s: Size) => `${mb(s.bytes)} / ${s.files.toLocaleString("en")}`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function registryBuildTable(
  rows: readonly RegistryBuildFigures[],
): string {
  const head =
    "| certificates | credentials | townships | build | dist/ (size / files) | dist/registry/ | dist/townships/ | HTML pages (townships) | shards | largest shard gzip (≤ 16 KB) | largest township page (raw / gzip) | sign (not in build) | registry work: read / shard / rosters |";
  const lines = rows.map(
    (r) =>
      `| ${r.count.toLocaleString("en")} | ${r.credentials.toLocaleString("en")} | ${r.townships} | ${r.buildSeconds.toFixed(1)} s | ${size(r.total)} | ${size(r.registry)} | ${size(r.townshipsDir)} | ${r.htmlPages} (${r.townshipPages}) | ${r.shardCount} | ${kb(r.largestShardGzip)} ${r.largestShardGzip <= MAX_SHARD_GZIP_BYTES ? "PASS" : "FAIL"} | ${kb(r.largestTownshipPage.bytes)} / ${kb(r.largestTownshipPage.gzip)} | ${sec(r.signMs)} | ${sec(r.readRegistryMs)} / ${sec(r.publishMs)} / ${sec(r.rostersMs)} |`,
  );
  return [
    "Site build with a generated registry (shipped content + 500 townships; 1 in 5 renewed, 1 in 100 revoked)",
    "",
    head,
    `|${"---|".repeat(13)}`,
    ...lines,
  ].join("\n");
}

/** For `npm run bench`: the table, with failed checks printed and counted in the exit code. */
export async function registryBuildBench(
  counts: readonly number[] = DEFAULT_COUNTS,
): Promise<string> {
  const rows = await registryBuildFigures(counts);
  const problems = registryBuildProblems(rows);
  if (problems.length) {
    console.error(`\nRegistry build FAILED: ${problems.join("; ")}.`);
    process.exitCode = 1;
  }
  return registryBuildTable(rows);
}

// Run alone: prints the table, writes bench-out/registry-build.json, exit 1 on a failed check.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { counts: { type: "string" } },
  });
  const counts = values.counts
    ? values.counts.split(",").map((c) => Number(c.trim()))
    : [...DEFAULT_COUNTS];
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(
      `--counts takes whole numbers ≥ 1, e.g. --counts 1000,10000 (got ${values.counts})`,
    );
    process.exit(2);
  }
  const rows = await registryBuildFigures(counts);
  console.log(registryBuildTable(rows));
  const problems = registryBuildProblems(rows);
  mkdirSync("bench-out", { recursive: true });
  writeFileSync(
    join("bench-out", "registry-build.json"),
    `${JSON.stringify({ createdAt: new Date().toISOString(), rows, problems }, null, 2)}\n`,
  );
  if (problems.length) {
    console.error(`\nRegistry build FAILED: ${problems.join("; ")}.`);
    process.exitCode = 1;
  }
}
