import {
  cancelSweep,
  clearSweep,
  currentSweptScenario,
  shown,
  sweepCurrent,
} from '../../state/shownSweep.ts';
import { actions } from '../../state/store.ts';
import { useLab } from '../../state/useLab.ts';
import { useShownSweepVersion } from '../../state/useShownSweep.ts';
import { BasinLegend } from './BasinLegend.tsx';
import { ExportCsvButton } from './ExportCsvButton.tsx';

const sweepCurrentNow = () => {
  const now = currentSweptScenario();
  return now !== null && sweepCurrent(now);
};

/**
 * The shown sweep's state under the panel's controls: a progress bar with Cancel while it
 * computes, why it stopped, a note when the scenario has changed since, the map overlay's
 * toggle and legend (basins, seed fan), Export CSV and Clear.
 */
export function SweepStatus() {
  useShownSweepVersion();
  // Read for re-rendering; the key compares the swept scenario (the network's in its lab).
  useLab((s) => s.scenario);
  useLab((s) => s.network);
  const overlay = useLab((s) => s.sweepOverlay);
  const entry = shown.sweep;
  if (!entry) return null;
  const result = entry.result;
  const total = result?.plan.cells ?? 1;
  const done = result?.done ?? 0;
  const kind = entry.scenario.sweep?.kind;
  return (
    <div className="sweep-status" aria-live="polite">
      {entry.running && (
        <div className="sweep-progress">
          <label>
            Computing {done.toLocaleString('en-US')} / {total.toLocaleString('en-US')} runs
            <progress max={total} value={done} />
          </label>
          <button type="button" onClick={cancelSweep}>
            Cancel
          </button>
        </div>
      )}
      {entry.error && (
        <p className={entry.error.startsWith('cancelled') ? 'muted' : 'field-error'} role="status">
          {entry.error}
        </p>
      )}
      {!sweepCurrentNow() && !entry.running && (
        <p className="sweep-stale" role="status">
          The scenario has changed since this sweep: Compute again to update it.
        </p>
      )}
      {kind === 'basins' && (
        <label className="sweep-overlay-toggle">
          basins on the map
          <select
            value={overlay}
            onChange={(e) => actions.setSweepOverlay(e.target.value as typeof overlay)}
          >
            <option value="ends">coloured by where each run ends</option>
            <option value="metric">coloured by the metric</option>
            <option value="off">hidden</option>
          </select>
        </label>
      )}
      {kind === 'seeds' && (
        <label className="sweep-overlay-toggle">
          <input
            type="checkbox"
            checked={overlay !== 'off'}
            onChange={(e) => actions.setSweepOverlay(e.target.checked ? 'ends' : 'off')}
          />
          seed fan on the map (faint: each seed; dashed white: their mean)
        </label>
      )}
      {kind === 'basins' && result && overlay !== 'off' && (
        <BasinLegend
          result={result}
          byMetric={overlay === 'metric' || result.plan.minima.length === 0}
        />
      )}
      <div className="sweep-actions">
        {result && <ExportCsvButton entry={entry} />}
        <button
          type="button"
          onClick={() => {
            clearSweep();
            actions.setSweep(null);
          }}
        >
          Clear
        </button>
      </div>
    </div>
  );
}
