/**
 * Tokenisers for Chinese search with lunr. lunr's own pipeline splits on whitespace and
 * trims away CJK characters, so it finds nothing in Chinese. Two strategies, chosen by
 * measurement (see test/relevance and `npm run bench`):
 *  - "words": dictionary segmentation with Intl.Segmenter (what lunr-languages' `zh`
 *    falls back to without a native module), in Node and every current browser;
 *  - "ngrams": every CJK character and every pair of neighbouring characters;
 *  - "combined": both.
 * Latin letters and digits become ordinary lowercase words. Article numbers are indexed
 * both ways: 第二十八条 also yields "28", so "28" and "第二十八条" find the same provision.
 */

export type TokenStrategy = "words" | "ngrams" | "combined";

const cjkRun = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const latinRun = /[a-z0-9]+/g;
const articlePattern = /第([零〇一二两三四五六七八九十百千\d]+)条/g;

const numeralValues: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const unitValues: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 二十八 → 28, 一千零六十七 → 1067, 十 → 10, "28" → 28; NaN when not a numeral. */
export function parseChineseNumeral(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  for (const char of text) {
    if (char in numeralValues) digit = numeralValues[char];
    else if (char in unitValues) {
      total += (digit || 1) * unitValues[char];
      digit = 0;
    } else return Number.NaN;
  }
  return total + digit;
}

let segmenter: Intl.Segmenter | undefined;
function words(run: string): string[] {
  segmenter ??= new Intl.Segmenter("zh-CN", { granularity: "word" });
  return [...segmenter.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** Overlapping bigrams; a lone character stands for itself. */
function ngrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Tokens of `text` for the given strategy; the same function serves documents and queries. */
export function tokenize(text: string, strategy: TokenStrategy): string[] {
  const normalised = text.normalize("NFKC").toLowerCase();
  const tokens: string[] = [];
  for (const match of normalised.matchAll(articlePattern)) {
    const n = parseChineseNumeral(match[1]);
    if (Number.isFinite(n) && n > 0) tokens.push(String(n));
  }
  for (const match of normalised.matchAll(latinRun)) tokens.push(match[0]);
  for (const match of normalised.matchAll(cjkRun)) {
    const run = match[0];
    if (strategy !== "ngrams") tokens.push(...words(run));
    if (strategy !== "words") tokens.push(...ngrams(run));
  }
  return tokens;
}

/** Tokens for a query: like documents, but without duplicates (each term once). */
export const queryTokens = (query: string, strategy: TokenStrategy): string[] => [...new Set(tokenize(query, strategy))];
