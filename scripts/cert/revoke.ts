/**
 * `npm run cert -- revoke NUMBER --reason CODE [--note …] --date YYYY-MM-DD --key KEYFILE`
 *
 * Revokes the number's current credential: sets its bit in the issuer's status list,
 * re-signs the list with the key, and records reason and date in revocations.json (both
 * published: the note must hold no personal data). A thin front over src/lib/cert/issuing.ts.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { readRegistryState, writeRegistryChanges } from "../../src/lib/cert/issue-files.ts";
import { checkDay, checkRevocation } from "../../src/lib/cert/issue-rules.ts";
import { revokeCredential } from "../../src/lib/cert/issuing.ts";
import { io, loadSigningKey, say, sayProblem, type CliOptions } from "./issue.ts";

export async function run(args: string[], options: CliOptions = {}): Promise<number> {
  const cli = io(options);
  const { now, refuse } = cli;
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        reason: { type: "string" },
        note: { type: "string" },
        date: { type: "string" },
        key: { type: "string" },
        registry: { type: "string", default: "content/registry" },
        issuers: { type: "string", default: "content/issuers" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    return refuse(`${(error as Error).message}\n\n${say("cert.cli.revokeUsage")}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    cli.print(say("cert.cli.revokeUsage"));
    return 0;
  }
  if (positionals.length !== 1) return refuse(say("cert.cli.revokeUsage"));
  for (const flag of ["date", "key"] as const) if (!values[flag]) return refuse(`${say("cert.cli.missing", { flag: `--${flag}` })}\n${say("cert.cli.revokeUsage")}`);
  const number = positionals[0].trim().toUpperCase();

  const why = checkRevocation(values.reason, values.note);
  if (!why.ok) return refuse(sayProblem(why.problem));
  const date = checkDay(values.date, now);
  if (!date.ok) return refuse(sayProblem(date.problem));

  const signing = await loadSigningKey(values.key!, resolve(values.issuers), now);
  if (!signing.ok) return refuse(sayProblem(signing.problem));
  const registry = readRegistryState(resolve(values.registry));
  if (!registry.ok) return refuse(sayProblem(registry.problem));
  const state = registry.state;

  const entry = state.entries.get(number);
  if (!entry) return refuse(sayProblem({ code: "unknown-number", values: { number } }));
  const credential = entry.credentials[entry.credentials.length - 1];
  if (credential.issuer.id !== signing.issuer.uri) {
    return refuse(sayProblem({ code: "key-other-issuer", values: { number, issuer: credential.issuer.name, keyIssuer: signing.issuer.name } }));
  }
  const earlier = state.revocations.find((r) => r.credentialId === credential.id);
  if (earlier) return refuse(sayProblem({ code: "already-revoked", values: { number, date: earlier.date, reason: say(`cert.reason.${earlier.reason}`) } }));
  const list = state.statusLists.get(credential.credentialStatus.statusListCredential);
  if (!list) return refuse(sayProblem({ code: "status-list-missing", values: { list: credential.credentialStatus.statusListCredential } }));

  const revoked = await revokeCredential({ credential, list: list.credential, key: signing.key, ...why.value, date: date.value, now });
  writeRegistryChanges(state.dir, { statusLists: [revoked.list], revocations: [...state.revocations, revoked.record] });
  cli.print(say("cert.cli.revoked", { number, reason: say(`cert.reason.${why.value.reason}`), date: date.value, list: list.file }));
  return 0;
}
