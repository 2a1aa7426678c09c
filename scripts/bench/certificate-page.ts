/**
 * The printable-certificate page at scale, counted in pages and bytes (not time): how many
 * HTML pages the build writes under certificates/ (one, whatever the registry's size: the
 * per-number pages are gone) and the page's JS gzip before any input (static imports) and
 * with the chunks it loads to draw a certificate (import(): printable.ts with qrcode).
 *
 * Run alone on a build: `npx tsx scripts/bench/certificate-page.ts [dist-dir]`; it exits 1
 * when certificates/ holds more than its one page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "fflate";

export interface CertificatePageFigures {
  /** HTML files under certificates/ (expected: 1). */
  pages: number;
  /** Certificates in the registry the build published (index.json's count), for context. */
  certificates: number;
  /** JS before any input: the page's module scripts and their static imports, gzip. */
  staticJsGzip: number;
  /** The same plus every chunk reachable through import() (the qrcode chunk), gzip. */
  withDynamicJsGzip: number;
  /** The dynamic chunks alone, file → gzip. */
  dynamicChunks: Record<string, number>;
}

const gzip = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;

const htmlFiles = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? htmlFiles(join(dir, n)) : n.endsWith(".html") ? [join(dir, n)] : [])) : [];

/** Module files reachable from the page: static only, or through import() too. */
function reachable(outDir: string, html: string, dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]*src="[^"]*?(_astro\/[^"]+\.js)"/g)].map((m) => m[1]);
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(join(outDir, file))) continue;
    seen.add(file);
    const text = readFileSync(join(outDir, file), "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(`_astro/${m[1]}`);
    // Vite writes import() of a sibling chunk as import("./x.js") (or through __vitePreload with that string).
    if (dynamic) for (const m of text.matchAll(/import\(\s*"\.\/([^"]+\.js)"/g)) queue.push(`_astro/${m[1]}`);
  }
  return seen;
}

export function certificatePageFigures(outDir: string): CertificatePageFigures {
  const page = join(outDir, "certificates", "index.html");
  const html = existsSync(page) ? readFileSync(page, "utf8") : "";
  const size = (files: Set<string>) => [...files].reduce((sum, f) => sum + gzip(readFileSync(join(outDir, f))), 0);
  const statics = reachable(outDir, html, false);
  const all = reachable(outDir, html, true);
  const index = join(outDir, "registry", "index.json");
  return {
    pages: htmlFiles(join(outDir, "certificates")).length,
    certificates: existsSync(index) ? (JSON.parse(readFileSync(index, "utf8")) as { count: number }).count : 0,
    staticJsGzip: size(statics),
    withDynamicJsGzip: size(all),
    dynamicChunks: Object.fromEntries([...all].filter((f) => !statics.has(f)).map((f) => [f, gzip(readFileSync(join(outDir, f)))])),
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function certificatePageTable(f: CertificatePageFigures): string {
  return [
    `Printable certificate page: ${f.pages} page(s) under certificates/ for ${f.certificates} certificates ${f.pages === 1 ? "PASS" : "FAIL (expected 1)"}; JS gzip ${kb(f.staticJsGzip)} before input, ${kb(f.withDynamicJsGzip)} with the certificate chunks`,
    ...Object.entries(f.dynamicChunks).map(([file, bytes]) => `  import(): ${file} ${kb(bytes)}`),
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const f = certificatePageFigures(process.argv[2] ?? process.env.DIST_DIR ?? "dist");
  console.log(certificatePageTable(f));
  if (f.pages !== 1) process.exitCode = 1;
}
