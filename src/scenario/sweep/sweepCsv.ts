import { cellIndices } from './sweepCells.ts';
import { endName } from './sweepOutput.ts';
import type { SweepMetric } from './sweep.ts';
import type { SweepResult } from './sweepResult.ts';

/** The metric's column name: `final_loss`, `best_loss`, `steps_to_0.001`. */
export const metricName = (m: SweepMetric) =>
  typeof m === 'string' ? m : `steps_to_${m.steps_to}`;

/**
 * A sweep as CSV, one row per cell in cell order: `seed`, then each axis by its name (lr's
 * `run` is the run's index in `runs`, from 0, as in the scenario file), then the metric
 * (`inf` where the run diverged or never reached the loss, empty where the cell is not
 * computed yet), and for a basin map `end` (`minimum 0`, `diverged`, `moving`) with the
 * minimum's coordinates. Numbers are written in full (shortest round-trip form).
 */
export function sweepCsv(result: SweepResult): string {
  const { plan } = result;
  const kind = plan.sweep.kind;
  const header = kind === 'seeds' ? ['seed'] : ['seed', ...plan.names];
  header.push(metricName(plan.sweep.metric));
  if (result.ends) header.push('end', 'end_x', 'end_y');
  const lines = [header.join(',')];
  for (let c = 0; c < plan.cells; c++) {
    const { seed, at } = cellIndices(plan, c);
    const row: (string | number)[] = [plan.seeds[seed]];
    if (kind !== 'seeds') at.forEach((i, a) => row.push(plan.axes[a][i]));
    const v = result.values[c];
    row.push(Number.isNaN(v) ? '' : v === Infinity ? 'inf' : v);
    if (result.ends) {
      const end = Number.isNaN(v) ? null : result.ends[c];
      const m = end !== null && end >= 0 ? plan.minima[end] : null;
      row.push(end === null ? '' : endName(end), m ? m[0] : '', m ? m[1] : '');
    }
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}
