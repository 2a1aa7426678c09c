/**
 * Pages the site search indexes although they carry no `data-pagefind-body` of their own
 * (pagefind skips every page without it once any page has it). They are about the site
 * rather than the curriculum: how to check a certificate, what certification asks, how to
 * write lessons and cases. Not indexed: the learner's own pages, the exam, quiz pages and
 * lists that only repeat titles already indexed, and township pages, which name people.
 */
export const extraIndexedPages = ["verify/", "certification/", "certificates/", "authoring/", "authoring/scenarios/", "trainers/"] as const;

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
