import { describe, expect, it } from 'vitest';
import type { ParamValues } from '../../../src/engine/params.ts';
import type { RunResult } from '../../../src/engine/run.ts';
import { SURFACES } from '../../../src/surfaces/catalog/index.ts';
import { last, nearest, point, runPreset } from './lesson.ts';

describe('preset adagrad-vs-rmsprop', () => {
  const { scenario, results } = runPreset('adagrad-vs-rmsprop');
  const [adagrad, rmsprop] = results;
  const surface = scenario.surface as { id: string; params: ParamValues };
  const objective = SURFACES[surface.id].create(surface.params, { seed: 1 });

  /**
   * The effective learning rate of weight i at step k: how far the step moved it per unit of its
   * gradient, |Δw_i| / |∂f/∂w_i|. For Adagrad it is lr / (√(Σ g²) + ε), for RMSprop lr / (√v + ε).
   */
  function effectiveLr(r: RunResult, k: number, i: 0 | 1): number {
    const g = new Float64Array(2);
    const p = point(r, k);
    objective.grad(p[0], p[1], g);
    return Math.abs(point(r, k + 1)[i] - p[i]) / Math.abs(g[i]);
  }
  const n = scenario.steps - 1;

  it('Adagrad starts with the larger learning rate', () => {
    expect(scenario.runs[0].params.lr).toBeGreaterThan(scenario.runs[1].params.lr as number);
  });

  it('Adagrad’s effective lr only ever shrinks: its sum of squared gradients only grows', () => {
    for (const i of [0, 1] as const) {
      for (let k = 1; k <= n; k++)
        expect(effectiveLr(adagrad, k, i)).toBeLessThanOrEqual(
          effectiveLr(adagrad, k - 1, i) * (1 + 1e-9),
        );
    }
    expect(effectiveLr(adagrad, n, 0)).toBeLessThan(effectiveLr(adagrad, 0, 0) / 3);
  });

  it('RMSprop’s does not: its moving average forgets, so the step size recovers', () => {
    for (const i of [0, 1] as const) {
      const all = Array.from({ length: n + 1 }, (_, k) => effectiveLr(rmsprop, k, i));
      expect(all[n]).toBeGreaterThan(0.5 * all[0]);
      expect(all[n]).toBeGreaterThan(1.5 * Math.min(...all));
    }
  });

  it('by the end RMSprop’s effective lr is over 5× Adagrad’s, from 2.5× less lr', () => {
    for (const i of [0, 1] as const)
      expect(effectiveLr(rmsprop, n, i)).toBeGreaterThan(5 * effectiveLr(adagrad, n, i));
  });

  it('so RMSprop reaches the bottom of the valley while Adagrad stalls on the way', () => {
    const r = nearest(scenario, last(rmsprop));
    expect(r.kind).toBe('global-min');
    expect(r.distance).toBeLessThan(0.05);
    expect(nearest(scenario, last(adagrad)).distance).toBeGreaterThan(1);
  });

  it('Adagrad stalls barely a quarter of the way round the bend (by angle about the centre)', () => {
    const angle = (p: readonly number[]) => Math.atan2(p[1], p[0]);
    const start = angle(point(adagrad, 0));
    const min = nearest(scenario, last(rmsprop));
    // Round the valley anticlockwise from the top to the bottom, as RMSprop goes.
    const span = angle([min.x, min.y]) + 2 * Math.PI - start;
    const done = (angle(last(adagrad)) - start) / span;
    expect(done).toBeGreaterThan(0.1);
    expect(done).toBeLessThan(0.35);
  });
});
