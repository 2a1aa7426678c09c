/**
 * What reaches the browser. zod 3 (not tree-shakable, ~14 KB gzip) and the content
 * schemas belong to the build; the lesson page's progress writer carries no schema
 * library at all (budgets in scripts/bench: a lesson page may load 20 KB of JS). Each
 * client entry is bundled with esbuild, dynamic imports included, and its inputs listed.
 */
import { build } from "esbuild";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

const entries = [
  ...readdirSync("src/components").filter((f) => f.endsWith(".ts")).map((f) => `src/components/${f}`),
  ...readdirSync("src/browser").filter((f) => f.endsWith(".ts")).map((f) => `src/browser/${f}`),
];

async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: "esm", splitting: true, outdir: "/tmp/client-bundles", metafile: true, logLevel: "silent" });
  return Object.keys(result.metafile.inputs);
}

describe("client bundles", () => {
  it("found the client entries", () => {
    expect(entries).toContain("src/components/quiz-runner.ts");
    expect(entries).toContain("src/components/case-simulation.ts");
  });

  it.each(entries)("%s ships neither zod 3 nor the content schemas", async (entry) => {
    const forbidden = (await inputsOf(entry)).filter((f) => /node_modules\/zod\/(?:v3\/|index\.js)|src\/lib\/content\//.test(f));
    expect(forbidden).toEqual([]);
  });

  it("the lesson page's progress writer loads no schema library at all", async () => {
    const inputs = await inputsOf("src/components/lesson-progress.ts");
    expect(inputs).toContain("src/lib/progress/store.ts");
    expect(inputs.filter((f) => f.includes("node_modules/zod/"))).toEqual([]);
  });
});
