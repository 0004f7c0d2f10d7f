import { describe, expect, it } from 'vitest';
import { parseModelScenario } from '../../../src/scenario/modelScenario.ts';
import { runModelScenario } from '../../../src/scenario/runModelScenario.ts';
import { lineProfile, sharpnessTrack } from '../../../src/scenario/networkAnalysis.ts';
import { mlpLayers } from '../../../src/models/mlp.ts';
import { runEntries, xAt } from '../../../src/view/plots/plotSeries.ts';
import { linePlot, sharpnessPlot, trustPlot } from '../../../src/view/network/analysisPlots.ts';

const s = parseModelScenario({
  model: { data: { name: 'xor', n: 40, noise: 0.1, seed: 3 }, hidden: [4], batch_size: 40 },
  steps: 30,
  runs: [
    { optimizer: 'sgd', params: { lr: 0.4 } },
    { optimizer: 'lamb', params: { lr: 0.02 } },
  ],
});
const { built, results } = runModelScenario(s);
const entries = runEntries(
  s.runs,
  results,
  (r) => r.optimizer,
  () => '#fff',
  null,
);

describe('the network lab’s extra plots', () => {
  it('draws the line over t, its ends at 0 and 1', () => {
    const p = linePlot(lineProfile(built, results, { run: 0, step: 0 }, { run: 1, step: -1 }), '');
    expect(p.axis).toEqual({ from: -0.5, to: 1.5, name: 't' });
    expect(p.series.map((x) => x.label)).toEqual(['train loss', 'test loss']);
    expect(xAt(p, p.steps / 4)).toBe('t = 0');
    expect(xAt(p, (3 * p.steps) / 4)).toBe('t = 1');
  });

  it('puts each run’s sharpness at its checkpoints beside 2/lr', () => {
    const tracks = results.map((r) => sharpnessTrack(built, r));
    const p = sharpnessPlot(entries, tracks, s.steps);
    expect(p.series.map((x) => x.label)).toEqual(['sgd', '2/lr, sgd', 'lamb', '2/lr, lamb']);
    expect(p.series[1].values[0]).toBe(2 / 0.4);
    expect(p.series[1].dash).toBe(true);
    // Measured where the track was, joined between.
    const k = tracks[0].steps[1];
    expect(p.series[0].raw[k]).toBe(tracks[0].values[1]);
    expect(Number.isNaN(p.series[0].raw[k - 1])).toBe(true);
    expect(Number.isNaN(p.series[0].values[k - 1])).toBe(false);
    // Without a measurement, it says how to get one.
    expect(sharpnessPlot(entries, null, s.steps).empty).toMatch(/press measure/);
  });

  it('shows a LAMB run’s trust ratio per tensor, named by layer, and nothing for SGD', () => {
    const layers = mlpLayers(s.model, 2);
    expect(trustPlot(entries[0], layers, s.steps)).toBeNull();
    const p = trustPlot(entries[1], layers, s.steps)!;
    expect(p.series.map((x) => x.label)).toEqual(['W1 [4×2]', 'b1 [4]', 'Wout [2×4]', 'bout [2]']);
    const r = results[1].trustRatios!;
    expect(p.series[2].values[7]).toBe(r.values[7 * 4 + 2]);
  });
});
