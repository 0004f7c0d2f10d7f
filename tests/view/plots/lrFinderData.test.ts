import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/parseScenario.ts';
import { buildSurface, runOne } from '../../../src/scenario/runScenario.ts';
import { PRESETS_BY_ID } from '../../../src/scenario/presets/index.ts';
import { finderData } from '../../../src/view/plots/lrFinderData.ts';
import { runEntries } from '../../../src/view/plots/plotSeries.ts';

/** The LR range test lesson, run by the engine, as the plots see it. */
function lesson(edit: (s: ReturnType<typeof parseScenario>) => void = () => {}) {
  const s = parseScenario(PRESETS_BY_ID['lr-range-test'].scenario);
  edit(s);
  const built = buildSurface(s.surface, s.noise.seed);
  const results = s.runs.map((r) => runOne(s, r, built));
  const entries = runEntries(
    s.runs,
    results,
    (r) => r.label ?? r.optimizer,
    () => '#fff',
    built.domain,
  );
  return { s, results, data: finderData(entries, s.runs, s.steps) };
}

describe('finderData', () => {
  it('plots only the range-test run, over its sweep: num_iter steps from start_lr to end_lr', () => {
    const { s, data } = lesson();
    const sweep = s.runs[0].schedule!.params as {
      start_lr: number;
      end_lr: number;
      num_iter: number;
    };
    expect(data).not.toBeNull();
    expect(data!.series).toHaveLength(1);
    expect(data!.series[0].curve.lrs.length).toBe(sweep.num_iter);
    expect(data!.xMin).toBeCloseTo(sweep.start_lr, 15);
    expect(data!.xMax).toBeCloseTo(sweep.end_lr, 12);
    // The loss axis spans the descent (the first loss on top), not the blow-up after it.
    const first = data!.series[0].curve.losses[0];
    expect(data!.yMax).toBeGreaterThan(first);
    expect(data!.yMax).toBeLessThan(1.1 * first);
  });

  it('is null when no visible run sweeps the lr', () => {
    const { data } = lesson((s) => (s.runs[0].visible = false));
    expect(data).toBeNull();
  });

  it('reads a run that ended early: its curve stops at the last step it took', () => {
    // 25 steps in all: the sweep of 40 is cut at step 25.
    const { data } = lesson((s) => (s.steps = 25));
    expect(data!.series[0].curve.lrs.length).toBe(25);
    expect(data!.series[0].picks.steepest).not.toBeNull();
  });
});
