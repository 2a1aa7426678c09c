import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";

/**
 * Builds the pagefind index right after Astro writes dist/, so every build ships a
 * search index that matches its pages. Pages opt in with data-pagefind-body.
 */
export default function pagefindIndex(): AstroIntegration {
  return {
    name: "mediator-academy:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: "zh-cn" });
        if (!index) throw new Error(`pagefind could not start: ${errors.join("; ")}`);
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length) throw new Error(`pagefind indexing failed: ${added.errors.join("; ")}`);
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length) throw new Error(`pagefind write failed: ${written.errors.join("; ")}`);
        await pagefind.close();
        logger.info(`pagefind indexed ${added.page_count} pages`);
      },
    },
  };
}
