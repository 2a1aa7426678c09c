// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import contentCheck from "./src/integrations/content-check.ts";
import csp from "./src/integrations/csp.ts";
import pagefindIndex from "./src/integrations/pagefind-index.ts";
import serviceWorker from "./src/integrations/service-worker.ts";

// Deployments set these: SITE_URL=https://example.gov.cn BASE_PATH=/academy/ npm run build
const site = process.env.SITE_URL ?? "http://localhost:4321";
const base = process.env.BASE_PATH ?? "/";

/**
 * Lazy elements (read-aloud, the progress store, the update prompt) load by import(); Vite
 * wraps each in a preload helper (0.7 KB gzip, a third of what a lesson page may run before
 * the first interaction) that fetches the chunk's dependencies ahead. The browser fetches a
 * module's static imports itself; no lazy chunk here has CSS. So: no preload lists
 * (modulePreload: false) and a helper that only imports.
 */
const plainDynamicImport = {
  name: "mediator-academy:plain-dynamic-import",
  enforce: /** @type {const} */ ("pre"),
  load(/** @type {string} */ id) {
    if (id === "\0vite/preload-helper.js") return "export const __vitePreload = (load) => load();";
  },
};

export default defineConfig({
  site,
  base,
  // Parallel builds on one checkout (a second worktree, a bench run) write elsewhere.
  outDir: process.env.OUT_DIR ?? "./dist",
  cacheDir: process.env.ASTRO_CACHE_DIR ?? "./node_modules/.astro",
  output: "static",
  trailingSlash: "always",
  // Keep the learner's bytes small: inline small stylesheets, never ship a prefetch script.
  build: { inlineStylesheets: "auto", format: "directory" },
  prefetch: false,
  devToolbar: { enabled: false },
  // Order matters after the build: each page gets its Content-Security-Policy (hashes of its
  // inline scripts and styles), pagefind indexes the pages, then the service worker lists them.
  integrations: [contentCheck(), mdx(), csp(), pagefindIndex(), serviceWorker()],
  vite: { build: { modulePreload: false }, plugins: [plainDynamicImport] },
  markdown: { smartypants: false, shikiConfig: { theme: "github-light-high-contrast" } },
});
