/**
 * Pages the site search indexes although they carry no `data-pagefind-body` of their own
 * (pagefind skips every page without it once any page has it). They are about the site
 * rather than the curriculum: how to check a certificate, what certification asks and how
 * certificates are issued. Not indexed: the learner's own pages, the exam, quiz pages,
 * lists that only repeat titles already indexed, township pages (they name people), and
 * the authoring and trainer guides, whose sample text outranked the lessons for
 * everyday questions (measured on test/relevance/questions.yaml).
 */
export const extraIndexedPages = ["verify/", "certification/", "certificates/"] as const;

/**
 * The page's HTML with its `<main>` marked for indexing (its header, navigation and footer
 * stay out of the index, as on every other page); undefined when it has no `<main>`.
 */
export function markMainForIndex(html: string): string | undefined {
  const main = /<main(?=[\s>])/i.exec(html);
  if (!main) return undefined;
  const at = main.index + main[0].length;
  return `${html.slice(0, at)} data-pagefind-body${html.slice(at)}`;
}
