/**
 * `npm run cert -- verify FILE [--registry content/registry] [--issuers content/issuers] [--now YYYY-MM-DD]`:
 * checks a certificate offline with the same rules and words as the /verify/ page. FILE is
 * a credential (.json), a text file holding a verification link, or a certificate number.
 * Exit code 0 only for 有效. A thin front over src/lib/cert.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { stderr, stdout } from "node:process";
import { parseArgs } from "node:util";
import { t } from "../../src/i18n/zh-CN.ts";
import { verifyStrings } from "../../src/i18n/zh-CN.verify.ts";
import { formatIssues } from "../../src/lib/content/issues.ts";
import { isDay, NUMBER_PATTERN } from "../../src/lib/cert/credential.ts";
import { checkIssuerDir } from "../../src/lib/cert/issuer-files.ts";
import { decodeVerifyFragment } from "../../src/lib/cert/link.ts";
import { readEntry, readRevocations, readStatusLists } from "../../src/lib/cert/registry-files.ts";
import { MAX_CREDENTIAL_TEXT_BYTES, type Verdict } from "../../src/lib/cert/types.ts";
import { verdictView } from "../../src/lib/cert/verdict-view.ts";
import { notFound, parseCredentialText, verifyCertificate } from "../../src/lib/cert/verify.ts";

const malformed = (problem: "too-large" | "not-json"): Verdict => ({ code: "malformed", details: { problem } });

/** What FILE holds: a credential (with name and salt when it was a link), or a verdict already. */
function readInput(arg: string, registry: string): { credential: unknown; nameCheck?: { name: string; salt: string } } | Verdict {
  if (!existsSync(arg) && NUMBER_PATTERN.test(arg)) {
    const entry = readEntry(registry, arg);
    return entry ? { credential: entry.credentials[entry.credentials.length - 1] } : notFound(arg);
  }
  if (statSync(arg).size > MAX_CREDENTIAL_TEXT_BYTES) return malformed("too-large");
  const text = readFileSync(arg, "utf8");
  if (/^\s*https?:\/\/\S*#|^\s*#?c=/.test(text)) {
    const link = decodeVerifyFragment(text.trim());
    if (!link.ok) return { code: "malformed", details: {} };
    const { credential, name, salt } = link.link;
    return { credential, ...(name && salt ? { nameCheck: { name, salt } } : {}) };
  }
  const parsed = parseCredentialText(text);
  return parsed.ok ? { credential: parsed.value } : malformed(parsed.problem);
}

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
  try {
    const input = readInput(positionals[0], registry);
    if ("code" in input) verdict = input;
    else {
      const revocations = Object.fromEntries(readRevocations(registry).map((r) => [r.credentialId, r]));
      verdict = await verifyCertificate(input.credential, {
        issuers: issuers.map((i) => i.issuer),
        statusLists: readStatusLists(registry).map((l) => l.credential),
        revocations,
        now,
        ...(input.nameCheck ? { nameCheck: input.nameCheck } : {}),
      });
    }
  } catch (error) {
    stderr.write(`${t("verify.cli.unreadable", { file: positionals[0], reason: (error as Error).message })}\n`);
    return 2;
  }

  const view = verdictView(verdict, verifyStrings);
  const lines = [`核验结果：${view.headline}`, view.explain, ...(view.problem ? [view.problem] : []), "", ...view.fields.map((f) => `${f.label}：${f.value}`), ""];
  stdout.write(lines.join("\n"));
  return verdict.code === "valid" ? 0 : 1;
}
