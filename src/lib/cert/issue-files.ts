/**
 * Files of the issuing commands (Node only): the current content a certificate is checked
 * against (levels, curriculum, townships, issuers), the registry state with what issuing
 * adds to it (issued.json), and writing the registry back. Reading goes through
 * registry-files.ts; every write replaces a file whole (temp file + rename), so an
 * interrupted run never leaves half a JSON file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { checkedContent } from "../check-all.ts";
import type { CurriculumFacts } from "../certification/readiness.ts";
import type { Level } from "../certification/schema.ts";
import { contentDir } from "../content/content-dir.ts";
import { buildCatalog, type QuizCatalog } from "../quiz/catalog.ts";
import type { QuizBankFile } from "../quiz/schema.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { Township } from "../townships/schema.ts";
import { hex, sha256, utf8 } from "./bytes.ts";
import { checkIssuerDir } from "./issuer-files.ts";
import type { Problem } from "./issue-rules.ts";
import { readAllocation, readEntries, readRegistryConfig, readRevocations, readStatusLists, RegistryFileError } from "./registry-files.ts";
import { REGISTRY_FORMAT, type AllocationState, type Issuer, type RegistryConfig, type RegistryEntry, type RevocationRecord, type StatusListCredential } from "./types.ts";

// ── Current content ───────────────────────────────────────────────────────────────────

export interface CurrentContent {
  levels: Map<string, Level>;
  facts: CurriculumFacts;
  townships: Township[];
  /** For the class report (scripts/report.ts, trainers/class/data.json), which regrades attempts and replays runs. */
  banks: QuizBankFile[];
  catalog: QuizCatalog;
  scenarios: Scenario[];
}

const contentCache = new Map<string, CurrentContent | Problem>();

/**
 * Levels, curriculum facts and townships as the build sees them now (the same checks as
 * `npm run check`); a problem when content has issues, since readiness against broken
 * content would mean nothing. Cached per folder for one process.
 */
export function readCurrentContent(root: string): CurrentContent | Problem {
  const content = contentDir(root);
  const hit = contentCache.get(content);
  if (hit) return hit;
  const all = checkedContent(root, content);
  let result: CurrentContent | Problem;
  if (all.issues.length) result = { code: "content-broken", values: { n: all.issues.length } };
  else {
    // checkAll has parsed and checked everything already: reuse it rather than read the folders again.
    const banks = all.banks.map((b) => b.data);
    const catalog = buildCatalog(banks);
    const levels = all.levels;
    const courses: CurriculumFacts["courses"] = Object.fromEntries(
      all.set.courses.map((c) => [
        c.data.id,
        {
          title: c.data.title,
          lessons: all.set.lessons
            .filter((l) => l.folder === c.folder)
            .sort((a, b) => a.data.order - b.data.order)
            .map((l) => ({ key: `${c.data.id}/${l.data.id}`, title: l.data.title })),
        },
      ]),
    );
    result = {
      levels: new Map(levels.map((l) => [l.level.id, l.level])),
      facts: {
        courses,
        quizzes: Object.fromEntries([...catalog.quizzes].map(([id, q]) => [id, q.quiz.title])),
        scenarios: Object.fromEntries(all.scenarios.flatMap((s) => (s.scenario ? [[s.scenario.id, s.scenario.title]] : []))),
        levels: Object.fromEntries(levels.map((l) => [l.level.id, l.level.title])),
      },
      townships: all.townships,
      banks,
      catalog,
      scenarios: all.scenarios.flatMap((s) => (s.scenario ? [s.scenario] : [])),
    };
  }
  contentCache.set(content, result);
  return result;
}

/** Checked issuers of a folder, or the problem (the checker's lines are in `values.issues`). */
export function readIssuers(root: string, dir: string): { ok: true; issuers: Issuer[] } | { ok: false; problem: Problem } {
  const { issuers, issues } = checkIssuerDir(root, dir);
  if (issues.length) return { ok: false, problem: { code: "content-broken", values: { n: issues.length } } };
  return { ok: true, issuers: issuers.map((i) => i.issuer) };
}

// ── Registry state ────────────────────────────────────────────────────────────────────

export const ISSUED_FORMAT = "mediator-academy/issued/1";

/**
 * content/registry/issued.json: what makes issuing idempotent. `applications` maps the
 * checksum of every application used to the number it produced (one application, one
 * certificate); `holders` maps `<issuerId>/<sha256 of the learner id>` to the person's
 * number (一人一号: the learner id travels with the record across devices, and is hashed
 * so the file cannot be matched against a learner's export).
 */
export interface IssuedState {
  format: typeof ISSUED_FORMAT;
  applications: Record<string, string>;
  holders: Record<string, string>;
}

export const holderKey = async (issuerId: string, learnerId: string): Promise<string> => `${issuerId}/${hex(await sha256(utf8(`learner:${learnerId}`)))}`;

export interface RegistryState {
  dir: string;
  config: RegistryConfig;
  entries: Map<string, RegistryEntry>;
  revocations: RevocationRecord[];
  allocation: AllocationState;
  /** Signed status lists by URL, with their file names. */
  statusLists: Map<string, { file: string; credential: StatusListCredential }>;
  issued: IssuedState;
}

const emptyIssued = (): IssuedState => ({ format: ISSUED_FORMAT, applications: {}, holders: {} });

export function readRegistryState(dir: string): { ok: true; state: RegistryState } | { ok: false; problem: Problem } {
  try {
    const config = readRegistryConfig(dir);
    if (!config) return { ok: false, problem: { code: "registry-missing", values: { dir } } };
    const issuedFile = join(dir, "issued.json");
    let issued = emptyIssued();
    if (existsSync(issuedFile)) {
      try {
        issued = JSON.parse(readFileSync(issuedFile, "utf8")) as IssuedState;
      } catch {
        throw new RegistryFileError(issuedFile, "");
      }
      if (issued?.format !== ISSUED_FORMAT || typeof issued.applications !== "object" || typeof issued.holders !== "object") throw new RegistryFileError(issuedFile, "");
    }
    return {
      ok: true,
      state: {
        dir,
        config,
        entries: new Map(readEntries(dir).map((e) => [e.number, e])),
        revocations: readRevocations(dir),
        allocation: readAllocation(dir),
        statusLists: new Map(readStatusLists(dir).map((l) => [l.credential.id, l])),
        issued,
      },
    };
  } catch (error) {
    if (error instanceof RegistryFileError) return { ok: false, problem: { code: "registry-corrupt", values: { file: error.file } } };
    throw error;
  }
}

/** The file name of a status list in status/, from its URL (`…/registry/status/qingxi-sfj-1.json`). */
export function statusListFile(url: string): string {
  const name = basename(new URL(url).pathname);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*\.json$/.test(name)) throw new RangeError(`状态列表地址 ${url} 的文件名不对`);
  return name;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function writeWhole(file: string, value: unknown): void {
  mkdirSync(join(file, ".."), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, json(value));
  renameSync(temp, file);
}

export interface RegistryChanges {
  entries?: readonly RegistryEntry[];
  statusLists?: readonly StatusListCredential[];
  revocations?: readonly RevocationRecord[];
  allocation?: AllocationState;
  issued?: IssuedState;
}

/**
 * Write what changed. Allocation first: if a run stops half way, a number or index may be
 * spent without a credential, which is harmless; never a credential whose number could be
 * handed out again.
 */
export function writeRegistryChanges(dir: string, changes: RegistryChanges): void {
  if (changes.allocation) writeWhole(join(dir, "allocation.json"), changes.allocation);
  for (const list of changes.statusLists ?? []) writeWhole(join(dir, "status", statusListFile(list.id)), list);
  for (const entry of changes.entries ?? []) writeWhole(join(dir, "credentials", `${entry.number}.json`), entry);
  if (changes.revocations) writeWhole(join(dir, "revocations.json"), { revocations: changes.revocations });
  if (changes.issued) writeWhole(join(dir, "issued.json"), changes.issued);
}

/** A new, empty registry (the sample, tests): registry.json and empty state files. */
export function createRegistry(dir: string, siteUrl: string): void {
  writeWhole(join(dir, "registry.json"), { format: REGISTRY_FORMAT, siteUrl });
  writeWhole(join(dir, "revocations.json"), { revocations: [] });
  writeWhole(join(dir, "allocation.json"), { numbers: {}, statusIndexes: {}, currentList: {} });
  writeWhole(join(dir, "issued.json"), emptyIssued());
}
