/** The few descriptive statistics the class report needs, over plain number arrays. */

export const mean = (xs: readonly number[]): number | undefined => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : undefined);

/**
 * Pearson correlation; with one variable 0/1 it is the point-biserial. Undefined when
 * fewer than two pairs or either variable does not vary (everyone right, or everyone
 * with the same rest score): there is then nothing to correlate.
 */
export function correlation(xs: readonly number[], ys: readonly number[]): number | undefined {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return undefined;
  const mx = (mean(xs.slice(0, n)) as number);
  const my = (mean(ys.slice(0, n)) as number);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Sums of fractions such as 1/3 leave rounding dust where the true variance is 0.
  if (sxx < 1e-12 || syy < 1e-12) return undefined;
  const r = sxy / Math.sqrt(sxx * syy);
  // The same dust in the covariance: a correlation that is 0 on paper must not come out as
  // -3e-17 and flag an item as discriminating negatively.
  return Math.abs(r) < 1e-9 ? 0 : r;
}

/** Rounded for display and CSV; undefined stays undefined. */
export const round = (x: number | undefined, places = 2): number | undefined =>
  x === undefined ? undefined : Math.round(x * 10 ** places) / 10 ** places + 0;

/** Counts of values in equal-width bins over [0, 1] (the last bin includes 1). */
export function histogram(fractions: readonly number[], bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const f of fractions) counts[Math.min(bins - 1, Math.max(0, Math.floor(f * bins)))]++;
  return counts;
}
