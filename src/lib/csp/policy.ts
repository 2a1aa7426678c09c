/**
 * The Content-Security-Policy of a built page: only the site's own scripts and styles run.
 * Files come from the site itself ('self'); every inline <script> and <style> the page was
 * built with is allowed by its hash, and so is every inline style="…" attribute (Shiki's
 * code colours, the scenario graphs' widths) through 'unsafe-hashes'. Anything injected
 * later — a script tag, an onerror="…" handler, a javascript: URL — has no hash and is
 * blocked. Pagefind's search index is WebAssembly, hence 'wasm-unsafe-eval' (which allows
 * compiling wasm, not JS eval).
 *
 * Regex-based, like scripts/bench/page-weight.ts: enough for Astro's own output. The hash
 * function is injected (Node's crypto at build time, a stub in tests), so this stays pure.
 */

/** sha256 of UTF-8 text, as base64 (what CSP's 'sha256-…' sources hold). */
export type Sha256Base64 = (text: string) => string;

export interface InlineParts {
  /** Bodies of inline scripts the browser runs (not JSON or other data blocks). */
  scripts: string[];
  /** Bodies of inline <style> elements. */
  styles: string[];
  /** Values of style="…" attributes, entity-decoded as the browser reads them. */
  styleAttributes: string[];
}

/** Script types a browser executes; `application/json` and the like are data. */
function runnable(type: string): boolean {
  return ["", "module", "text/javascript", "application/javascript"].includes(type.trim().toLowerCase());
}

/** The parser turns CRLF and CR into LF before hashing sees the text. */
function normalise(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** An attribute value as the browser reads it (the character references the build writes). */
function decode(value: string): string {
  const entities: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">" };
  return value.replace(/&(?:#(\d+)|#x([\da-f]+)|(amp|quot|apos|lt|gt));/gi, (_, dec?: string, hex?: string, name?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : entities[name!.toLowerCase()]!,
  );
}

function typeOf(attrs: string): string {
  const m = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]!) : "";
}

export function inlineParts(html: string): InlineParts {
  const scripts: string[] = [];
  const styles: string[] = [];
  // Script and style bodies are raw text: take them out before looking at tags.
  let rest = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi, (_, attrs: string, body: string) => {
    if (!/\bsrc\s*=/i.test(attrs) && runnable(typeOf(attrs))) scripts.push(normalise(body));
    return "";
  });
  rest = rest.replace(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi, (_, body: string) => {
    styles.push(normalise(body));
    return "";
  });
  rest = rest.replace(/<!--[\s\S]*?-->/g, "");
  const styleAttributes: string[] = [];
  for (const [tag] of rest.matchAll(/<[a-z][^\s/>]*(?:\s[^>]*)?>/gi)) {
    for (const m of tag.matchAll(/\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi)) {
      styleAttributes.push(normalise(decode(m[1] ?? m[2] ?? m[3] ?? "")));
    }
  }
  return { scripts, styles, styleAttributes };
}

/** The policy for a page with these inline parts. */
export function policyFor(parts: InlineParts, sha256: Sha256Base64): string {
  function hashes(texts: string[]): string[] {
    return [...new Set(texts)].map((text) => `'sha256-${sha256(text)}'`);
  }
  const styleAttributes = hashes(parts.styleAttributes);
  return [
    ["script-src", "'self'", "'wasm-unsafe-eval'", ...hashes(parts.scripts)],
    ["style-src", "'self'", ...hashes(parts.styles), ...(styleAttributes.length ? ["'unsafe-hashes'", ...styleAttributes] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
  ]
    .map((directive) => directive.join(" "))
    .join("; ");
}

/**
 * The page with its policy as the first element after <meta charset> (or first in <head>),
 * so it governs every script and style that follows. A page that already has a policy is
 * refused rather than given a second, which would only narrow the first unpredictably.
 */
export function withPolicy(html: string, sha256: Sha256Base64): string {
  if (/<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy/i.test(html)) {
    throw new Error("the page already has a Content-Security-Policy meta element");
  }
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(inlineParts(html), sha256)}">`;
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + meta + html.slice(charset.index + charset[0].length);
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error("the page has no <head> to hold its Content-Security-Policy");
  return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
}
