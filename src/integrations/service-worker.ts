import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import { generateSW } from "workbox-build";

/**
 * Writes dist/sw.js after the build (and after the pagefind index): every page, style and
 * script is precached with a revision hash, so after one visit the courses, scenarios and
 * quizzes open offline, and a new deployment installs as a whole, waiting until the
 * learner accepts the "new version" prompt (never half-old, half-new pages).
 */
export default function serviceWorker(): AstroIntegration {
  let base = "/";
  return {
    name: "mediator-academy:service-worker",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW({
          globDirectory: outDir,
          globPatterns: ["**/*.{html,css,js,svg,webmanifest}"],
          // pagefind's own UI bundles are not used; its index is cached when first searched.
          // The certificate registry grows with every certificate (a province: 100,000s):
          // never precached, only what a check fetched (below). /certificates/ is one page
          // (?number= or a link's fragment), so it is precached like any other.
          globIgnores: ["pagefind/**", "sw.js", "workbox-*.js", "registry/**"],
          swDest: `${outDir}/sw.js`,
          modifyURLPrefix: { "": base },
          directoryIndex: "index.html",
          // Search pages (q, kind) and quiz pages (seed, for trainers and tests) read their
          // query string in the browser: the page itself is the same, so serve it offline.
          ignoreURLParametersMatching: [/^q$/, /^kind$/, /^seed$/, /^number$/, /^utm_/],
          cleanupOutdatedCaches: true,
          skipWaiting: false, // the page asks the learner first (see update-prompt.ts)
          clientsClaim: false,
          inlineWorkboxRuntime: true,
          sourcemap: false,
          mode: "production",
          maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
          runtimeCaching: [
            {
              // Search indexes: kept after first use so search also works offline later.
              urlPattern: ({ url }) => url.pathname.includes("/pagefind/") || url.pathname.endsWith("/search/lookup.json"),
              handler: "StaleWhileRevalidate",
              options: { cacheName: "search-index", expiration: { maxEntries: 400 } },
            },
            {
              // Registry files a verification fetched: the network first (revocations are
              // news), the last copy when offline; /verify/ shows how old it is.
              urlPattern: ({ url }) => url.pathname.includes("/registry/"),
              handler: "NetworkFirst",
              options: { cacheName: "registry", networkTimeoutSeconds: 4, expiration: { maxEntries: 200 } },
            },
          ],
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(`service worker precaches ${count} files (${Math.round(size / 1024)} KB)`);
      },
    },
  };
}
