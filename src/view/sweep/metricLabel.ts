import { fmtNum } from '../../engine/formatNumber.ts';
import type { SweepMetric } from '../../scenario/sweep/sweep.ts';

/** A sweep's metric in words: "final loss", "best loss", "steps to loss ≤ 0.001". */
export function metricLabel(m: SweepMetric): string {
  if (m === 'final_loss') return 'final loss';
  if (m === 'best_loss') return 'best loss';
  return `steps to loss ≤ ${fmtNum(m.steps_to, 3)}`;
}

/** What "Tune fairly" claims, for the legend: "tuned: best final loss at 300 steps". */
export function tunedNote(m: SweepMetric, steps: number, seeds: number): string {
  const what =
    m === 'final_loss'
      ? 'best final loss'
      : m === 'best_loss'
        ? 'lowest best loss'
        : `fewest ${metricLabel(m)}`;
  const over = seeds > 1 ? ` (median of ${seeds} seeds)` : '';
  return `tuned: ${what} at ${steps} steps${over}`;
}
