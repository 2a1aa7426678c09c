/** Runs one `astro build` into a given folder and measures its wall-clock time. */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { listPages } from "./page-weight.ts";

export interface BuildResult {
  seconds: number;
  /** HTML pages written, including 404.html. */
  pages: number;
}

/**
 * Builds the project at `root` (see sandbox.ts) with its own node_modules/.bin/astro.
 * `--force` clears Astro's content-layer cache so every scale is timed cold, as on a fresh
 * CI checkout, and not helped by whichever build ran before. Astro's log is kept quiet
 * (one line per page at 50× is thousands of lines) and shown only if the build fails.
 */
export async function timedBuild(root: string, outDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const astro = join(root, "node_modules", ".bin", "astro");
  const started = performance.now();
  const child = spawn(astro, ["build", "--outDir", outDir, "--force"], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  child.stdout.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    const tail = log.join("").trimEnd().split("\n").slice(-60).join("\n");
    throw new Error(`astro build --outDir ${outDir} failed (exit ${code}). Last lines of its output:\n${tail}`);
  }
  return { seconds, pages: listPages(outDir).length };
}
