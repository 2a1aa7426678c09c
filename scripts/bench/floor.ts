/**
 * The floor a page is compared with: the same text as a plain page, built here from a
 * lesson's own words. One HTML file, system fonts, no stylesheet, no script: what a
 * lesson would cost if it were nothing but its text (issue #15: about 5.4 KB gzip for
 * 2,000 Chinese characters). Every page type's first load is shown beside it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface Floor {
  /** The lesson the text comes from (build-output path). */
  page: string;
  /** Characters of text kept (CJK and other, whitespace collapsed). */
  characters: number;
  bytes: number;
  gzip: number;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&");
const encode = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The text blocks (headings, paragraphs, list items) of a page's <main>, in order. */
export function textBlocks(html: string): string[] {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(html)?.[1] ?? html;
  const withoutCode = main.replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1>/gi, "");
  const blocks: string[] = [];
  for (const m of withoutCode.matchAll(/<(h[1-6]|p|li|dt|dd|summary|blockquote|td|th)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
    const text = decode(m[2]!.replace(/<[^>]+>/g, "")).replace(/\s+/g, " ").trim();
    if (text) blocks.push(text);
  }
  return blocks;
}

/** The plain page for a lesson's text: the title as <h1>, each block as a paragraph. */
export function floorPage(title: string, blocks: readonly string[]): string {
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${encode(title)}</title></head><body><main>`,
    ...blocks.map((b, i) => (i === 0 ? `<h1>${encode(b)}</h1>` : `<p>${encode(b)}</p>`)),
    "</main></body></html>",
  ].join("\n");
}

/** The floor from one built lesson page (`courses/x/y/index.html`). */
export function floorOf(outDir: string, page: string): Floor {
  const html = readFileSync(join(outDir, page), "utf8");
  const title = decode(/<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? "").trim();
  const blocks = textBlocks(html);
  const plain = floorPage(title, blocks);
  return { page, characters: blocks.join("").length, bytes: Buffer.byteLength(plain), gzip: gzipSync(plain, { level: 9 }).length };
}
