/**
 * What reaches the browser. zod 3 (not tree-shakable, ~14 KB gzip) and the content
 * schemas belong to the build; the lesson page's progress writer carries no schema
 * library at all. Each client entry is bundled with esbuild, dynamic imports included,
 * and its inputs listed.
 *
 * One exception, and only one: the checker of /authoring/preview/ (src/lib/preview/check-file.ts)
 * is zod, the schemas and the checkers themselves, loaded by dynamic import when a trainer
 * gives that page a file. Only the preview's element and loader reach it, only that page
 * loads them, and everything else they load follows the rule.
 *
 * Before the first interaction a content page may run 2 KB gzip of JS (issue #15; the
 * whole-page figures are scripts/bench/first-load.ts): the scripts every page and the
 * lesson page run at start are checked here for what they pull in statically.
 */
import { build, type Metafile } from "esbuild";
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const entries = [
  ...readdirSync("src/components").filter((f) => f.endsWith(".ts")).map((f) => `src/components/${f}`),
  ...readdirSync("src/browser").filter((f) => f.endsWith(".ts")).map((f) => `src/browser/${f}`),
];

async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: "esm", splitting: true, outdir: "/tmp/client-bundles", metafile: true, logLevel: "silent" });
  return Object.keys(result.metafile.inputs);
}

/**
 * The preview's lazily loaded checker: the one chunk allowed to carry zod and the schemas
 * (bundling it takes seconds: svg.ts's default layout, elkjs, is a chunk behind it that the
 * preview never loads, since it draws with simple-layout.ts).
 */
const previewChecker = "src/lib/preview/check-file.ts";
/** The only client entries that may reach it. */
const previewEntries = ["src/components/content-preview.ts", "src/browser/preview-checker.ts"];
const forbidden = /node_modules\/zod\/(?:v3\/|index\.js)|src\/lib\/content\//;

/**
 * Everything an entry can ever load (static and dynamic imports), except what only the
 * dynamic import of the preview's checker brings: the inputs of every chunk reached
 * without passing through that import.
 */
async function inputsBesidesPreviewChecker(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: "esm", splitting: true, outdir: "/tmp/client-bundles", metafile: true, logLevel: "silent" });
  const outputs: Metafile["outputs"] = result.metafile.outputs;
  const main = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === entry)!;
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of outputs[file]!.imports) if (!(i.kind === "dynamic-import" && outputs[i.path]?.entryPoint === previewChecker)) visit(i.path);
  };
  visit(main);
  return [...seen].flatMap((file) => Object.keys(outputs[file]!.inputs));
}

/**
 * What an entry loads before any dynamic import() runs: its output chunk and the chunks it
 * imports statically, minified as in the build; their inputs and gzip size.
 */
async function atStart(entry: string): Promise<{ inputs: string[]; gzip: number }> {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, write: false, format: "esm", splitting: true, outdir: "/tmp/client-start", metafile: true, logLevel: "silent" });
  const outputs: Metafile["outputs"] = result.metafile.outputs;
  const main = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === entry)!;
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of outputs[file]!.imports) if (i.kind === "import-statement") visit(i.path);
  };
  visit(main);
  const text = (file: string) => result.outputFiles.find((f) => f.path.endsWith(file.replace(/^.*?client-start/, "")))!.contents;
  return {
    inputs: [...seen].flatMap((file) => Object.keys(outputs[file]!.inputs)),
    gzip: [...seen].reduce((sum, file) => sum + gzipSync(text(file), { level: 9 }).length, 0),
  };
}

/** Start-up scripts: every page's (the layout's) and the lesson page's. */
const startScripts = ["src/browser/sw-register.ts", "src/browser/lesson-loader.ts"];

describe("client bundles", () => {
  it("found the client entries", () => {
    expect(entries).toContain("src/components/quiz-runner.ts");
    expect(entries).toContain("src/components/case-simulation.ts");
  });

  it.each(entries.filter((e) => !previewEntries.includes(e)))("%s ships neither zod 3 nor the content schemas, nor the preview's checker", async (entry) => {
    expect((await inputsOf(entry)).filter((f) => forbidden.test(f) || f === previewChecker)).toEqual([]);
  });

  it.each(previewEntries)("%s ships neither zod 3 nor the content schemas outside the preview's lazily loaded checker", async (entry) => {
    expect((await inputsBesidesPreviewChecker(entry)).filter((f) => forbidden.test(f))).toEqual([]);
  }, 30_000);

  it("the preview's checker is the real one (zod, the schemas, both checkers) and loads only on demand", async () => {
    const all = await inputsOf("src/components/content-preview.ts");
    expect(all).toContain(previewChecker);
    expect(all).toContain("src/lib/scenario/check.ts");
    expect(all).toContain("src/lib/quiz/check.ts");
    expect(all.filter((f) => forbidden.test(f)).length).toBeGreaterThan(0);
    const { inputs } = await atStart("src/components/content-preview.ts");
    expect(inputs.filter((f) => forbidden.test(f) || f === previewChecker)).toEqual([]);
  }, 60_000);

  it("only the preview page loads the preview's element or its loader", () => {
    const pages = (readdirSync("src/pages", { recursive: true, encoding: "utf8" }) as string[]).filter((f) => /\.(astro|mdx|ts)$/.test(f));
    const loaders = pages.filter((f) => /content-preview|preview-checker/.test(readFileSync(`src/pages/${f}`, "utf8")));
    expect(loaders).toEqual(["authoring/preview/index.astro"]);
  });

  it("the lesson page's progress writer loads no schema library at all", async () => {
    const inputs = await inputsOf("src/components/lesson-progress.ts");
    expect(inputs).toContain("src/lib/progress/store.ts");
    expect(inputs.filter((f) => f.includes("node_modules/zod/"))).toEqual([]);
  });

  it.each(startScripts)("%s loads neither Lit nor the progress store before the first interaction", async (entry) => {
    const { inputs } = await atStart(entry);
    expect(inputs.filter((f) => /node_modules\/(?:lit|@lit|lit-html|lit-element)\/|src\/lib\/progress\/(?!current-learner)|src\/components\//.test(f))).toEqual([]);
  });

  it("the start-up scripts of a lesson page stay within 1.5 KB gzip, leaving room under the 2 KB budget for the inline 大字 script", async () => {
    const sizes = await Promise.all(startScripts.map(atStart));
    expect(sizes.reduce((sum, s) => sum + s.gzip, 0)).toBeLessThanOrEqual(1536);
  });

  it("the lesson loader still reaches the elements it loads later", async () => {
    const inputs = await inputsOf("src/browser/lesson-loader.ts");
    expect(inputs).toContain("src/components/lesson-progress.ts");
    expect(inputs).toContain("src/components/read-aloud.ts");
  });
});
