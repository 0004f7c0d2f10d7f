import { describe, expect, it } from 'vitest';
import { surfaceObjective } from '../../../src/engine/surfaceObjective.ts';
import type { Objective2D } from '../../../src/engine/objective2d.ts';
import { sgd } from '../../../src/engine/optimizers/sgd.ts';
import { runOptimizer } from '../../../src/engine/run.ts';
import {
  ARROW_MAX_PX,
  ARROW_MIN_PX,
  arrowTip,
  arrowVectors,
} from '../../../src/view/map/drawArrows.ts';
import { mappingOf } from '../../../src/view/map/viewport.ts';

// f = x² + 4y²: ∇f = (2x, 8y).
const bowl: Objective2D = {
  f: (x, y) => x * x + 4 * y * y,
  grad(x, y, out) {
    out[0] = 2 * x;
    out[1] = 8 * y;
  },
  hess(_x, _y, out) {
    out[0] = 2;
    out[1] = 0;
    out[2] = 8;
  },
};

const run = (momentum: number) =>
  runOptimizer(surfaceObjective(bowl), {
    optimizer: sgd,
    params: { lr: 0.05, momentum, dampening: 0, nesterov: false, weight_decay: 0 },
    schedule: null,
    start: [2, 1],
    steps: 10,
    noise: { sigma: 0, seed: 1 },
    swa: null,
    recordMomentum: true,
  });

describe('arrowVectors', () => {
  it('for plain SGD the update is exactly −lr·∇f', () => {
    const r = run(0);
    const v = arrowVectors(bowl, r, 0);
    const grad = v.find((a) => a.kind === 'gradient')!;
    const upd = v.find((a) => a.kind === 'update')!;
    expect(grad.dx).toBeCloseTo(-0.05 * 4, 12);
    expect(grad.dy).toBeCloseTo(-0.05 * 8, 12);
    expect(upd.dx).toBeCloseTo(grad.dx, 12);
    expect(upd.dy).toBeCloseTo(grad.dy, 12);
  });

  it('with momentum the update is −lr·(momentum buffer), not −lr·∇f', () => {
    const r = run(0.9);
    const k = 3;
    const v = arrowVectors(bowl, r, k);
    const mom = v.find((a) => a.kind === 'momentum')!;
    const upd = v.find((a) => a.kind === 'update')!;
    // torch SGD: x_{k+1} = x_k − lr·b_{k+1}; the buffer recorded at k+1 is the one that step used.
    expect(upd.dx).toBeCloseTo(-0.05 * r.momentum![2 * (k + 1)], 12);
    expect(Number.isFinite(mom.dx)).toBe(true);
    expect(Math.hypot(upd.dx - v[0].dx, upd.dy - v[0].dy)).toBeGreaterThan(1e-3);
  });

  it('has no update arrow at the last iterate', () => {
    const r = run(0);
    expect(arrowVectors(bowl, r, r.points - 1).some((a) => a.kind === 'update')).toBe(false);
  });
});

describe('arrowTip', () => {
  const m = mappingOf(
    { xMin: -4, xMax: 4, yMin: -4, yMax: 4 },
    { left: 0, top: 0, width: 400, height: 400 },
  );
  it('draws the real step in pixels, y up', () => {
    const t = arrowTip(m, 0, 0, { kind: 'update', dx: 1, dy: 1 });
    expect(t.x1 - t.x0).toBeCloseTo(50, 9);
    expect(t.y1 - t.y0).toBeCloseTo(-50, 9);
  });
  it('clamps tiny and huge steps to a readable length, keeping the direction', () => {
    const tiny = arrowTip(m, 0, 0, { kind: 'update', dx: 1e-9, dy: 0 });
    expect(tiny.x1 - tiny.x0).toBeCloseTo(ARROW_MIN_PX, 9);
    const huge = arrowTip(m, 0, 0, { kind: 'update', dx: 0, dy: -1e300 });
    expect(huge.y1 - huge.y0).toBeCloseTo(ARROW_MAX_PX, 6);
    expect(huge.x1 - huge.x0).toBeCloseTo(0, 9);
  });
});
