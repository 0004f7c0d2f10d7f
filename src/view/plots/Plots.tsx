import { useMemo, useState } from 'react';
import { sim } from '../../state/simulation.ts';
import { useLab, useSimulationVersion } from '../../state/useLab.ts';
import { criticalPointsOf, minimaPositions } from '../map/criticalPointsOf.ts';
import { runColor, runLabel } from '../palette.ts';
import { PlotCanvas } from './PlotCanvas.tsx';
import { LrFinderPlot } from './LrFinderPlot.tsx';
import { NetworkPlots } from '../network/NetworkPlots.tsx';
import { SweepResults } from '../sweep/SweepResults.tsx';
import { finderData } from './lrFinderData.ts';
import { distancePlot, gradPlot, lossPlot, lrPlot, runEntries } from './plotSeries.ts';
import './plots.css';

/**
 * Four plots under the view, one line per visible run, synchronised with the playhead: loss,
 * learning rate, gradient norm and distance to the nearest known minimum. Recomputed when the
 * simulation is; the cursor moves per frame without React.
 */
export function Plots() {
  useSimulationVersion();
  const scenario = useLab((s) => s.scenario);
  const results = sim.results;
  const domain = sim.built?.domain ?? null;
  // null: log scale chosen automatically (when the schedule spans two decades).
  // A network has no known minima to measure a distance to.
  const inNetwork = useLab((s) => s.network !== null);
  const [lrLog, setLrLog] = useState<boolean | null>(null);

  // Only what the plots read: a view-only edit (camera, 2D/3D, log height) redraws nothing.
  const { runs, surface, steps } = scenario;
  const entries = useMemo(
    () => runEntries(runs, results, runLabel, runColor, domain),
    [runs, results, domain],
  );
  const [loss, grad, dist] = useMemo(() => {
    const points = inNetwork ? [] : criticalPointsOf(surface);
    let knownMin: number | null = null;
    for (const p of points)
      if (p.kind === 'global-min') {
        const f = p.exact?.f ?? p.f;
        if (knownMin === null || f < knownMin) knownMin = f;
      }
    return [
      lossPlot(entries, steps, knownMin),
      gradPlot(entries, steps),
      distancePlot(entries, steps, minimaPositions(points)),
    ];
  }, [entries, surface, steps, inNetwork]);

  const lr = useMemo(() => lrPlot(entries, steps, lrLog), [entries, steps, lrLog]);
  // The LR range test's own plot, when a visible run sweeps the lr.
  const finder = useMemo(() => finderData(entries, runs, steps), [entries, runs, steps]);

  return (
    <div className="plots" role="group" aria-label="Plots against the step">
      <SweepResults />
      {finder && <LrFinderPlot data={finder} />}
      <PlotCanvas data={loss} />
      <PlotCanvas
        data={lr}
        tools={
          <button
            type="button"
            className="plot-toggle"
            aria-pressed={lr.log}
            aria-label="Log scale for the learning rate"
            title="Log scale"
            onClick={() => setLrLog(!lr.log)}
          >
            log
          </button>
        }
      />
      <PlotCanvas data={grad} />
      {inNetwork ? <NetworkPlots /> : <PlotCanvas data={dist} />}
    </div>
  );
}
