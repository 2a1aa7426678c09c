/**
 * What /verify/ does between the input box and the verdict, without the DOM: recognise
 * the input (number, link, pasted credential), fetch only what one check needs from the
 * published registry (through an injected loader, so tests need no network), run
 * verifyCertificate, and shape the verdict into rows of plain text for the element.
 * Returns i18n keys and values, never zh-CN text.
 */
import { beijingDay, NUMBER_PATTERN } from "./credential.ts";
import { decodeVerifyFragment } from "./link.ts";
import { findInShard, shardPath } from "./registry.ts";
import { notFound, parseCredentialText, verifyCertificate } from "./verify.ts";
import {
  MAX_CREDENTIAL_TEXT_BYTES,
  REGISTRY_INDEX_FORMAT,
  REGISTRY_SHARD_FORMAT,
  type Issuer,
  type RegistryIndex,
  type RegistryShard,
  type ShardEntry,
  type StatusListCredential,
  type Verdict,
  type VerdictCode,
} from "./types.ts";

// ── Input ──────────────────────────────────────────────────────────────────────────────

export type VerifyInput =
  | { kind: "number"; number: string }
  | { kind: "link"; text: string }
  | { kind: "credential"; text: string }
  | { kind: "refused"; problem: "empty" | "too-large" | "unrecognised" };

/** Full-width letters, digits and dashes (a Chinese IME) become ASCII; spaces go. */
const normaliseNumber = (text: string) =>
  text
    .normalize("NFKC")
    .replace(/[\s\u2010-\u2015\u2212]/g, (c) => (/\s/.test(c) ? "" : "-"))
    .toUpperCase();

/** What the official typed, pasted or scanned. Over 256 KB is refused before any parsing. */
export function classifyInput(raw: string): VerifyInput {
  if (raw.length > MAX_CREDENTIAL_TEXT_BYTES) return { kind: "refused", problem: "too-large" };
  const text = raw.trim();
  if (!text) return { kind: "refused", problem: "empty" };
  if (text.startsWith("{")) return { kind: "credential", text };
  if (/(^|[#&?])c=/.test(text)) return { kind: "link", text };
  const number = normaliseNumber(text);
  if (NUMBER_PATTERN.test(number)) return { kind: "number", number };
  return { kind: "refused", problem: "unrecognised" };
}

// ── Loading ────────────────────────────────────────────────────────────────────────────

/** Fetches a path relative to the registry folder; `offline` when the network failed, not a 404. */
export type Loader = (path: string) => Promise<{ ok: true; value: unknown } | { ok: false; offline: boolean }>;

export interface VerifyContext {
  /** Relative to /registry/; see Loader. */
  load: Loader;
  /** The issuer list built into the page (works offline); the registry's copy is not needed. */
  issuers: readonly Issuer[];
  now: Date;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A status list URL → its path under /registry/, only for the shape we publish (never any URL). */
export function statusListPath(url: string): string | undefined {
  const match = /\/registry\/(status\/[a-z0-9-]+\.json)$/.exec(url);
  return match ? match[1] : undefined;
}

async function loadIndex(load: Loader): Promise<{ index?: RegistryIndex; offline: boolean }> {
  const r = await load("index.json");
  if (!r.ok) return { offline: r.offline };
  const v = r.value;
  if (!isObject(v) || v.format !== REGISTRY_INDEX_FORMAT || !Number.isInteger(v.shardCount) || (v.shardCount as number) < 1) return { offline: false };
  return { index: v as unknown as RegistryIndex, offline: false };
}

async function loadEntry(load: Loader, index: RegistryIndex, number: string): Promise<{ entry?: ShardEntry; offline: boolean; loaded: boolean }> {
  const r = await load(shardPath(number, index));
  if (!r.ok) return { offline: r.offline, loaded: false };
  const shard = r.value as RegistryShard;
  if (!isObject(shard) || shard.format !== REGISTRY_SHARD_FORMAT || !Array.isArray(shard.entries)) return { offline: false, loaded: false };
  return { entry: findInShard(shard, number), offline: false, loaded: true };
}

/** Which data a verdict rests on, for the "data used" lines under it. */
export interface DataUsed {
  via: "number" | "link" | "pasted";
  /** index.json's `generated`, when the registry answered. */
  registryGenerated?: string;
  /** The registry could not be reached (network), as opposed to not holding the number. */
  offline: boolean;
  /** The status list used, when one was. */
  statusList?: { id: string; validFrom: string };
  /** The registry holds a newer credential under the same number than the one checked. */
  newerInRegistry?: boolean;
}

export interface VerifyOutcome {
  verdict: Verdict;
  data: DataUsed;
  /** The credential that was checked (as decoded, unchecked unless the verdict says so), for the printable page. */
  credential?: unknown;
}

/** Verify a credential (from a link, a paste or a shard): status list and revocation reasons fetched when reachable. */
export async function verifyCredential(
  credential: unknown,
  ctx: VerifyContext & { via: DataUsed["via"]; nameCheck?: { name: string; salt: string }; entry?: ShardEntry; registryGenerated?: string },
): Promise<VerifyOutcome> {
  const data: DataUsed = { via: ctx.via, offline: false, ...(ctx.registryGenerated ? { registryGenerated: ctx.registryGenerated } : {}) };
  const c = isObject(credential) ? credential : {};
  const status = isObject(c.credentialStatus) ? c.credentialStatus : {};
  const subject = isObject(c.credentialSubject) ? c.credentialSubject : {};
  let entry = ctx.entry;
  // A link or paste: the shard gives revocation reasons and says whether a renewal replaced it.
  if (!entry && typeof subject.licenseNumber === "string" && NUMBER_PATTERN.test(subject.licenseNumber)) {
    const { index, offline } = await loadIndex(ctx.load);
    data.offline ||= offline;
    if (index) {
      data.registryGenerated = index.generated;
      const found = await loadEntry(ctx.load, index, subject.licenseNumber);
      data.offline ||= found.offline;
      entry = found.entry;
    }
  }
  if (entry && typeof c.id === "string" && entry.previous.includes(c.id)) data.newerInRegistry = true;
  const statusLists: StatusListCredential[] = [];
  const path = typeof status.statusListCredential === "string" ? statusListPath(status.statusListCredential) : undefined;
  if (path) {
    const r = await ctx.load(path);
    if (r.ok) statusLists.push(r.value as StatusListCredential);
    else data.offline ||= r.offline;
  }
  const verdict = await verifyCertificate(credential, {
    issuers: ctx.issuers,
    statusLists,
    revocations: entry?.revocations ?? {},
    now: ctx.now,
    ...(ctx.nameCheck ? { nameCheck: ctx.nameCheck } : {}),
  });
  if (verdict.details.statusList) data.statusList = verdict.details.statusList;
  return { verdict, data, credential };
}

export type NumberOutcome = VerifyOutcome | { unreachable: true; number: string };

/** Look a number up in the registry (index, then one shard), then verify what it holds. */
export async function verifyNumber(number: string, ctx: VerifyContext): Promise<NumberOutcome> {
  const { index } = await loadIndex(ctx.load);
  if (!index) return { unreachable: true, number };
  const found = await loadEntry(ctx.load, index, number);
  if (!found.loaded) return { unreachable: true, number };
  if (!found.entry) return { verdict: notFound(number), data: { via: "number", offline: false, registryGenerated: index.generated } };
  return verifyCredential(found.entry.current, { ...ctx, via: "number", entry: found.entry, registryGenerated: index.generated });
}

/** Text from a pasted box: JSON refused at once when too large or not JSON. */
export async function verifyPasted(text: string, ctx: VerifyContext): Promise<VerifyOutcome> {
  const parsed = parseCredentialText(text);
  if (!parsed.ok) return { verdict: { code: "malformed", details: { problem: parsed.problem } }, data: { via: "pasted", offline: false } };
  return verifyCredential(parsed.value, { ...ctx, via: "pasted" });
}

export type LinkOutcome = VerifyOutcome | { linkProblem: "empty" | "too-large" | "corrupt" };

/** A verification link or its fragment: the credential it carries, with the name check when name and salt came along. */
export async function verifyLink(text: string, ctx: VerifyContext): Promise<LinkOutcome> {
  const decoded = decodeVerifyFragment(text);
  if (!decoded.ok) return { linkProblem: decoded.problem };
  const { credential, name, salt } = decoded.link;
  return verifyCredential(credential, { ...ctx, via: "link", ...(name && salt ? { nameCheck: { name, salt } } : {}) });
}

// ── The verdict as the page shows it ──────────────────────────────────────────────────

export type Tone = "good" | "warn" | "bad";

const TONES: Record<VerdictCode, Tone> = {
  valid: "good",
  expired: "warn",
  "not-yet-valid": "warn",
  "status-unavailable": "warn",
  "not-found": "warn",
  revoked: "bad",
  "bad-signature": "bad",
  "unknown-issuer": "bad",
  malformed: "bad",
  "name-mismatch": "bad",
};

/** Never colour alone: each tone has its own symbol, read out with the words. */
export const TONE_ICONS: Record<Tone, string> = { good: "✔", warn: "!", bad: "✘" };

export interface Line {
  key: string;
  values?: Record<string, string | number>;
  /** Names of values that are i18n keys themselves (a revocation reason), to word first. */
  translate?: string[];
}

export interface Row {
  /** i18n key of the label. */
  label: string;
  /** Plain text (never HTML), or a key with values to fill. */
  value: string | Line;
}

export interface VerdictView {
  code: VerdictCode;
  tone: Tone;
  icon: string;
  title: string;
  explain: Line;
  problem?: string;
  rows: Row[];
  /** Which data was used, how old, what could not be checked. */
  notes: Line[];
}

export interface Places {
  /** Township id → name and its villages (from content/townships). */
  [township: string]: { name: string; villages: Record<string, string> } | undefined;
}

/** An ISO date-time → its day in Beijing (YYYY-MM-DD); the text unchanged when it is no date. */
export const day = (iso: string): string => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : beijingDay(new Date(t));
};

/** Whole days between an ISO time and now (0 when in the future or unreadable). */
export const ageInDays = (iso: string, now: Date): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : Math.max(0, Math.floor((now.getTime() - t) / 86_400_000));
};

const own = <T>(record: Record<string, T> | undefined, key: string | undefined): T | undefined =>
  record && key !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;

export function verdictView(outcome: VerifyOutcome, places: Places, now: Date, online = true): VerdictView {
  const { verdict, data } = outcome;
  const d = verdict.details;
  const code = verdict.code;
  const explainValues: Record<string, string> = {
    number: d.number ?? "",
    date: code === "expired" ? day(d.validUntil ?? "") : code === "not-yet-valid" ? day(d.validFrom ?? "") : d.revocation ? d.revocation.date : "",
    reason: d.revocation ? `verify.reason.${d.revocation.reason}` : "",
  };
  const explain: Line =
    code === "revoked" && !d.revocation ? { key: "verify.verdict.revoked.noReason" } : { key: `verify.verdict.${code}.explain`, values: explainValues, ...(d.revocation ? { translate: ["reason"] } : {}) };

  const rows: Row[] = [];
  const add = (label: string, value: string | Line | undefined) => {
    if (value !== undefined && value !== "") rows.push({ label, value });
  };
  add("verify.field.holder", d.fullName ? { key: "verify.holder.confirmed", values: { name: d.fullName } } : d.maskedName ? { key: "verify.holder.masked", values: { masked: d.maskedName } } : undefined);
  add("verify.field.number", d.number);
  add("verify.field.level", d.level?.name);
  add("verify.field.issuer", d.issuer?.name);
  const place = own(places, d.township);
  add("verify.field.township", d.township && (place?.name ?? d.township));
  add("verify.field.village", d.village && (own(place?.villages, d.village) ?? d.village));
  add("verify.field.validFrom", d.validFrom && day(d.validFrom));
  add("verify.field.validUntil", d.validUntil && day(d.validUntil));
  if (d.awardedDate && d.validFrom && day(d.awardedDate) !== day(d.validFrom)) add("verify.field.awardedDate", day(d.awardedDate));
  if (d.revocation) add("verify.field.revocation", { key: "verify.revocation.line", values: { date: d.revocation.date, reason: `verify.reason.${d.revocation.reason}`, note: d.revocation.note ?? "" }, translate: ["reason"] });

  const notes: Line[] = [];
  if (data.via === "link") notes.push({ key: "verify.data.fromLink" });
  if (data.via === "pasted") notes.push({ key: "verify.data.fromPaste" });
  if (data.statusList) notes.push({ key: "verify.data.statusList", values: { date: day(data.statusList.validFrom), days: ageInDays(data.statusList.validFrom, now) } });
  else if (code !== "not-found" && code !== "malformed") notes.push({ key: data.offline ? "verify.data.noStatusOffline" : "verify.data.noStatus" });
  if (data.registryGenerated) notes.push({ key: "verify.data.registry", values: { date: day(data.registryGenerated), days: ageInDays(data.registryGenerated, now) } });
  if (data.newerInRegistry) notes.push({ key: "verify.data.newer" });
  if (!online || data.offline) notes.push({ key: "verify.data.offline" });

  const tone = TONES[code];
  return {
    code,
    tone,
    icon: TONE_ICONS[tone],
    title: `verify.verdict.${code}`,
    explain,
    ...(d.problem ? { problem: `verify.problem.${d.problem}` } : {}),
    rows,
    notes,
  };
}
