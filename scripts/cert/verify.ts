/**
 * `npm run cert -- verify FILE [--registry content/registry] [--issuers content/issuers] [--now YYYY-MM-DD]`:
 * checks a certificate offline with the same rules and words as the /verify/ page. FILE is
 * a credential (.json), a text file holding a verification link, or a certificate number.
 * Exit code 0 only for 有效. A thin front over src/lib/cert.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { stderr, stdout } from "node:process";
import { parseArgs } from "node:util";
import { fill } from "../../src/i18n/fill.ts";
import { t } from "../../src/i18n/zh-CN.ts";
import { verifyStrings } from "../../src/i18n/zh-CN.verify.ts";
import { contentDir } from "../../src/lib/content/content-dir.ts";
import { formatIssues } from "../../src/lib/content/issues.ts";
import { checkTownshipDir } from "../../src/lib/townships/files.ts";
import { isDay, NUMBER_PATTERN } from "../../src/lib/cert/credential.ts";
import { checkIssuerDir } from "../../src/lib/cert/issuer-files.ts";
import { decodeVerifyFragment } from "../../src/lib/cert/link.ts";
import { readEntry, readRevocations, readStatusLists } from "../../src/lib/cert/registry-files.ts";
import { MAX_CREDENTIAL_TEXT_BYTES, type Verdict } from "../../src/lib/cert/types.ts";
import { verdictView, type DataUsed, type Line, type Places } from "../../src/lib/cert/verify-view.ts";
import { notFound, parseCredentialText, verifyCertificate } from "../../src/lib/cert/verify.ts";

const malformed = (problem: "too-large" | "not-json"): Verdict => ({ code: "malformed", details: { problem } });

type Input = { via: DataUsed["via"]; credential: unknown; nameCheck?: { name: string; salt: string } };

/** What FILE holds: a credential (with name and salt when it was a link), or a verdict already. */
function readInput(arg: string, registry: string): Input | { via: DataUsed["via"]; verdict: Verdict } {
  if (!existsSync(arg) && NUMBER_PATTERN.test(arg)) {
    const entry = readEntry(registry, arg);
    return entry ? { via: "number", credential: entry.credentials[entry.credentials.length - 1] } : { via: "number", verdict: notFound(arg) };
  }
  if (statSync(arg).size > MAX_CREDENTIAL_TEXT_BYTES) return { via: "pasted", verdict: malformed("too-large") };
  const text = readFileSync(arg, "utf8");
  if (/^\s*https?:\/\/\S*#|^\s*#?c=/.test(text)) {
    const link = decodeVerifyFragment(text.trim());
    if (!link.ok) return { via: "link", verdict: { code: "malformed", details: {} } };
    const { credential, name, salt } = link.link;
    return { via: "link", credential, ...(name && salt ? { nameCheck: { name, salt } } : {}) };
  }
  const parsed = parseCredentialText(text);
  return parsed.ok ? { via: "pasted", credential: parsed.value } : { via: "pasted", verdict: malformed(parsed.problem) };
}

/** Township and village names, as the page shows them. */
const placesOf = (root: string): Places =>
  Object.fromEntries(checkTownshipDir(root, join(contentDir(root), "townships")).townships.map((p) => [p.id, { name: p.name, villages: p.villages }]));

const say = (key: string, values?: Record<string, string | number>) => fill((verifyStrings as Record<string, string>)[key] ?? key, values);
const sayLine = (line: Line): string =>
  say(line.key, Object.fromEntries(Object.entries(line.values ?? {}).map(([k, v]) => [k, line.translate?.includes(k) ? say(String(v)) : v])));

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { registry: { type: "string", default: "content/registry" }, issuers: { type: "string", default: "content/issuers" }, now: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    stderr.write(`${(error as Error).message}\n\n${t("verify.cli.usage")}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    stdout.write(`${t("verify.cli.usage")}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    stderr.write(`${t("verify.cli.usage")}\n`);
    return 2;
  }
  if (values.now !== undefined && !isDay(values.now)) {
    stderr.write(`${t("verify.cli.badNow")}\n`);
    return 2;
  }
  const now = values.now ? new Date(`${values.now}T12:00:00+08:00`) : new Date();
  const root = resolve(".");
  const registry = resolve(values.registry);

  const issuerDir = resolve(values.issuers);
  const { issuers, issues } = checkIssuerDir(root, issuerDir);
  if (issues.length) {
    stderr.write(`${t("verify.cli.issuerIssues", { dir: values.issuers })}\n${formatIssues(issues)}\n`);
    return 2;
  }

  let verdict: Verdict;
  let via: DataUsed["via"];
  let newer = false;
  try {
    const input = readInput(positionals[0], registry);
    via = input.via;
    if ("verdict" in input) verdict = input.verdict;
    else {
      const revocations = Object.fromEntries(readRevocations(registry).map((r) => [r.credentialId, r]));
      verdict = await verifyCertificate(input.credential, {
        issuers: issuers.map((i) => i.issuer),
        statusLists: readStatusLists(registry).map((l) => l.credential),
        revocations,
        now,
        ...(input.nameCheck ? { nameCheck: input.nameCheck } : {}),
      });
      const number = verdict.details.number;
      const entry = number ? readEntry(registry, number) : undefined;
      newer = !!entry && entry.credentials.slice(0, -1).some((c) => c.id === verdict.details.credentialId);
    }
  } catch (error) {
    stderr.write(`${t("verify.cli.unreadable", { file: positionals[0], reason: (error as Error).message })}\n`);
    return 2;
  }

  const d = verdict.details;
  const view = verdictView(
    { verdict, data: { via, offline: false, ...(d.statusList ? { statusList: d.statusList } : {}), ...(newer ? { newerInRegistry: true } : {}) } },
    placesOf(root),
    now,
  );
  const lines = [
    `核验结果：${view.icon} ${say(view.title)}`,
    sayLine(view.explain),
    ...(view.problem ? [say(view.problem)] : []),
    "",
    ...view.rows.map((row) => `${say(row.label)}：${typeof row.value === "string" ? row.value : sayLine(row.value)}`),
    ...view.notes.filter((n) => n.key !== "verify.data.fromPaste").map((n) => `· ${sayLine(n)}`),
    "",
  ];
  stdout.write(lines.join("\n"));
  return verdict.code === "valid" ? 0 : 1;
}
