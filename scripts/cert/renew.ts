/**
 * `npm run cert -- renew NUMBER --application FILE --result FILE --key KEYFILE --name 张三明
 *   [--township ID] [--village ID] [--date YYYY-MM-DD] [--out DIR]`
 *
 * Annual review (年审): a new credential under the same number for the annual-review level,
 * whose `renews` names the credential it replaces; township and village are kept unless
 * given. The same checks as `issue` (scripts/cert/issue.ts), plus: the number exists, is
 * not revoked, belongs to the key's issuer and holds a level the review builds on.
 */
import { parseArgs } from "node:util";
import { ISSUE_OPTIONS, io, issueFlow, say, type CliOptions } from "./issue.ts";

export async function run(args: string[], options: CliOptions = {}): Promise<number> {
  const cli = io(options);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: ISSUE_OPTIONS,
    });
  } catch (error) {
    return cli.refuse(`${(error as Error).message}\n\n${say("cert.cli.renewUsage")}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    cli.print(say("cert.cli.renewUsage"));
    return 0;
  }
  if (positionals.length !== 1) return cli.refuse(say("cert.cli.renewUsage"));
  return issueFlow(values, "cert.cli.renewUsage", positionals[0].trim().toUpperCase(), cli);
}
