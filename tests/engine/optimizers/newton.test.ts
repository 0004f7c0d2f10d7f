import { describe, expect, it } from 'vitest';
import { surfaceObjective } from '../../../src/engine/surfaceObjective.ts';
import type { Objective2D } from '../../../src/engine/objective2d.ts';
import { OPTIMIZERS } from '../../../src/engine/optimizers/index.ts';
import { runOptimizer } from '../../../src/engine/run.ts';
import { resolveParams } from '../../../src/engine/validateParams.ts';
import { onLandscape } from './onLandscape.ts';

// f = ½(4x² + 2xy + 3y²) − x + 2y: H = [[4, 1], [1, 3]], minimizer solves H w = (1, −2).
const grad = (x: number, y: number) => [4 * x + y - 1, x + 3 * y + 2] as const;
const hess = () => [4, 1, 3] as const;
const minimizer = [5 / 11, -9 / 11];

function run(objective: Objective2D, params: Record<string, unknown>, start: [number, number]) {
  const def = OPTIMIZERS.newton;
  return runOptimizer(surfaceObjective(objective), {
    optimizer: def,
    params: resolveParams(def.params, params, 'params'),
    schedule: null,
    start,
    steps: 5,
    noise: { sigma: 0, seed: 1 },
    swa: null,
  });
}

describe('Newton', () => {
  it('lands on the minimum of a quadratic in one full step', () => {
    const r = onLandscape('newton', {}, grad, hess);
    r.p.set([7, -3]);
    r.step();
    expect(r.p[0]).toBeCloseTo(minimizer[0], 14);
    expect(r.p[1]).toBeCloseTo(minimizer[1], 14);
    expect(r.momentum()).toBeNull();
  });

  it('takes the damped step −lr·(H + λI)⁻¹g', () => {
    const r = onLandscape('newton', { lr: 0.5, damping: 2 }, grad, hess);
    r.p.set([1, 1]); // g = (4, 6); H + 2I = [[6, 1], [1, 5]], det 29
    r.step();
    expect(r.p[0]).toBeCloseTo(1 - (0.5 * (5 * 4 - 1 * 6)) / 29, 15);
    expect(r.p[1]).toBeCloseTo(1 - (0.5 * (6 * 6 - 1 * 4)) / 29, 15);
  });

  it('walks straight to a saddle (the reason it is a reference line, not a trainer)', () => {
    // f = x² − y²: H = diag(2, −2), the saddle at the origin is a stationary point.
    const r = onLandscape(
      'newton',
      {},
      (x, y) => [2 * x, -2 * y],
      () => [2, 0, -2],
    );
    r.p.set([1.5, -0.7]);
    r.step();
    expect(Array.from(r.p)).toEqual([0, 0]);
  });

  it('stops the run with a message naming the point when H + λI is singular', () => {
    // f = x²: H = diag(2, 0) is singular everywhere without damping.
    const valley: Objective2D = {
      f: (x) => x * x,
      grad: (x, _y, out) => {
        out[0] = 2 * x;
        out[1] = 0;
      },
      hess: (_x, _y, out) => {
        out[0] = 2;
        out[1] = 0;
        out[2] = 0;
      },
    };
    const stuck = run(valley, {}, [1, 2]);
    expect(stuck.stop?.reason).toBe('step');
    expect(stuck.stop?.step).toBe(0);
    expect(stuck.stop?.message).toContain('singular at (1, 2)');
    expect(stuck.points).toBe(1);

    const damped = run(valley, { damping: 1 }, [1, 2]);
    expect(damped.stop).toBeNull();
    expect(damped.trajectory[2]).toBeCloseTo(1 - 2 / 3, 15);
    expect(damped.trajectory[3]).toBe(2);
  });

  it('stops when the Hessian is not finite', () => {
    const broken: Objective2D = {
      f: (x, y) => x * x + y * y,
      grad: (x, y, out) => {
        out[0] = 2 * x;
        out[1] = 2 * y;
      },
      hess: (_x, _y, out) => {
        out[0] = NaN;
        out[1] = 0;
        out[2] = 2;
      },
    };
    const r = run(broken, {}, [0.5, 0.25]);
    expect(r.stop?.reason).toBe('step');
    expect(r.stop?.message).toContain('not finite at (0.5, 0.25)');
  });
});
