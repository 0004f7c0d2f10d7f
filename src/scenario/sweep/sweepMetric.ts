import type { RunResult } from '../../engine/run.ts';
import type { SweepMetric } from './sweep.ts';

/**
 * A run's number under a sweep's metric (sweep.ts defines them): Infinity for a diverged run,
 * and for `steps_to` a run that never gets to the loss.
 */
export function metricOf(r: RunResult, metric: SweepMetric): number {
  if (r.divergedAt !== null) return Infinity;
  const n = r.points;
  const losses = r.losses;
  if (metric === 'final_loss') return losses[n - 1];
  if (metric === 'best_loss') {
    let best = Infinity;
    for (let k = 0; k < n; k++) if (losses[k] < best) best = losses[k];
    return best;
  }
  const target = metric.steps_to;
  for (let k = 0; k < n; k++) if (losses[k] <= target) return k;
  return Infinity;
}
