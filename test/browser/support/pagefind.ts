/** Runs pagefind searches inside a real page, the way the search page does. */
import type { Page } from "playwright-core";
import { pagefindRanking } from "../../../src/lib/search/pagefind-ranking.ts";

export async function pagefindSearch(page: Page, bundle: string, query: string, kind?: string): Promise<string[]> {
  // Passed as source text: vitest would rewrite a dynamic import() inside a function.
  const args = JSON.stringify({ bundle, query, kind, ranking: pagefindRanking });
  return page.evaluate(`(async ({ bundle, query, kind, ranking }) => {
    const api = await import(bundle + "pagefind.js");
    await api.options({ ranking });
    const found = await api.search(query, kind ? { filters: { kind } } : {});
    const data = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    return data.map((d) => d.url);
  })(${args})`);
}
