/**
 * Prints the mutation score of every src/lib folder (and, with --files, every file) from
 * the incremental results that `npm run mutate` keeps in reports/stryker-incremental/, as
 * the rows of the table in docs/mutation-scores.md:
 *
 *   npx tsx scripts/mutation-scores.ts [--files]
 *
 * Score = (killed + timeout) / (killed + timeout + survived + no coverage), Stryker's own
 * definition; compile and runtime errors and ignored mutants do not count. When two result
 * files hold the same source file (e.g. all.json and progress.json), the newer one wins.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

interface Mutant {
  status: string;
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

const dir = join(process.cwd(), "reports", "stryker-incremental");
const byFiles = process.argv.includes("--files");

let names: string[] = [];
try {
  names = readdirSync(dir).filter((n) => n.endsWith(".json"));
} catch {
  // No results yet: an empty table says so below.
}
const newestFirst = names.map((n) => join(dir, n)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);

const counts = new Map<string, Record<string, number>>();
const seen = new Set<string>();
for (const path of newestFirst) {
  const report = JSON.parse(readFileSync(path, "utf8")) as Report;
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const name = file.replace(/\\/g, "/");
    if (seen.has(name)) continue;
    seen.add(name);
    const key = byFiles ? name : name.replace(/^(src\/lib\/[^/]+)\/.*$/, "$1/");
    const row = counts.get(key) ?? {};
    for (const m of mutants) row[m.status] = (row[m.status] ?? 0) + 1;
    counts.set(key, row);
  }
}

if (!counts.size) {
  console.log(`No mutation results in ${dir}: run \`npm run mutate\` first.`);
  process.exit(0);
}
console.log("| Folder | Score | Killed | Survived | No coverage | Timeout |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const [key, row] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
  const killed = row.Killed ?? 0;
  const timeout = row.Timeout ?? 0;
  const survived = row.Survived ?? 0;
  const none = row.NoCoverage ?? 0;
  const total = killed + timeout + survived + none;
  const score = total ? ((100 * (killed + timeout)) / total).toFixed(1) : "–";
  console.log(`| ${key} | ${score} % | ${killed} | ${survived} | ${none} | ${timeout} |`);
}
