import type { SweepResult } from '../../scenario/sweep/sweepResult.ts';

/** A seed fan's computed paths (flat [x0, y0, x1, y1, …] each), those not computed left out. */
export const fanPaths = (r: SweepResult): Float64Array[] =>
  (r.paths ?? []).filter((p): p is Float64Array => p !== null);

/**
 * The fan's mean path: iterate by iterate, the mean over the seeds whose path has a finite
 * point there (a diverged seed stops counting where it left); NaN where none has.
 */
export function fanMean(paths: readonly Float64Array[]): Float64Array {
  const n = paths.reduce((m, p) => Math.max(m, p.length / 2), 0);
  const mean = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    let sx = 0;
    let sy = 0;
    let count = 0;
    for (const p of paths)
      if (2 * k + 1 < p.length && Number.isFinite(p[2 * k]) && Number.isFinite(p[2 * k + 1])) {
        sx += p[2 * k];
        sy += p[2 * k + 1];
        count++;
      }
    mean[2 * k] = count ? sx / count : NaN;
    mean[2 * k + 1] = count ? sy / count : NaN;
  }
  return mean;
}
