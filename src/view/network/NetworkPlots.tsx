import { useMemo } from 'react';
import { sim } from '../../state/simulation.ts';
import { actions } from '../../state/store.ts';
import { useLab, useSimulationVersion } from '../../state/useLab.ts';
import { runColor, runLabel } from '../palette.ts';
import { PlotCanvas } from '../plots/PlotCanvas.tsx';
import { runEntries } from '../plots/plotSeries.ts';
import { mlpLayers } from '../../models/mlp.ts';
import { linePlot, sharpnessPlot, trustPlot } from './analysisPlots.ts';
import { IterateSelect, iterateName } from './IterateSelect.tsx';

/** The network lab's plots beyond the step plots: the loss along a line, and the sharpness. */
export function NetworkPlots() {
  useSimulationVersion();
  const network = useLab((s) => s.network);
  const runs = useLab((s) => s.scenario.runs);
  const steps = useLab((s) => s.scenario.steps);
  const picture = sim.network;
  const results = sim.results;
  const analysis = network?.analysis ?? null;
  const line = useMemo(() => {
    const p = picture?.line ?? null;
    const ends = p
      ? `t = 0: ${iterateName(runs, p.from)}, t = 1: ${iterateName(runs, p.to)} · log scale`
      : '';
    return linePlot(p, ends);
  }, [picture, runs]);
  const selected = useLab((s) => s.selectedRun);
  const entries = useMemo(
    () => runEntries(runs, results, runLabel, runColor, null),
    [runs, results],
  );
  const sharp = useMemo(
    () => sharpnessPlot(entries, picture?.sharpness ?? null, steps),
    [picture, entries, steps],
  );
  // The selected run's, or the first visible run's that has them (LARS, LAMB).
  const trust = useMemo(() => {
    if (!network || !picture) return null;
    const layers = mlpLayers(network.model, picture.train.classes);
    const e =
      entries.find((x) => x.run === selected && x.result.trustRatios) ??
      entries.find((x) => x.result.trustRatios) ??
      null;
    return trustPlot(e, layers, steps);
  }, [entries, selected, network, picture, steps]);
  if (!analysis) return null;

  const end = (which: 'from' | 'to', label: string) => (
    <IterateSelect
      runs={runs}
      label={label}
      value={analysis.line[which]}
      onChange={(p) => actions.setAnalysis({ line: { ...analysis.line, [which]: p } })}
    />
  );

  return (
    <>
      <PlotCanvas
        data={line}
        tools={
          <span className="line-ends">
            {end('from', 'The line’s start (t = 0)')} → {end('to', 'The line’s end (t = 1)')}
          </span>
        }
      />
      <PlotCanvas
        data={sharp}
        tools={
          <button
            type="button"
            className="plot-toggle"
            aria-pressed={analysis.sharpness}
            title="Measure each run’s top Hessian eigenvalue at 21 checkpoints (power iteration on exact Hessian-vector products; a few seconds)"
            onClick={() => actions.setAnalysis({ sharpness: !analysis.sharpness })}
          >
            measure
          </button>
        }
      />
      {trust && <PlotCanvas data={trust} />}
    </>
  );
}
