import type { AstroIntegration } from "astro";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { extraIndexedPages, markMainForIndex } from "../lib/search/index-pages.ts";

/** The part of pagefind's Node API the index needs; a parameter so tests can fake failures. */
export type PagefindApi = Pick<typeof pagefind, "createIndex" | "close">;

/**
 * Indexes the built pages in `outDir` (those marked data-pagefind-body, and the site pages
 * listed in lib/search/index-pages.ts) and writes `outDir/pagefind`. pagefind runs a
 * service process: it is closed on every path, or a failed build would hang on it. An
 * error names the step and keeps what pagefind said as its `cause`.
 */
export async function writePagefindIndex(outDir: string, api: PagefindApi = pagefind): Promise<number> {
  try {
    const { index, errors } = await api.createIndex({ forceLanguage: "zh-cn" });
    if (!index) throw new Error(`pagefind could not start: ${errors.join("; ")}`, { cause: errors });
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`pagefind indexing failed: ${added.errors.join("; ")}`, { cause: added.errors });
    let pages = added.page_count;
    // Site pages without data-pagefind-body of their own (see lib/search/index-pages.ts).
    for (const page of extraIndexedPages) {
      const sourcePath = `${page}index.html`;
      const file = join(outDir, sourcePath);
      if (!existsSync(file)) continue; // a page that is no longer built
      const content = markMainForIndex(readFileSync(file, "utf8"));
      if (!content) throw new Error(`pagefind: ${sourcePath} has no <main> to index`);
      const one = await index.addHTMLFile({ sourcePath, content });
      if (one.errors.length) throw new Error(`pagefind indexing failed: ${one.errors.join("; ")}`, { cause: one.errors });
      pages += 1;
    }
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    if (written.errors.length) throw new Error(`pagefind write failed: ${written.errors.join("; ")}`, { cause: written.errors });
    return pages;
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
