import type { AstroIntegration } from "astro";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateSW } from "workbox-build";
import { coursePack, packIds, packPath, scenarioPack, shellPaths, type Pack } from "../lib/offline/packs.ts";
import { readSiteGraph } from "./site-graph.ts";
import { assetHandler, dataHandler, pageHandler } from "./sw-handlers.ts";

/** The file a site path is served from ("courses/basics/" → "courses/basics/index.html"). */
export const fileOfPath = (path: string): string => (path === "" || path.endsWith("/") ? `${path}index.html` : path);

/**
 * After the build (and after the pagefind index):
 *
 * 1. Writes dist/sw.js. It precaches only the app shell (src/lib/offline/packs.ts: home,
 *    the offline page and the files they load), so what a first visit downloads
 *    does not grow with the curriculum. Pages are cached as the learner opens them; with no
 *    network a page comes from any cache, else the offline page says it needs the network
 *    (sw-handlers.ts). A new deployment installs as a whole and waits until the learner
 *    accepts the "new version" prompt.
 * 2. Writes one list per course and scenario (`offline/packs/<kind>-<id>.json`: the files
 *    "离线保存" saves and their size), read by <offline-save>.
 *
 * The certificate registry is never precached or packed: a verification caches only the
 * files it fetched (NetworkFirst below); /verify/ shows how old a copy is.
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
        const site = readSiteGraph(outDir, base);

        const ids = packIds(site);
        const packs: Pack[] = [
          ...ids.course.map((id) => coursePack(id, site)!),
          ...ids.scenario.map((id) => scenarioPack(id, site)!),
        ];
        for (const pack of packs) {
          const file = join(outDir, packPath(pack.kind, pack.id));
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, JSON.stringify(pack));
        }

        const shell = shellPaths(site);
        const { count, size, warnings } = await generateSW({
          globDirectory: outDir,
          globPatterns: shell.paths.map(fileOfPath),
          globIgnores: ["sw.js", "workbox-*.js"],
          swDest: `${outDir}/sw.js`,
          modifyURLPrefix: { "": base },
          directoryIndex: "index.html",
          // Hashed file names need no revision: their cache key is their URL, so a page's
          // handler finds them with caches.match too.
          dontCacheBustURLsMatching: /_astro\//,
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
              // Every page the learner opens, and a lesson's notes page its script fetches
              // (browser/lesson-notes.ts): network first, then any cache, then /offline/.
              urlPattern: ({ request, url, sameOrigin }) => sameOrigin && (request.mode === "navigate" || url.pathname.endsWith("/notes/")),
              handler: pageHandler,
            },
            {
              // A quiz's drawn items (quizzes/<id>/items/<item>.json, fetched by <quiz-runner>) and a
              // scenario's data (scenarios/<id>/data.json, fetched by <case-simulation>): like pages,
              // network first and kept, then any cache (a saved course or scenario holds them).
              urlPattern: ({ url, sameOrigin }) =>
                sameOrigin && /\/(?:quizzes\/[^/]+\/items\/[^/]+|scenarios\/[^/]+\/data)\.json$/.test(url.pathname),
              handler: pageHandler,
            },
            {
              // Hashed scripts and styles: any cached copy first (a saved course holds its own).
              urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.includes("/_astro/"),
              handler: assetHandler,
            },
            {
              // The law and term look-up index: network first, a cached copy when offline.
              urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith("/search/lookup.json"),
              handler: dataHandler,
            },
            {
              // Site search's index: kept after first use so search also works offline later.
              urlPattern: ({ url }) => url.pathname.includes("/pagefind/"),
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
        logger.info(
          `service worker precaches ${count} files (${Math.round(size / 1024)} KB, ${Math.round(shell.gzip / 1024)} KB gzip); ${packs.length} offline packs written`,
        );
      },
    },
  };
}
