import { sweepCsv } from '../../scenario/sweep/sweepCsv.ts';
import type { ShownSweep } from '../../state/shownSweep.ts';
import { download } from '../share/download.ts';

/** Save the shown sweep's cells (those computed so far) as a CSV file. */
export function ExportCsvButton({ entry }: { entry: ShownSweep }) {
  const result = entry.result;
  return (
    <button
      type="button"
      disabled={!result || result.done === 0}
      title="One row per computed run: its setting, seed and metric"
      onClick={() => {
        if (!result) return;
        const kind = result.plan.sweep.kind;
        download(`sweep-${kind}.csv`, sweepCsv(result), 'text/csv');
      }}
    >
      Export CSV
    </button>
  );
}
