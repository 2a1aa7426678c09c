/** Command-line options of `npm run bench`. */
import { parseArgs } from "node:util";

export const usage = `Usage: npm run bench -- [--scale 1,10,50] [--quick] [--ci]
  --scale  curriculum sizes to build, as multiples of content/ (default 1,10,50).
           1x (the shipped site) always runs: the page weights and budgets come from it.
  --quick  only the 1x build (same as --scale 1).
  --ci     no build: the budgets (page weights, JS loaded in Chromium, the service worker's
           precache, progress store timings) against the site already built in dist/
           (or DIST_DIR); what \`npm test\` runs after its build. Exit code 1 if one fails.`;

export interface BenchOptions {
  /** Ascending, without duplicates, always starting with 1. */
  scales: number[];
  /** Budgets only, against an existing build (no sandbox builds). */
  ci: boolean;
}

/** Exits with the usage text on bad arguments: a typo should not start minutes of builds. */
export function parseOptions(argv: string[]): BenchOptions {
  const fail = (message: string): never => {
    console.error(`${message}\n${usage}`);
    process.exit(2);
  };
  let values: { scale?: string; quick?: boolean; ci?: boolean; help?: boolean } = {};
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { scale: { type: "string" }, quick: { type: "boolean" }, ci: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (values.ci && values.scale) fail("--ci measures the existing build: it takes no --scale");
  if (values.ci) return { scales: [1], ci: true };
  if (values.quick) return { scales: [1], ci: false };
  const requested = (values.scale ?? "1,10,50").split(",").map((s) => Number(s.trim()));
  if (requested.some((n) => !Number.isInteger(n) || n < 1)) fail(`--scale takes whole numbers ≥ 1, e.g. --scale 1,10 (got ${values.scale})`);
  return { scales: [...new Set([1, ...requested])].sort((a, b) => a - b), ci: false };
}
