/**
 * Build-time only: the strings one element needs, for its `strings` attribute, so a page
 * never ships the whole dictionary. Selectors are exact keys (`nav.me`), prefixes
 * (`quiz.*`) and exclusions (`!quiz.page.*`), applied in order.
 */
import { zhCN } from "./zh-CN.ts";
import type { Strings } from "./fill.ts";

export function pick(...selectors: string[]): Strings {
  const keys = new Set<string>();
  for (const selector of selectors) {
    const exclude = selector.startsWith("!");
    const pattern = exclude ? selector.slice(1) : selector;
    const matches = Object.keys(zhCN).filter((key) => (pattern.endsWith("*") ? key.startsWith(pattern.slice(0, -1)) : key === pattern));
    // A typo would silently drop labels from the page: fail the build instead.
    if (matches.length === 0) throw new Error(`i18n pick: "${selector}" matches no key in src/i18n`);
    for (const key of matches) exclude ? keys.delete(key) : keys.add(key);
  }
  const table: Record<string, string> = zhCN;
  return Object.fromEntries([...keys].map((key) => [key, table[key]!]));
}

/** `pick` as the JSON an element's `strings` attribute takes. */
export const pickJson = (...selectors: string[]): string => JSON.stringify(pick(...selectors));
