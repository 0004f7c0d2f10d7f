import { useMemo } from 'react';
import { shown } from '../../state/shownSweep.ts';
import { actions } from '../../state/store.ts';
import { useLab } from '../../state/useLab.ts';
import { useShownSweepVersion } from '../../state/useShownSweep.ts';
import { runColor, runLabel } from '../palette.ts';
import { HeatmapPlot } from './HeatmapPlot.tsx';
import { metricLabel, tunedNote } from './metricLabel.ts';
import { SensitivityPlot } from './SensitivityPlot.tsx';
import { allTuned, bestLrs, sensitivityData } from './sensitivityData.ts';
import { heatmapData } from './heatmapData.ts';
import './sweep.css';

/**
 * The shown sweep's picture above the step plots: the lr sensitivity curves (with Tune fairly)
 * or the hyperparameter map, drawn from the cells that have arrived so far. Basin maps and seed
 * fans are drawn on the map instead (drawSweepOverlay.ts).
 */
export function SweepResults() {
  const version = useShownSweepVersion();
  const current = useLab((s) => s.scenario.runs);
  // After a run is added or removed the cells' run indices name other runs: the picture keeps
  // the runs it was computed for (and a click no longer sets anything) until Compute again.
  const computedRuns = shown.sweep?.scenario.runs;
  const sameRuns = !computedRuns || computedRuns.length === current.length;
  const runs = sameRuns ? current : computedRuns;
  const steps = useLab((s) => s.scenario.steps);
  const result = shown.sweep?.result ?? null;
  const sweep = result?.plan.sweep;

  const lr = useMemo(
    () =>
      result && sweep?.kind === 'lr'
        ? sensitivityData(result.plan, result.values, runs, runLabel, runColor)
        : null,
    // The result is filled in place: its version says when cells arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [result, sweep, runs, version],
  );
  // One map, or one per run side by side (a grid2 over every run: its first axis the runs).
  const maps = useMemo(
    () =>
      result && sweep?.kind === 'grid2'
        ? sweep.run === null
          ? result.plan.axes[0].map((r, k) =>
              heatmapData(result.plan, result.values, runs[r] ?? null, k),
            )
          : [heatmapData(result.plan, result.values, runs[sweep.run] ?? null)]
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [result, sweep, runs, version],
  );
  if (!result || !sweep) return null;
  const metric = metricLabel(sweep.metric);
  const progress =
    result.done < result.plan.cells
      ? ` · ${result.done.toLocaleString('en-US')} of ${result.plan.cells.toLocaleString('en-US')} runs so far`
      : '';
  // The budget the runs were swept under (the steps they were computed for).
  const sweptSteps = shown.sweep?.scenario.steps ?? steps;

  if (lr) {
    const tuned = allTuned(lr) && result.done === result.plan.cells;
    return (
      <figure className="plot sweep-plot" aria-label="Learning-rate sensitivity">
        <figcaption className="plot-head">
          <span className="plot-title">
            {metric} vs learning rate
            {lr.seeds > 1 ? ` (median and range of ${lr.seeds} seeds)` : ''}
          </span>
          <span className="sweep-key" aria-label="Sensitivity legend">
            {lr.curves.map((c) => (
              <span key={c.run}>
                <span className="plot-swatch" style={{ background: c.color }} />
                {c.label}
              </span>
            ))}
            {tuned && (
              <strong className="sweep-tuned">
                {tunedNote(sweep.metric, sweptSteps, lr.seeds)}
              </strong>
            )}
          </span>
          <button
            type="button"
            className="sweep-tune"
            disabled={result.done < result.plan.cells || !sameRuns}
            title={`Set every swept run to the lr with its best ${metric} at ${sweptSteps} steps: the same budget for each`}
            onClick={() => sameRuns && actions.setRunLrs(bestLrs(lr))}
          >
            Tune fairly
          </button>
        </figcaption>
        <SensitivityPlot
          data={lr}
          metric={metric}
          onPick={(run, v) => sameRuns && actions.setRunValues(run, { lr: v })}
        />
        <p className="plot-caption">
          log lr · {lr.log ? 'log' : 'linear'} {metric} · dashed: each run’s lr now · ○ its best · ×
          diverged · click a point to use its lr{progress}
        </p>
      </figure>
    );
  }
  if (maps) {
    const plots = maps.map((map) => {
      const run = map.run;
      const r = runs[run];
      return (
        <HeatmapPlot
          key={run}
          data={map}
          metric={metric}
          label={r ? `run ${run + 1} (${runLabel(r)})` : `run ${run + 1}`}
          note={progress}
          onPick={(x, y) =>
            sameRuns && actions.setRunValues(run, { [map.names[0]]: x, [map.names[1]]: y })
          }
        />
      );
    });
    return plots.length === 1 ? plots[0] : <div className="sweep-maps">{plots}</div>;
  }
  return null;
}
