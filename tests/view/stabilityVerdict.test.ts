import { describe, expect, it } from 'vitest';
import { surfaceObjective } from '../../src/engine/surfaceObjective.ts';
import { sgd } from '../../src/engine/optimizers/sgd.ts';
import { runOptimizer } from '../../src/engine/run.ts';
import type { Objective2D } from '../../src/engine/objective2d.ts';
import { stabilityVerdict } from '../../src/view/panels/stabilityVerdict.ts';

// f = λ/2·x² + μ/2·y²: the Hessian is diag(λ, μ), so λmax = λ.
const quadratic = (l1: number, l2: number): Objective2D => ({
  f: (x, y) => 0.5 * (l1 * x * x + l2 * y * y),
  grad(x, y, out) {
    out[0] = l1 * x;
    out[1] = l2 * y;
  },
  hess(_x, _y, out) {
    out[0] = l1;
    out[1] = 0;
    out[2] = l2;
  },
});

/** |x| after many steps of torch's SGD on the quadratic, relative to the start. */
function growth(lr: number, momentum = 0, nesterov = false): number {
  const r = runOptimizer(surfaceObjective(quadratic(4, 1)), {
    optimizer: sgd,
    params: { lr, momentum, dampening: 0, nesterov, weight_decay: 0 },
    schedule: null,
    start: [1, 0],
    steps: 400,
    noise: { sigma: 0, seed: 1 },
    swa: null,
  });
  if (r.divergedAt !== null) return Infinity;
  return Math.abs(r.trajectory[2 * (r.points - 1)]);
}

describe('stability verdict agrees with what SGD actually does (λmax = 4)', () => {
  const cases: [number, number, boolean][] = [
    [0, 0, false],
    [0.5, 0, false],
    [0.9, 0, false],
    [0.5, 0, true],
    [0.9, 0, true],
  ];
  for (const [momentum, , nesterov] of cases) {
    it(`momentum ${momentum}${nesterov ? ' nesterov' : ''}`, () => {
      const { limit } = stabilityVerdict({ lr: 0.1, lambdaMax: 4, momentum, nesterov });
      expect(limit).not.toBeNull();
      const below = stabilityVerdict({ lr: limit! * 0.97, lambdaMax: 4, momentum, nesterov });
      const above = stabilityVerdict({ lr: limit! * 1.03, lambdaMax: 4, momentum, nesterov });
      expect(['stable', 'zigzag']).toContain(below.kind);
      expect(above.kind).toBe('unstable');
      expect(growth(limit! * 0.97, momentum, nesterov)).toBeLessThan(1e-3);
      expect(growth(limit! * 1.03, momentum, nesterov)).toBeGreaterThan(1e3);
    });
  }
});

describe('stability verdict text', () => {
  it('names lr and 2/λmax and says which side it is on', () => {
    const ok = stabilityVerdict({ lr: 0.04, lambdaMax: 20 });
    expect(ok.kind).toBe('stable');
    expect(ok.text).toBe('lr 0.04 < 2/λmax = 0.1: stable along the sharpest direction.');
    const zig = stabilityVerdict({ lr: 0.09, lambdaMax: 20 });
    expect(zig.text.startsWith('lr 0.09 < 2/λmax = 0.1: stable along the sharpest direction')).toBe(
      true,
    );
    const bad = stabilityVerdict({ lr: 0.2, lambdaMax: 2 / 0.1 });
    expect(bad.kind).toBe('unstable');
    expect(bad.text).toContain('oscillate and diverge along e1');
  });
  it('flags the zigzag band 1/λmax < lr < 2/λmax for plain GD, where x flips sign each step', () => {
    expect(stabilityVerdict({ lr: 0.4, lambdaMax: 4 }).kind).toBe('zigzag');
    expect(stabilityVerdict({ lr: 0.2, lambdaMax: 4 }).kind).toBe('stable');
    const signFlips = (lr: number) => {
      const r = runOptimizer(surfaceObjective(quadratic(4, 1)), {
        optimizer: sgd,
        params: { lr, momentum: 0, dampening: 0, nesterov: false, weight_decay: 0 },
        schedule: null,
        start: [1, 0],
        steps: 5,
        noise: { sigma: 0, seed: 1 },
        swa: null,
      });
      return [1, 2, 3, 4, 5].every((k) => Math.sign(r.trajectory[2 * k]) === (k % 2 ? -1 : 1));
    };
    expect(signFlips(0.4)).toBe(true);
    expect(signFlips(0.2)).toBe(false);
  });
  it('has no limit where nothing curves up', () => {
    const v = stabilityVerdict({ lr: 1, lambdaMax: -2 });
    expect(v.kind).toBe('no-limit');
    expect(v.limit).toBeNull();
  });
});
