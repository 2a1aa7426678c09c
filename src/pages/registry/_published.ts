/**
 * The registry as published (README §7 of src/lib/cert), built once per build from
 * content/registry and content/issuers. Endpoints beside this file write it to
 * dist/registry/; the verify, certificate and township pages read it too. A missing
 * registry publishes an empty one, so the site builds before the first certificate.
 */
import { join } from "node:path";
import { ContentError } from "../../lib/content/issues.ts";
import { contentDir } from "../../lib/content/content-dir.ts";
import { checkIssuerDir } from "../../lib/cert/issuer-files.ts";
import { nowStamp } from "../../lib/cert/proof.ts";
import { nodeGzipSize, readEntries, readRegistryConfig, readRevocations, readStatusLists } from "../../lib/cert/registry-files.ts";
import { buildPublishedRegistry, type PublishedRegistry } from "../../lib/cert/registry.ts";
import { decodeStatusList, getBit } from "../../lib/cert/status-list.ts";
import type { Issuer, RegistryEntry, RevocationRecord, StatusListCredential } from "../../lib/cert/types.ts";

export interface SiteRegistry extends PublishedRegistry {
  issuers: Issuer[];
  entries: RegistryEntry[];
  revocations: RevocationRecord[];
  statusLists: { file: string; credential: StatusListCredential }[];
  /** Where the registry says the site lives (for printed links); undefined before the first issue. */
  siteUrl: string | undefined;
}

let cached: SiteRegistry | undefined;

export function siteRegistry(): SiteRegistry {
  if (cached) return cached;
  const root = process.cwd();
  const content = contentDir(root);
  const dir = join(content, "registry");
  const checked = checkIssuerDir(root, join(content, "issuers"));
  if (checked.issues.length) throw new ContentError(checked.issues);
  const entries = readEntries(dir);
  const revocations = readRevocations(dir);
  const statusLists = readStatusLists(dir);
  const issuers = checked.issuers.map((c) => c.issuer);
  const issuerOf = (uri: string) => issuers.find((i) => i.uri === uri)?.id ?? "";
  const published = buildPublishedRegistry({
    entries,
    revocations,
    statusLists: statusLists.map((l) => ({ credential: l.credential, issuer: issuerOf(l.credential.issuer.id), path: `status/${l.file}` })),
    generated: nowStamp(),
    // zlib measures shard sizes ~20× faster than the browser-safe default.
    measure: nodeGzipSize,
  });
  cached = { ...published, issuers, entries, revocations, statusLists, siteUrl: readRegistryConfig(dir)?.siteUrl };
  return cached;
}

export const json = (value: unknown): Response => new Response(JSON.stringify(value), { headers: { "Content-Type": "application/json; charset=utf-8" } });

/** Ids of revoked credentials, read from the status lists' bits (the build trusts its own registry). */
export function revokedIds(): Set<string> {
  const { entries, statusLists } = siteRegistry();
  const bits = new Map(statusLists.map((l) => [l.credential.id, decodeStatusList(l.credential.credentialSubject.encodedList)]));
  const revoked = new Set<string>();
  for (const e of entries) {
    for (const c of e.credentials) {
      const list = bits.get(c.credentialStatus.statusListCredential);
      const index = Number(c.credentialStatus.statusListIndex);
      if (list && index < list.length * 8 && getBit(list, index)) revoked.add(c.id);
    }
  }
  return revoked;
}
