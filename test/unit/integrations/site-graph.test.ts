import { afterAll, expect, test } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { contentHash, readSiteGraph } from "../../../src/integrations/site-graph.ts";
import { fileOfPath } from "../../../src/integrations/service-worker.ts";

const dir = mkdtempSync(join(tmpdir(), "site-graph-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const put = (file: string, text: string) => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
};

test("reads pages by URL path and scripts by file, with sizes and references; leaves out what no pack holds", () => {
  put("index.html", `<a href="/academy/courses/a/">a</a><script type="module" src="/academy/_astro/p.js"></script>`);
  put("courses/a/index.html", `<a href="../../law/x/1/">法</a>`);
  put("_astro/p.js", `import"./q.js";`);
  put("_astro/q.js", "export{}");
  put("registry/shard-1.json", "{}");
  put("trainers/index.html", "<p>trainers</p>");
  put("pagefind/pagefind.js", "");
  put("sw.js", "");
  const site = readSiteGraph(dir, "/academy/");
  expect([...site.keys()].sort()).toEqual(["", "_astro/p.js", "_astro/q.js", "courses/a/"]);
  expect(site.get("")!.refs).toEqual(["_astro/p.js", "courses/a/"]);
  expect(site.get("courses/a/")!.refs).toEqual(["law/x/1/"]);
  expect(site.get("_astro/p.js")!.refs).toEqual(["_astro/q.js"]);
  expect(site.get("_astro/q.js")!.bytes).toBe(8);
  expect(site.get("_astro/q.js")!.gzip).toBeGreaterThan(0);
});

test("a directory URL is served from its index.html", () => {
  expect([fileOfPath(""), fileOfPath("me/"), fileOfPath("_astro/a.js")]).toEqual(["index.html", "me/index.html", "_astro/a.js"]);
});

test("each file carries a hash of its content: the same content the same hash, one changed byte another", () => {
  put("courses/h/index.html", "<p>第一版</p>");
  const first = readSiteGraph(dir, "/academy/").get("courses/h/")!.hash;
  expect(first).toMatch(/^[0-9a-f]{16}$/);
  expect(first).toBe(contentHash(new TextEncoder().encode("<p>第一版</p>")));
  put("courses/h/index.html", "<p>第二版</p>");
  expect(readSiteGraph(dir, "/academy/").get("courses/h/")!.hash).not.toBe(first);
});
