import type { AstroIntegration } from "astro";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { withPolicy } from "../lib/csp/policy.ts";

export const sha256Base64 = (text: string): string => createHash("sha256").update(text, "utf8").digest("base64");

/**
 * After the build, before pagefind and the service worker read the pages: gives every
 * HTML page its Content-Security-Policy meta element (src/lib/csp/policy.ts), with the
 * hashes of exactly the inline scripts and styles that page was built with. (Astro's own
 * experimental.csp leaves out is:inline scripts and Shiki's style attributes.)
 */
export default function csp(): AstroIntegration {
  return {
    name: "mediator-academy:csp",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = readdirSync(outDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));
        for (const page of pages) {
          const file = join(outDir, page);
          try {
            writeFileSync(file, withPolicy(readFileSync(file, "utf8"), sha256Base64));
          } catch (error) {
            throw new Error(`${page}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        logger.info(`Content-Security-Policy added to ${pages.length} pages`);
      },
    },
  };
}
