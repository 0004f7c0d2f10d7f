/**
 * One grid point's values over the seeds, summarised for drawing: the median (what the line,
 * the heatmap cell and "best" read) and the least and greatest finite values (the band). A
 * diverged seed holds Infinity (sweep.ts): the median is then still finite while most seeds
 * finished, and the band covers the finite ones only. NaN is a cell not computed yet (partial
 * results): left out, and a point with no seed computed is NaN, drawn as nothing.
 */
export interface SeedSummary {
  median: number;
  lo: number;
  hi: number;
}

/** Summarise one point's values (one per seed). */
export function summariseSeeds(values: readonly number[]): SeedSummary {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: NaN, lo: NaN, hi: NaN };
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of sorted)
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return lo <= hi ? { median, lo, hi } : { median, lo: NaN, hi: NaN };
}

/** The index of the least finite value (the first of equals), or -1 when none is finite. */
export function argminFinite(values: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < values.length; i++)
    if (Number.isFinite(values[i]) && (best < 0 || values[i] < values[best])) best = i;
  return best;
}
