/**
 * `npm run cert -- issue --application FILE --result FILE --key KEYFILE --name 张三明
 *   --township ID --village ID [--date YYYY-MM-DD] [--out DIR] [--registry DIR] [--issuers DIR]`
 *
 * Reads the learner's application and the graded exam result, re-checks readiness against
 * the level and the current content, checks that application, result and holder are one
 * person, allocates the number (the holder's existing one, 一人一号) and a random status
 * index, signs with the key and writes into content/registry/. Prints the number and the
 * verification link; the salt goes only to that output and to the printable certificate
 * in --out (outside the repository). A thin front over src/lib/cert (issue-rules, issuing).
 * `renew` (scripts/cert/renew.ts) runs the same flow for an existing number.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fill } from "../../src/i18n/fill.ts";
import { pick } from "../../src/i18n/pick.ts";
import { zhCN } from "../../src/i18n/zh-CN.ts";
import { readApplication } from "../../src/lib/certification/application.ts";
import { readinessOfRecord } from "../../src/lib/certification/readiness.ts";
import { findPlace } from "../../src/lib/townships/check.ts";
import { holderKey, readCurrentContent, readIssuers, readRegistryState, writeRegistryChanges, type RegistryState } from "../../src/lib/cert/issue-files.ts";
import { checkCandidate, checkDay, checkHolderName, checkRenewal, checkSigningKey, readExamResult, statusOf, today, type Problem } from "../../src/lib/cert/issue-rules.ts";
import { entryWith, issueCredential } from "../../src/lib/cert/issuing.ts";
import { parseKeyFile } from "../../src/lib/cert/keys.ts";
import { encodeVerifyLink } from "../../src/lib/cert/link.ts";
import { printableDocument, qrSvg } from "../../src/lib/cert/printable.ts";
import type { Issuer, KeyFile } from "../../src/lib/cert/types.ts";
import { forbiddenKeyPath } from "./keygen.ts";

const strings = zhCN as Record<string, string>;
export const say = (key: string, values?: Record<string, string | number>): string => fill(strings[key] ?? key, values);
export const sayProblem = (p: Problem): string => say(`cert.problem.${p.code}`, p.values);

/** Where output goes; tests pass their own clock and writers. */
export interface CliOptions {
  now?: Date;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

export interface Io {
  now: Date;
  print: (text: string) => void;
  /** Writes the message and returns the exit code 1. */
  refuse: (message: string) => number;
}

export function io(options: CliOptions = {}): Io {
  const out = options.out ?? ((t: string) => process.stdout.write(t));
  const err = options.err ?? ((t: string) => process.stderr.write(t));
  return {
    now: options.now ?? new Date(),
    print: (text) => out(`${text}\n`),
    refuse: (message) => {
      err(`${message}\n`);
      return 1;
    },
  };
}

/** Read a file a trainer named, or say it cannot be read. */
export function readText(file: string, limit = 8 * 1024 * 1024): { ok: true; text: string } | { ok: false; problem: Problem } {
  try {
    if (!existsSync(file) || !statSync(file).isFile() || statSync(file).size > limit) return { ok: false, problem: { code: "cannot-read", values: { file } } };
    return { ok: true, text: readFileSync(file, "utf8") };
  } catch {
    return { ok: false, problem: { code: "cannot-read", values: { file } } };
  }
}

/** The signing key: outside the repository, a real key file, listed for its issuer and inside its window today. */
export async function loadSigningKey(file: string, issuersDir: string, now: Date): Promise<{ ok: true; key: KeyFile; issuer: Issuer; issuers: Issuer[] } | { ok: false; problem: Problem }> {
  if (forbiddenKeyPath(file)) return { ok: false, problem: { code: "key-in-repo", values: { file } } };
  const text = readText(file, 64 * 1024);
  if (!text.ok) return text;
  const parsed = await parseKeyFile(text.text);
  if (!parsed.ok) return { ok: false, problem: { code: "bad-key", values: { file } } };
  const issuers = readIssuers(resolve("."), issuersDir);
  if (!issuers.ok) return issuers;
  const checked = checkSigningKey(issuers.issuers, parsed.key, now);
  if (!checked.ok) return checked;
  return { ok: true, key: parsed.key, issuer: checked.value.issuer, issuers: issuers.issuers };
}

/** issue and renew take the same flags. */
export const ISSUE_OPTIONS = {
  application: { type: "string" },
  result: { type: "string" },
  key: { type: "string" },
  name: { type: "string" },
  township: { type: "string" },
  village: { type: "string" },
  date: { type: "string" },
  out: { type: "string" },
  registry: { type: "string", default: "content/registry" },
  issuers: { type: "string", default: "content/issuers" },
  help: { type: "boolean", short: "h" },
} as const;

export interface IssueFlags {
  application?: string;
  result?: string;
  key?: string;
  name?: string;
  township?: string;
  village?: string;
  date?: string;
  out?: string;
  registry: string;
  issuers: string;
}

/**
 * The shared flow of issue and renew. `renewNumber` set: a renewal of that number (the
 * level must build on the one it holds); unset: a first award, or a new credential under
 * the number the holder already has with this issuer.
 */
export async function issueFlow(flags: IssueFlags, usageKey: string, renewNumber: string | undefined, cli: Io): Promise<number> {
  const { now, print, refuse } = cli;
  const no = (p: Problem) => refuse(sayProblem(p));
  for (const flag of ["application", "result", "key", "name"] as const) if (!flags[flag]) return refuse(`${say("cert.cli.missing", { flag: `--${flag}` })}\n${say(usageKey)}`);
  if (!renewNumber) for (const flag of ["township", "village"] as const) if (!flags[flag]) return refuse(`${say("cert.cli.missing", { flag: `--${flag}` })}\n${say(usageKey)}`);

  const name = checkHolderName(flags.name);
  if (!name.ok) return no(name.problem);
  const from = checkDay(flags.date, now);
  if (!from.ok) return no(from.problem);
  if (flags.out && forbiddenKeyPath(flags.out)) return no({ code: "out-in-repo", values: { dir: flags.out } });

  const signing = await loadSigningKey(flags.key!, resolve(flags.issuers), now);
  if (!signing.ok) return no(signing.problem);
  const { key, issuer } = signing;

  const registry = readRegistryState(resolve(flags.registry));
  if (!registry.ok) return no(registry.problem);
  const state: RegistryState = registry.state;

  const content = readCurrentContent(resolve("."));
  if ("code" in content) return no(content);

  // The application: intact (its checksum holds), not used before, for a level that exists now.
  const applicationText = readText(flags.application!);
  if (!applicationText.ok) return no(applicationText.problem);
  const read = await readApplication(applicationText.text);
  if (!read.ok) return no({ code: "application-bad", values: { file: flags.application!, message: read.problem.message } });
  const checksum = (JSON.parse(applicationText.text) as { checksum: { value: string } }).checksum.value;
  const usedFor = state.issued.applications[checksum];
  if (usedFor) return no({ code: "application-used", values: { number: usedFor } });
  const level = content.levels.get(read.application.level.id);
  if (!level) return no({ code: "unknown-level", values: { level: read.application.level.id } });

  // Which number: the renewed one, or the one this person already has with this issuer.
  const holder = await holderKey(issuer.id, read.record.learner.id);
  const known = state.issued.holders[holder];
  const number = renewNumber ?? known;
  const entry = number === undefined ? undefined : state.entries.get(number);
  if (renewNumber) {
    if (!entry) return no({ code: "unknown-number", values: { number: renewNumber } });
    if (known !== undefined && known !== renewNumber) return no({ code: "holder-has-other", values: { number: known } });
    const current = entry.credentials[entry.credentials.length - 1];
    if (current.issuer.id !== issuer.uri) return no({ code: "key-other-issuer", values: { number: renewNumber, issuer: current.issuer.name, keyIssuer: issuer.name } });
    const problem = checkRenewal({
      number: renewNumber,
      current,
      revocation: state.revocations.find((r) => r.credentialId === current.id),
      level: { id: level.id, title: level.title, requires: level.requires.levels },
      holderName: name.value,
    });
    if (problem) return no(problem);
  }

  // Readiness again, against the content as it is today; levels held come from the registry.
  const held = new Set<string>();
  if (entry) {
    const current = entry.credentials[entry.credentials.length - 1];
    if (statusOf(entry, state.revocations, today(now)).status !== "revoked") held.add(current.credentialSubject.achievement.humanCode);
  }
  const readiness = readinessOfRecord(read.record, level, content.facts, { held });
  const missing = readiness.requirements.filter((r) => !r.met && r.kind !== "exam");
  if (missing.length) {
    const lines = missing.map((r) => `  · ${say(`certification.req.${r.code}`, r.values)}`).join("\n");
    return no({ code: "not-ready", values: { level: level.title, n: missing.length, missing: lines } });
  }

  // The exam result: this level, this person, passed under today's pass mark.
  const resultText = readText(flags.result!, 64 * 1024);
  if (!resultText.ok) return no(resultText.problem);
  const result = readExamResult(resultText.text, flags.result!);
  if (!result.ok) return no(result.problem);
  const candidate = checkCandidate({
    result: result.value,
    learnerName: read.record.learner.name,
    holderName: name.value,
    level: { id: level.id, title: level.title, passMark: level.exam.passMark },
  });
  if (candidate) return no(candidate);

  // Township and village: a renewal keeps them unless told otherwise.
  const previous = entry?.credentials[entry.credentials.length - 1].credentialSubject;
  const townshipId = flags.township ?? previous!.township;
  const villageId = flags.village ?? (flags.township ? undefined : previous!.village);
  if (!villageId) return refuse(`${say("cert.cli.missing", { flag: "--village" })}\n${say(usageKey)}`);
  const place = findPlace(content.townships, townshipId, villageId);
  if (!place.ok) {
    const township = content.townships.find((t) => t.id === townshipId);
    return no({
      code: place.problem,
      values: { township: townshipId, village: villageId, known: (township ? Object.keys(township.villages) : content.townships.map((t) => t.id)).join("、") || "—" },
    });
  }

  const issued = await issueCredential(
    { siteUrl: state.config.siteUrl, allocation: state.allocation, statusLists: new Map([...state.statusLists].map(([url, l]) => [url, l.credential])) },
    {
      issuer,
      key,
      level: { id: level.id, title: level.title, summary: level.summary, validityMonths: level.validityMonths },
      holder: { name: name.value, township: townshipId, village: villageId },
      from: from.value,
      ...(entry ? { renewing: entry } : {}),
      now,
    },
  );
  const credential = issued.credential;
  const theNumber = credential.credentialSubject.licenseNumber;
  writeRegistryChanges(state.dir, {
    allocation: issued.allocation,
    statusLists: issued.newStatusList ? [issued.newStatusList] : [],
    entries: [entryWith(entry, credential)],
    issued: {
      ...state.issued,
      applications: { ...state.issued.applications, [checksum]: theNumber },
      holders: { ...state.issued.holders, [holder]: theNumber },
    },
  });

  const link = encodeVerifyLink(credential, state.config.siteUrl, { name: name.value, salt: issued.salt });
  let printed = say("cert.cli.noPrint");
  if (flags.out) {
    mkdirSync(flags.out, { recursive: true });
    const file = resolve(join(flags.out, `${theNumber}.html`));
    const document = printableDocument({
      credential,
      link,
      qr: await qrSvg(link),
      holder: { name: name.value, salt: issued.salt },
      place: { township: place.township.name, village: place.village ?? villageId },
      verifyUrl: `${state.config.siteUrl}verify/`,
      strings: pick("verify.cert.*", "verify.field.*"),
    });
    writeFileSync(file, document);
    printed = file;
  }
  const values = {
    number: theNumber,
    level: level.title,
    from: credential.validFrom.slice(0, 10),
    until: credential.validUntil.slice(0, 10),
    link,
    print: printed,
    renews: credential.renews ?? "",
  };
  print(say(credential.renews ? "cert.cli.renewed" : "cert.cli.issued", values));
  return 0;
}

export async function run(args: string[], options: CliOptions = {}): Promise<number> {
  const cli = io(options);
  let values;
  try {
    ({ values } = parseArgs({ args, options: ISSUE_OPTIONS }));
  } catch (error) {
    return cli.refuse(`${(error as Error).message}\n\n${say("cert.cli.issueUsage")}`);
  }
  if (values.help) {
    cli.print(say("cert.cli.issueUsage"));
    return 0;
  }
  return issueFlow(values, "cert.cli.issueUsage", undefined, cli);
}
