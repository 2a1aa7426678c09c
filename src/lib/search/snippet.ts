/**
 * A short excerpt of `text` around the first match of the query, split into plain and
 * marked parts so a view can render <mark> without building HTML from strings.
 */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** Terms worth marking: the query's space-separated words, longest first. */
function markTerms(query: string): string[] {
  const words = query.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean);
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

export function snippet(text: string, query: string, maxChars = 80): SnippetPart[] {
  const terms = markTerms(query);
  const lower = text.toLowerCase();
  const first = terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(maxChars / 4), text.length - maxChars));
  const end = Math.min(text.length, start + maxChars);
  const window = (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  if (terms.length === 0) return [{ text: window, mark: false }];
  const pattern = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi");
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const match of window.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: window.slice(last, at), mark: false });
    parts.push({ text: match[0], mark: true });
    last = at + match[0].length;
  }
  if (last < window.length) parts.push({ text: window.slice(last), mark: false });
  return parts;
}
