/**
 * `npm run cert -- list [--township ID] [--level ID] [--status valid|expired|revoked]
 *   [--expiring-within N] [--csv] [--date YYYY-MM-DD]`
 *
 * The registry as a roster: masked name, township, village, level, dates, status. A plain
 * table, or CSV for a spreadsheet. Reads only. A thin front over src/lib/cert/issue-rules.ts.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { readRegistryState } from "../../src/lib/cert/issue-files.ts";
import { checkDay, filterRows, rosterCsv, rosterRows, rosterTable, type CertificateStatus } from "../../src/lib/cert/issue-rules.ts";
import { io, say, sayProblem, type CliOptions } from "./issue.ts";

const STATUSES: readonly string[] = ["valid", "expired", "revoked"];

export async function run(args: string[], options: CliOptions = {}): Promise<number> {
  const cli = io(options);
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        township: { type: "string" },
        level: { type: "string" },
        status: { type: "string" },
        "expiring-within": { type: "string" },
        csv: { type: "boolean" },
        date: { type: "string" },
        registry: { type: "string", default: "content/registry" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return cli.refuse(`${(error as Error).message}\n\n${say("cert.cli.listUsage")}`);
  }
  if (values.help) {
    cli.print(say("cert.cli.listUsage"));
    return 0;
  }
  if (values.status !== undefined && !STATUSES.includes(values.status)) return cli.refuse(sayProblem({ code: "bad-status", values: { status: values.status } }));
  const daysText = values["expiring-within"];
  const days = daysText === undefined ? undefined : Number(daysText);
  if (days !== undefined && (!/^\d+$/.test(daysText!) || days > 3650)) return cli.refuse(sayProblem({ code: "bad-days", values: { days: daysText! } }));
  const day = checkDay(values.date, cli.now);
  if (!day.ok) return cli.refuse(sayProblem(day.problem));

  const registry = readRegistryState(resolve(values.registry));
  if (!registry.ok) return cli.refuse(sayProblem(registry.problem));
  const { entries, revocations } = registry.state;
  const rows = filterRows(
    rosterRows(entries.values(), revocations, day.value),
    { township: values.township, level: values.level, status: values.status as CertificateStatus | undefined, expiringWithin: days },
    day.value,
  );
  const header = say("cert.list.header");
  if (values.csv) {
    (options.out ?? ((t: string) => process.stdout.write(t)))(rosterCsv(rows, header, say));
    return 0;
  }
  if (!rows.length) {
    cli.print(say("cert.cli.listEmpty"));
    return 0;
  }
  cli.print(`${rosterTable(rows, header, say)}\n${say("cert.cli.listCount", { n: rows.length })}`);
  return 0;
}
