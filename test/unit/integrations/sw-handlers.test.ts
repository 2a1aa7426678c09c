/**
 * The service worker's route handlers (copied into sw.js as source text) against a small
 * Cache Storage fake with the two behaviours they rely on: `match` across every cache in
 * creation order, and `ignoreSearch`.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { assetHandler, dataHandler, pageHandler } from "../../../src/integrations/sw-handlers.ts";

class FakeCache {
  entries = new Map<string, Response>();
  private key = (r: Request | string) => (typeof r === "string" ? r : r.url);
  async put(request: Request | string, response: Response) {
    this.entries.set(this.key(request), response);
  }
  async match(request: Request | string, options?: { ignoreSearch?: boolean }) {
    const wanted = this.key(request);
    const strip = (u: string) => (options?.ignoreSearch ? u.replace(/\?.*$/, "") : u);
    for (const [key, response] of this.entries) if (strip(key) === strip(wanted)) return response.clone();
    return undefined;
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
  async delete(request: Request | string) {
    return this.entries.delete(this.key(request));
  }
}

class FakeCacheStorage {
  caches = new Map<string, FakeCache>();
  async open(name: string) {
    if (!this.caches.has(name)) this.caches.set(name, new FakeCache());
    return this.caches.get(name)!;
  }
  async match(request: Request | string, options?: { ignoreSearch?: boolean }) {
    for (const cache of this.caches.values()) {
      const hit = await cache.match(request, options);
      if (hit) return hit;
    }
    return undefined;
  }
}

const SITE = "https://academy.example/base/";
let storage: FakeCacheStorage;
let online: boolean;
let served: Map<string, string>;
let fetched: string[];
const real = { fetch: globalThis.fetch, caches: (globalThis as { caches?: unknown }).caches };

beforeEach(() => {
  storage = new FakeCacheStorage();
  online = true;
  fetched = [];
  served = new Map([
    [`${SITE}courses/basics/`, "course page"],
    [`${SITE}_astro/a.js`, "script"],
    [`${SITE}search/lookup.json`, "index v2"],
  ]);
  Object.assign(globalThis, {
    caches: storage,
    registration: { scope: SITE },
    fetch: async (input: Request | string) => {
      const url = typeof input === "string" ? input : input.url;
      fetched.push(url);
      if (!online) throw new TypeError("Failed to fetch");
      const body = served.get(url.replace(/\?.*$/, ""));
      return body === undefined ? new Response("missing", { status: 404 }) : new Response(body, { status: 200 });
    },
  });
});
afterEach(() => {
  Object.assign(globalThis, { fetch: real.fetch, caches: real.caches });
  delete (globalThis as { registration?: unknown }).registration;
});

const page = (path: string) => new Request(SITE + path);
const text = (r: Response) => r.text();

describe("pages", () => {
  test("online: the network's page, and a copy kept in 'pages' without its query", async () => {
    const response = await pageHandler({ request: page("courses/basics/?seed=1") });
    expect(await text(response)).toBe("course page");
    expect([...(await storage.open("pages")).entries.keys()]).toEqual([`${SITE}courses/basics/`]);
  });

  test("online: a 404 is passed on and not kept", async () => {
    const response = await pageHandler({ request: page("nope/") });
    expect(response.status).toBe(404);
    expect((await storage.open("pages")).entries.size).toBe(0);
  });

  test("offline: a saved course's page comes from its pack cache, whatever the query", async () => {
    await (await storage.open("offline-pack:course:basics")).put(`${SITE}courses/basics/`, new Response("saved page"));
    online = false;
    const response = await pageHandler({ request: page("courses/basics/?seed=7") });
    expect(response.status).toBe(200);
    expect(await text(response)).toBe("saved page");
  });

  test("offline: a precached page is found under its index.html key with a revision", async () => {
    await (await storage.open("workbox-precache")).put(`${SITE}me/index.html?__WB_REVISION__=abc`, new Response("me page"));
    online = false;
    expect(await text(await pageHandler({ request: page("me/") }))).toBe("me page");
  });

  test("offline: a page saved nowhere gets the offline page with status 503", async () => {
    await (await storage.open("workbox-precache")).put(`${SITE}offline/index.html?__WB_REVISION__=1`, new Response("需要联网", { headers: { "content-type": "text/html" } }));
    online = false;
    const response = await pageHandler({ request: page("law/rmtjf/28/") });
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(await text(response)).toBe("需要联网");
  });

  test("offline with no offline page either: the network error is passed on", async () => {
    online = false;
    await expect(pageHandler({ request: page("law/") })).rejects.toThrow("Failed to fetch");
  });

  test("keeps only the 300 most recently opened pages", async () => {
    for (let n = 0; n < 302; n++) served.set(`${SITE}p${n}/`, `page ${n}`);
    for (let n = 0; n < 302; n++) await pageHandler({ request: page(`p${n}/`) });
    const keys = [...(await storage.open("pages")).entries.keys()];
    expect(keys).toHaveLength(300);
    expect(keys[0]).toBe(`${SITE}p2/`);
  });

  test("the copy is kept through the event's waitUntil when there is an event", async () => {
    const waits: Promise<unknown>[] = [];
    await pageHandler({ request: page("courses/basics/"), event: { waitUntil: (p) => void waits.push(p) } });
    expect(waits).toHaveLength(1);
    await Promise.all(waits);
    expect((await storage.open("pages")).entries.size).toBe(1);
  });
});

describe("hashed assets", () => {
  test("a cached copy from any cache is used without the network", async () => {
    await (await storage.open("offline-pack:course:basics")).put(`${SITE}_astro/a.js`, new Response("saved script"));
    expect(await text(await assetHandler({ request: page("_astro/a.js") }))).toBe("saved script");
    expect(fetched).toEqual([]);
  });

  test("otherwise fetched and kept in 'assets'; a failed fetch is not kept", async () => {
    expect(await text(await assetHandler({ request: page("_astro/a.js") }))).toBe("script");
    expect([...(await storage.open("assets")).entries.keys()]).toEqual([`${SITE}_astro/a.js`]);
    expect((await assetHandler({ request: page("_astro/gone.js") })).status).toBe(404);
    expect((await storage.open("assets")).entries.size).toBe(1);
  });
});

describe("the look-up index", () => {
  test("online: the network's copy even when an older one is cached, and it is kept", async () => {
    await (await storage.open("offline-pack:scenario:wall")).put(`${SITE}search/lookup.json`, new Response("index v1"));
    expect(await text(await dataHandler({ request: page("search/lookup.json") }))).toBe("index v2");
    expect(await text((await (await storage.open("search-index")).match(`${SITE}search/lookup.json`))!)).toBe("index v2");
  });

  test("offline: the copy a saved scenario holds; none at all passes the error on", async () => {
    online = false;
    await expect(dataHandler({ request: page("search/lookup.json") })).rejects.toThrow();
    await (await storage.open("offline-pack:scenario:wall")).put(`${SITE}search/lookup.json`, new Response("index v1"));
    expect(await text(await dataHandler({ request: page("search/lookup.json") }))).toBe("index v1");
  });
});
