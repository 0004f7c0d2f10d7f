import type { RunResult } from '../engine/run.ts';
import type { Scenario } from './scenario.ts';
import { runLabel } from './runLabel.ts';
import { toSimulatedRun, type SimulatedRun } from './simulateOutput.ts';

/**
 * Download formats for a scenario's results: a CSV table (one row per iterate, for
 * spreadsheets and pandas) and JSON (the `simulate` output plus the scenario that made it).
 */

const CSV_COLUMNS = ['run', 'label', 'optimizer', 'step', 'x', 'y', 'loss', 'lr', 'grad_norm'];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * A label from a shared link is untrusted, and spreadsheets run a cell that starts with = + - @
 * (or a tab / carriage return) as a formula, so such text gets a leading apostrophe (OWASP's
 * advice for CSV injection). Numbers are written in the shortest form that round-trips, and
 * non-finite ones as inf, -inf and nan, which Python, pandas and spreadsheets read.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return String(value);
  }
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Columns run, label, optimizer, step, x, y, loss, lr, grad_norm, then as any run needs them:
 * swa_x, swa_y (SWA's average, empty before its averaging starts); <id>_x, <id>_y for each side
 * path id of any run's optimizer (ASGD's ax_x, ax_y; Schedule-Free's x_x, x_y), empty where
 * that run has no value; and evaluations, the closure calls of the step that produced this
 * iterate (LBFGS), empty at step 0 and for runs that do not evaluate through the closure.
 * `run` counts from 1; `lr` is the learning rate step k used to leave iterate k, so the last
 * iterate of a run has none. Lines end with CRLF, as RFC 4180 says.
 */
export function exportTrajectoriesCSV(s: Scenario, results: readonly RunResult[]): string {
  const swa = results.some((r) => r.swa !== null);
  // Side path ids in the order they first appear. An optimizer's 'swa' would collide with SWA's
  // columns (none has one): it gets its own prefix.
  const sideIds: string[] = [];
  for (const r of results)
    for (const p of r.sidePaths)
      if (!sideIds.includes(sideColumn(p.id))) sideIds.push(sideColumn(p.id));
  const evaluations = results.some((r) => r.evaluations !== null);
  const header = [...CSV_COLUMNS];
  if (swa) header.push('swa_x', 'swa_y');
  for (const id of sideIds) header.push(`${id}_x`, `${id}_y`);
  if (evaluations) header.push('evaluations');
  const rows = [header.map(csvField).join(',')];
  results.forEach((r, i) => {
    const label = csvField(runLabel(s.runs[i]));
    const optimizer = csvField(s.runs[i].optimizer);
    const sides = sideIds.map((id) => r.sidePaths.find((p) => sideColumn(p.id) === id) ?? null);
    for (let k = 0; k < r.points; k++) {
      const lr = k < r.points - 1 ? r.lrs[k] : null;
      const fields = [
        String(i + 1),
        label,
        optimizer,
        String(k),
        csvField(r.trajectory[2 * k]),
        csvField(r.trajectory[2 * k + 1]),
        csvField(r.losses[k]),
        csvField(lr),
        csvField(r.gradNorms[k]),
      ];
      if (swa) pushPoint(fields, r.swa, k);
      for (const p of sides) pushPoint(fields, p?.values ?? null, k);
      if (evaluations)
        fields.push(csvField(r.evaluations && k > 0 ? r.evaluations.counts[k - 1] : null));
      rows.push(fields.join(','));
    }
  });
  return `${rows.join('\r\n')}\r\n`;
}

/** The column prefix of an optimizer's side path. */
const sideColumn = (id: string): string => (id === 'swa' ? 'optimizer_swa' : id);

/** Point k of a flat path as two fields, empty where there is none (the engine's NaN). */
function pushPoint(fields: string[], values: Float64Array | null, k: number): void {
  const has = values !== null && !Number.isNaN(values[2 * k]);
  fields.push(csvField(has ? values[2 * k] : null), csvField(has ? values[2 * k + 1] : null));
}

export interface TrajectoriesJSON {
  scenario: Scenario;
  runs: (SimulatedRun & { label: string })[];
}

/** The `simulate` output for the results, each run with its label, plus the scenario itself. */
export function exportTrajectoriesJSON(s: Scenario, results: readonly RunResult[]): string {
  const out: TrajectoriesJSON = {
    scenario: s,
    runs: results.map((r, i) => ({
      ...toSimulatedRun(s.runs[i].optimizer, r),
      label: runLabel(s.runs[i]),
    })),
  };
  return JSON.stringify(out);
}
