/**
 * A tiny static server over dist/ for browser tests: honours the configured base path,
 * serves index.html for directories and 404.html for misses, on a free port.
 */
import { createServer, type Server } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { distDir } from "./dist.ts";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
};

export interface StaticSite {
  /** e.g. http://127.0.0.1:40123/ (with the base path). */
  url: string;
  close(): Promise<void>;
}

export async function serveDist(dist = distDir(), base = process.env.BASE_PATH ?? "/"): Promise<StaticSite> {
  if (!existsSync(join(dist, "index.html"))) throw new Error(`No built site in ${dist}: run npm run build first`);
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (!pathname.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dist, pathname.slice(base.length)));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    const found = existsSync(file);
    const path = found ? file : join(dist, "404.html");
    res.writeHead(found ? 200 : 404, { "content-type": types[extname(path)] ?? "application/octet-stream" });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server did not bind");
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
