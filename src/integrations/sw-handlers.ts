/**
 * Route handlers the generated service worker runs (see service-worker.ts). workbox-build
 * copies each function's source text into sw.js, so each one is self-contained: no imports,
 * no helpers, only the worker's globals (`fetch`, `caches`, `registration`). The unit tests
 * run them against a fake Cache Storage.
 *
 * Cache names: "pages" (pages opened online), "assets" (hashed scripts and styles loaded),
 * "search-index" (the look-up index), and one `offline-pack:<kind>:<id>` cache per course
 * or scenario the learner saved (src/lib/offline/saved.ts). Offline, a request is answered
 * from any of them.
 */

interface HandlerArgs {
  request: Request;
  event?: { waitUntil(promise: Promise<unknown>): void };
}

/**
 * Pages: the network first, and a copy kept in "pages" (the 300 most recent); with no
 * network, the copy from any cache (a saved course, a page opened before, the precache);
 * failing that, the offline page (status 503), which says the page needs the network.
 */
export async function pageHandler({ request, event }: HandlerArgs): Promise<Response> {
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  const key = url.href;
  try {
    const response = await fetch(request);
    if (response.ok && response.status === 200) {
      const copy = response.clone();
      const keep = caches.open("pages").then(async (cache) => {
        await cache.put(key, copy);
        const keys = await cache.keys();
        for (const old of keys.slice(0, Math.max(0, keys.length - 300))) await cache.delete(old);
      });
      if (event) event.waitUntil(keep);
      else await keep;
    }
    return response;
  } catch (error) {
    const candidates = key.endsWith("/") ? [key, `${key}index.html`] : [key];
    for (const candidate of candidates) {
      const hit = await caches.match(candidate, { ignoreSearch: true });
      if (hit) return hit;
    }
    const scope = (globalThis as unknown as { registration?: { scope: string } }).registration?.scope ?? new URL("/", key).href;
    const fallback = (await caches.match(new URL("offline/", scope).href, { ignoreSearch: true })) ?? (await caches.match(new URL("offline/index.html", scope).href, { ignoreSearch: true }));
    if (fallback) return new Response(fallback.body, { status: 503, statusText: "Offline", headers: fallback.headers });
    throw error;
  }
}

/**
 * Hashed scripts and styles (`_astro/`): never change, so any cached copy is used first;
 * otherwise fetched and kept in "assets".
 */
export async function assetHandler({ request, event }: HandlerArgs): Promise<Response> {
  const hit = await caches.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.status === 200) {
    const copy = response.clone();
    const keep = caches.open("assets").then((cache) => cache.put(request, copy));
    if (event) event.waitUntil(keep);
    else await keep;
  }
  return response;
}

/**
 * Data that changes with each deployment (the look-up index): the network first, kept in
 * "search-index"; with no network, the copy from any cache (a saved scenario holds one).
 */
export async function dataHandler({ request, event }: HandlerArgs): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok && response.status === 200) {
      const copy = response.clone();
      const keep = caches.open("search-index").then((cache) => cache.put(request, copy));
      if (event) event.waitUntil(keep);
      else await keep;
    }
    return response;
  } catch (error) {
    const hit = await caches.match(request, { ignoreSearch: true });
    if (hit) return hit;
    throw error;
  }
}
