import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/parseScenario.ts';
import { computeSweep } from '../../../src/scenario/sweep/sweepResult.ts';
import { runScenario } from '../../../src/scenario/runScenario.ts';
import { checkDraft } from '../../../src/state/draftSweep.ts';
import { argminFinite, summariseSeeds } from '../../../src/view/sweep/seedSummary.ts';
import { allTuned, bestLrs, sensitivityData } from '../../../src/view/sweep/sensitivityData.ts';
import { axisEdges, heatmapData, sweptValue } from '../../../src/view/sweep/heatmapData.ts';
import { sweepableParams } from '../../../src/view/sweep/sweepableParams.ts';
import { tunedNote } from '../../../src/view/sweep/metricLabel.ts';

const base = {
  version: 1,
  surface: { id: 'ravine' },
  steps: 60,
  runs: [
    { optimizer: 'sgd', params: { lr: 0.01 } },
    { optimizer: 'adam', params: { lr: 0.001 } },
  ],
};
const label = (_r: unknown, i: number) => `run ${i}`;
const color = () => '#fff';

describe('summariseSeeds', () => {
  it('takes the median of the computed seeds and the range of the finite ones', () => {
    expect(summariseSeeds([3, 1, 2])).toEqual({ median: 2, lo: 1, hi: 3 });
    expect(summariseSeeds([4, 1, Infinity, 2])).toEqual({ median: 3, lo: 1, hi: 4 });
    // A seed not computed yet (NaN) is left out; none computed is NaN, drawn as nothing.
    expect(summariseSeeds([NaN, 5])).toEqual({ median: 5, lo: 5, hi: 5 });
    expect(Number.isNaN(summariseSeeds([NaN, NaN]).median)).toBe(true);
    expect(summariseSeeds([Infinity, Infinity]).median).toBe(Infinity);
  });

  it('argminFinite skips diverged and pending values', () => {
    expect(argminFinite([Infinity, 3, NaN, 1, 1])).toBe(3);
    expect(argminFinite([Infinity, NaN])).toBe(-1);
  });
});

describe('sensitivityData', () => {
  const s = parseScenario({ ...base, sweep: { kind: 'lr', resolution: [7] } });
  const r = computeSweep(s);
  const d = sensitivityData(r.plan, r.values, s.runs, label, color);

  it('one curve per run with the plan’s cells, each the single run at that lr', () => {
    expect(d.curves.map((c) => c.run)).toEqual([0, 1]);
    const c = d.curves[1];
    for (let i = 0; i < c.lrs.length; i += 3) {
      const one = parseScenario({
        ...base,
        runs: [base.runs[0], { optimizer: 'adam', params: { lr: c.lrs[i] } }],
      });
      const res = runScenario(one).results[1];
      const loss = res.divergedAt !== null ? Infinity : res.losses[res.points - 1];
      expect(c.mid[i]).toBe(loss);
    }
    expect(d.done).toBe(r.plan.cells);
  });

  it('Tune fairly’s lrs are each curve’s least final loss, and then every run is tuned', () => {
    const best = bestLrs(d);
    for (const c of d.curves) {
      const finite = Array.from(c.mid).filter(Number.isFinite);
      expect(c.mid[c.lrs.indexOf(best.get(c.run)!)]).toBe(Math.min(...finite));
    }
    expect(allTuned(d)).toBe(false);
    const tuned = s.runs.map((run, i) => ({ ...run, params: { ...run.params, lr: best.get(i)! } }));
    expect(allTuned(sensitivityData(r.plan, r.values, tuned, label, color))).toBe(true);
    expect(tunedNote(s.sweep!.metric, s.steps, 1)).toBe('tuned: best final loss at 60 steps');
  });

  it('draws partial results: pending cells are NaN and left out', () => {
    const partial = Float64Array.from(r.values);
    partial.fill(NaN, 3);
    const p = sensitivityData(r.plan, partial, s.runs, label, color);
    expect(p.done).toBe(3);
    expect(Array.from(p.curves[0].mid.slice(0, 3)).every(Number.isFinite)).toBe(true);
    expect(Number.isNaN(p.curves[1].mid[0])).toBe(true);
  });
});

describe('heatmapData', () => {
  const s = parseScenario({
    ...base,
    sweep: {
      kind: 'grid2',
      run: 1,
      params: ['lr', 'betas[1]'],
      ranges: [
        [1e-3, 1, 'log'],
        [0.9, 0.999, 'linear'],
      ],
      resolution: [4, 3],
    },
  });
  const r = computeSweep(s);
  const d = heatmapData(r.plan, r.values, s.runs[1]);

  it('lays the cells out x fastest (the plan has x slowest) with the run’s current setting', () => {
    expect([d.xs.length, d.ys.length]).toEqual([4, 3]);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 3; j++) expect(d.mid[j * 4 + i]).toBe(r.values[i * 3 + j]);
    expect(d.current).toEqual([0.001, 0.999]);
    expect(d.xLog && !d.yLog).toBe(true);
    expect(sweptValue(s.runs[1], 'betas[0]')).toBe(0.9);
  });

  it('cell edges lie half a step beyond the ends, in the axis’s own spacing', () => {
    const [a, b] = axisEdges([1e-3, 1e-2, 1e-1], true);
    expect(a).toBeCloseTo(10 ** -3.5, 15);
    expect(b).toBeCloseTo(10 ** -0.5, 12);
    expect(axisEdges([0, 1, 2], false)).toEqual([-0.5, 2.5]);
  });
});

describe('the sweep panel’s choices and checks', () => {
  const s = parseScenario(base);

  it('offers each continuous parameter and tuple element the registry describes', () => {
    const names = sweepableParams(s.runs[1]).map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['lr', 'betas[0]', 'betas[1]', 'eps', 'weight_decay']),
    );
    expect(names).not.toContain('amsgrad');
    const lr = sweepableParams(s.runs[1]).find((p) => p.name === 'lr')!;
    expect(lr.range[2]).toBe('log');
  });

  it('refuses a too-big sweep with the schema’s message, naming the field', () => {
    const r = checkDraft(s, {
      kind: 'grid2',
      run: 0,
      params: ['lr', 'momentum'],
      resolution: [256, 256],
      seeds: 8,
    });
    expect(r.sweep).toBeNull();
    expect(r.message).toMatch(/^sweep\.resolution: asks for 31,457,280 optimizer steps/);
    const ok = checkDraft(s, { kind: 'lr' });
    expect(ok.sweep?.resolution).toEqual([40]);
  });
});
