/**
 * Tidies an excerpt from pagefind. pagefind joins the text of neighbouring elements with
 * ". ", an English sentence break: in Chinese text it shows as a stray ". " at the start of
 * an excerpt (《民事诉讼法》… after a heading) and as "司法确认. 双方…" inside it. The excerpt
 * is pagefind's HTML (escaped text plus <mark>); only the separators are touched.
 */
const cjkEnd = /[\u3400-\u9fff\uf900-\ufaff》」』”）)]/u;

export function cleanExcerpt(html: string): string {
  // A break at the very start (possibly just before a <mark>) is dropped.
  let out = html.replace(/^(?:\s*\.(?:\s+|$))+/u, "");
  // A break after Chinese punctuation is dropped; after other Chinese text it becomes "。".
  out = out.replace(/([。！？；：，、])\.(?=\s|$)\s*/gu, "$1");
  out = out.replace(/(.)(<\/mark>)?\.(?:\s+|$)/gu, (match, before: string, mark: string | undefined) =>
    cjkEnd.test(before) ? `${before}${mark ?? ""}。` : match,
  );
  return out.trim();
}
