// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import contentCheck from "./src/integrations/content-check.ts";
import pagefindIndex from "./src/integrations/pagefind-index.ts";
import serviceWorker from "./src/integrations/service-worker.ts";

// Deployments set these: SITE_URL=https://example.gov.cn BASE_PATH=/academy/ npm run build
const site = process.env.SITE_URL ?? "http://localhost:4321";
const base = process.env.BASE_PATH ?? "/";

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
  // Order matters after the build: pagefind indexes the pages, then the service worker lists them.
  integrations: [contentCheck(), mdx(), pagefindIndex(), serviceWorker()],
  markdown: { smartypants: false, shikiConfig: { theme: "github-light-high-contrast" } },
});
