import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/parseScenario.ts';
import { PRESETS_BY_ID } from '../../../src/scenario/presets/index.ts';
import { compactScenario } from '../../../src/scenario/compactScenario.ts';
import { computeSweep } from '../../../src/scenario/sweep/sweepResult.ts';

describe('preset lr-weight-decay-maps-side-by-side', () => {
  const s = parseScenario(PRESETS_BY_ID['lr-weight-decay-maps-side-by-side'].scenario);
  const r = computeSweep(s);
  const [runs, lrs, wds] = r.plan.axes;
  const n = lrs.length * wds.length;
  const at = (run: number, i: number, j: number) => r.values[run * n + i * wds.length + j];
  const near = (axis: readonly number[], v: number) =>
    axis.reduce(
      (b, x, i) => (Math.abs(Math.log(x / v)) < Math.abs(Math.log(axis[b] / v)) ? i : b),
      0,
    );

  it('maps every run: the runs, then lr × weight decay', () => {
    expect(s.sweep!.run).toBeNull();
    expect(r.plan.names).toEqual(['run', 'lr', 'weight_decay']);
    expect(runs).toEqual([0, 1]);
    expect(r.plan.cells).toBe(2 * 24 * 24);
    // The link keeps "every run" (its default would be run 0).
    expect(compactScenario(s).sweep).toMatchObject({ kind: 'grid2', run: null });
  });

  it('holds each single-run lesson’s map, cell for cell', () => {
    const ids = ['lr-weight-decay-map-adam-l2', 'lr-weight-decay-map-adamw'];
    ids.forEach((id, run) => {
      const one = computeSweep(parseScenario(PRESETS_BY_ID[id].scenario));
      expect(one.plan.axes).toEqual([lrs, wds]);
      expect(Array.from(r.values.subarray(run * n, (run + 1) * n))).toEqual(Array.from(one.values));
    });
  });

  it('at λ 0.1, Adam + L2’s row is level past lr 0.1 while AdamW’s falls more than 5×', () => {
    const j = near(wds, 0.1);
    const l2 = [at(0, near(lrs, 0.1), j), at(0, near(lrs, 1), j)];
    expect(Math.abs(l2[1] / l2[0] - 1)).toBeLessThan(0.05);
    expect(at(1, near(lrs, 0.03), j)).toBeGreaterThan(5 * at(1, near(lrs, 1), j));
  });
});

describe('a map over every run', () => {
  it('needs both parameters on every run, and names the run that lacks one', () => {
    expect(() =>
      parseScenario({
        surface: { id: 'rosenbrock' },
        runs: [
          { optimizer: 'adam', params: { lr: 0.01 } },
          { optimizer: 'sgd', params: { lr: 0.001 } },
        ],
        sweep: { kind: 'grid2', run: null, params: ['lr', 'betas[1]'] },
      }),
    ).toThrow(/^sweep\.params\[1\]: run 2: "betas\[1\]" is not a parameter of SGD/);
  });
});
