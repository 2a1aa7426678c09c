import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";

/** The part of pagefind's Node API the index needs; a parameter so tests can fake failures. */
export type PagefindApi = Pick<typeof pagefind, "createIndex" | "close">;

/**
 * Indexes the built pages in `outDir` and writes `outDir/pagefind`. pagefind runs a
 * service process: it is closed on every path, or a failed build would hang on it. An
 * error names the step and keeps what pagefind said as its `cause`.
 */
export async function writePagefindIndex(outDir: string, api: PagefindApi = pagefind): Promise<number> {
  try {
    const { index, errors } = await api.createIndex({ forceLanguage: "zh-cn" });
    if (!index) throw new Error(`pagefind could not start: ${errors.join("; ")}`, { cause: errors });
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`pagefind indexing failed: ${added.errors.join("; ")}`, { cause: added.errors });
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    if (written.errors.length) throw new Error(`pagefind write failed: ${written.errors.join("; ")}`, { cause: written.errors });
    return added.page_count;
  } finally {
    await api.close();
  }
}

/**
 * Builds the pagefind index right after Astro writes dist/, so every build ships a
 * search index that matches its pages. Pages opt in with data-pagefind-body.
 */
export default function pagefindIndex(): AstroIntegration {
  return {
    name: "mediator-academy:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const pages = await writePagefindIndex(fileURLToPath(dir));
        logger.info(`pagefind indexed ${pages} pages`);
      },
    },
  };
}
