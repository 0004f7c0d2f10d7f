import type { SweepResult } from '../../scenario/sweep/sweepResult.ts';
import { basinCounts } from './basinColors.ts';

/**
 * What the basin overlay's colours mean, with the share of start points each outcome takes; by
 * the metric, the colour map's ends.
 */
export function BasinLegend({ result, byMetric }: { result: SweepResult; byMetric: boolean }) {
  if (byMetric)
    return (
      <p className="muted sweep-legend">
        {result.plan.minima.length === 0 && 'This surface has no known minima to name. '}
        Each start point coloured by its run’s metric: dark purple lowest, yellow highest, black
        diverged.
      </p>
    );
  const rows = basinCounts(result);
  const total = rows.reduce((a, r) => a + r.cells, 0) || 1;
  return (
    <ul className="sweep-legend" aria-label="Basins legend">
      {rows.map((r) => (
        <li key={r.end}>
          <span className="plot-swatch sweep-swatch" style={{ background: r.color }} />
          {r.label}: {Math.round((100 * r.cells) / total)}%
        </li>
      ))}
    </ul>
  );
}
