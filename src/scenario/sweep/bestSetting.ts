import type { SweepResult } from './sweepResult.ts';

/**
 * The mean over seeds of each grid point's value (a single seed's values as they are): a point
 * where any seed diverged is Infinity, so the best point never blows up on some seed. NaN
 * where a seed's cell is not computed yet.
 */
export function meanOverSeeds(result: SweepResult): Float64Array {
  const { cellsPerSeed: n, seeds } = result.plan;
  const out = new Float64Array(n);
  for (let s = 0; s < seeds.length; s++)
    for (let i = 0; i < n; i++) out[i] += result.values[s * n + i];
  for (let i = 0; i < n; i++) out[i] /= seeds.length;
  return out;
}

/**
 * "Tune fairly": for each run of an lr sweep (in the order of its `run` axis), the lr with the
 * least mean value over seeds under the sweep's metric and the scenario's steps, the smaller
 * lr on a tie; null where every lr diverged (or never reached the loss).
 */
export function bestLrs(result: SweepResult): (number | null)[] {
  const { plan } = result;
  if (plan.sweep.kind !== 'lr') throw new Error('bestLrs needs an lr sweep');
  const mean = meanOverSeeds(result);
  const lrs = plan.axes[1];
  return plan.axes[0].map((_, r) => {
    let best: number | null = null;
    let bestValue = Infinity;
    for (let i = 0; i < lrs.length; i++) {
      const v = mean[r * lrs.length + i];
      if (v < bestValue) {
        bestValue = v;
        best = lrs[i];
      }
    }
    return best;
  });
}
