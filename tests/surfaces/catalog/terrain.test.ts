import { describe, expect, it } from 'vitest';
import { surfaceObjective } from '../../../src/engine/surfaceObjective.ts';
import { analyzeCurvature } from '../../../src/engine/curvature.ts';
import type { ParamValues } from '../../../src/engine/params.ts';
import { OPTIMIZERS } from '../../../src/engine/optimizers/index.ts';
import { runOptimizer } from '../../../src/engine/run.ts';
import { defaultParams, resolveParams, specsOf } from '../../../src/engine/validateParams.ts';
import { SURFACES } from '../../../src/surfaces/catalog/index.ts';

/** Run one optimizer on a catalog surface (exact gradients, no noise) and return its last point. */
function finalPoint(
  surfaceId: string,
  optimizer: string,
  raw: Record<string, unknown>,
  steps: number,
  start?: readonly [number, number],
  surfaceParams: ParamValues = {},
): [number, number] {
  const s = SURFACES[surfaceId];
  const sp = { ...defaultParams(s.params), ...surfaceParams };
  const def = OPTIMIZERS[optimizer];
  const params = resolveParams(specsOf(def, raw), raw, 'params');
  const r = runOptimizer(surfaceObjective(s.create(sp, { seed: 0 })), {
    optimizer: def,
    params,
    schedule: null,
    start: start ?? s.start(sp),
    steps,
    noise: { sigma: 0, seed: 0 },
    swa: null,
  });
  expect(r.stop).toBeNull();
  const k = r.points - 1;
  return [r.trajectory[2 * k], r.trajectory[2 * k + 1]];
}

const near = (p: readonly [number, number], q: { x: number; y: number }, tol: number) =>
  Math.hypot(p[0] - q.x, p[1] - q.y) < tol;

describe('ravine', () => {
  it('curves 2/κ along the floor at the given angle and 2 across it', () => {
    for (const angle of [-90, -30, 0, 45, 70])
      for (const kappa of [1, 25, 1000]) {
        const obj = SURFACES.ravine.create({ condition_number: kappa, angle }, { seed: 0 });
        const th = (angle * Math.PI) / 180;
        const t = 1.7;
        expect(obj.f(t * Math.cos(th), t * Math.sin(th))).toBeCloseTo((t * t) / kappa, 12);
        expect(obj.f(-t * Math.sin(th), t * Math.cos(th))).toBeCloseTo(t * t, 12);
      }
  });
});

describe('saddle and monkey saddle', () => {
  it('the saddle rises along x and falls along y at the origin', () => {
    const obj = SURFACES.saddle.create({}, { seed: 0 });
    expect(obj.f(0.1, 0)).toBeGreaterThan(0);
    expect(obj.f(0, 0.1)).toBeLessThan(0);
    expect(analyzeCurvature(obj, 0, 0).classification).toBe('saddle');
  });

  it('is exactly x² − y² with the walls at 0', () => {
    const obj = SURFACES.saddle.create({ downhill_curvature: 1, wall: 0 }, { seed: 0 });
    for (const [x, y] of [
      [1.5, -2],
      [0.3, 2.9],
    ])
      expect(obj.f(x, y)).toBeCloseTo(x * x - y * y, 14);
  });

  it("the monkey saddle's centre has zero gradient and zero curvature, and three ways down", () => {
    const obj = SURFACES.monkey_saddle.create({ wall: 0 }, { seed: 0 });
    const c = analyzeCurvature(obj, 0, 0);
    expect(c.hessian.map(Math.abs)).toEqual([0, 0, 0]);
    expect(c.classification).toBe('degenerate');
    // f = r³·cos 3φ: down at φ = π/3, π, 5π/3 and up in between.
    for (let k = 0; k < 6; k++) {
      const phi = (k * Math.PI) / 3;
      const f = obj.f(0.5 * Math.cos(phi), 0.5 * Math.sin(phi));
      expect(Math.sign(f)).toBe(k % 2 === 0 ? 1 : -1);
    }
  });

  it('gradient descent escapes the saddle into a valley', () => {
    const p = finalPoint('saddle', 'sgd', { lr: 0.05 }, 300);
    const minima = SURFACES.saddle.criticalPoints({}).filter((c) => c.kind === 'global-min');
    expect(minima.some((m) => near(p, m, 1e-3))).toBe(true);
  });
});

describe('plateau', () => {
  it('is nearly flat at the start: f ≈ 1 and a tiny gradient', () => {
    const s = SURFACES.plateau;
    const obj = s.create({}, { seed: 0 });
    const [x, y] = s.start({});
    const g = new Float64Array(2);
    obj.grad(x, y, g);
    expect(obj.f(x, y)).toBeGreaterThan(0.99);
    expect(Math.hypot(g[0], g[1])).toBeLessThan(0.02);
  });

  it('plain gradient descent stalls on it while Adam crosses it', () => {
    const origin = { x: 0, y: 0 };
    expect(near(finalPoint('plateau', 'sgd', { lr: 0.05 }, 300), origin, 1)).toBe(false);
    expect(near(finalPoint('plateau', 'adam', { lr: 0.05 }, 300), origin, 0.01)).toBe(true);
  });
});

describe('sharp vs flat minima', () => {
  const s = SURFACES.sharp_flat;
  const params = defaultParams(s.params);
  const obj = s.create(params, { seed: 0 });
  const minima = s.criticalPoints(params).filter((c) => c.kind !== 'saddle');
  const sharp = minima.find((c) => c.x < 0)!;
  const flat = minima.find((c) => c.x > 0)!;
  const lamSharp = analyzeCurvature(obj, sharp.x, sharp.y).sharpness;
  const lamFlat = analyzeCurvature(obj, flat.x, flat.y).sharpness;

  it('the sharp minimum is deeper and at least ten times sharper', () => {
    expect(sharp.kind).toBe('global-min');
    expect(flat.kind).toBe('local-min');
    expect(sharp.f).toBeLessThan(flat.f);
    expect(lamSharp).toBeGreaterThan(10 * lamFlat);
  });

  it('from the default start, gradient descent takes the sharp well and SAM the flat one', () => {
    expect(near(finalPoint('sharp_flat', 'sgd', { lr: 0.02 }, 3000), sharp, 1e-3)).toBe(true);
    expect(near(finalPoint('sharp_flat', 'sam', { lr: 0.02, rho: 0.05 }, 3000), flat, 0.05)).toBe(
      true,
    );
  });

  it('gradient descent above the sharp well’s stability limit 2/λ cannot settle in it', () => {
    // From a hair off the sharp minimum: below 2/λ_sharp GD converges to it; just above, it
    // bounces across it for ever; at 3× (still far below the flat well's limit 2/λ_flat) it is
    // thrown out and settles in the flat well.
    const limit = 2 / lamSharp;
    expect(3 * limit).toBeLessThan(2 / lamFlat);
    const start = [sharp.x + 1e-3, sharp.y + 1e-3] as const;
    const below = finalPoint('sharp_flat', 'sgd', { lr: 0.9 * limit }, 2000, start);
    const above = finalPoint('sharp_flat', 'sgd', { lr: 1.1 * limit }, 2000, start);
    const far = finalPoint('sharp_flat', 'sgd', { lr: 3 * limit }, 2000, start);
    expect(near(below, sharp, 1e-9)).toBe(true);
    expect(near(above, sharp, 0.05)).toBe(false);
    expect(near(above, sharp, 0.5)).toBe(true);
    expect(near(far, flat, 1e-9)).toBe(true);
  });
});

describe('bumpy bowl (local_minima)', () => {
  it('has local minima by default, and none once the bowl beats the bumps (b > A·ω²/2)', () => {
    const s = SURFACES.local_minima;
    expect(s.criticalPoints({}).filter((c) => c.kind === 'local-min').length).toBeGreaterThan(4);
    const smooth = { amplitude: 0.2, frequency: 1, bowl: 0.15 };
    expect(s.criticalPoints(smooth)).toEqual([{ x: 0, y: 0, f: 0, kind: 'global-min' }]);
  });

  it('traps gradient descent from the default start while momentum reaches the centre', () => {
    const s = SURFACES.local_minima;
    const locals = s.criticalPoints({}).filter((c) => c.kind === 'local-min');
    const gd = finalPoint('local_minima', 'sgd', { lr: 0.1 }, 1000);
    expect(locals.some((m) => near(gd, m, 1e-6))).toBe(true);
    const heavy = finalPoint('local_minima', 'sgd', { lr: 0.1, momentum: 0.9 }, 1000);
    expect(near(heavy, { x: 0, y: 0 }, 1e-6)).toBe(true);
  });
});

describe('curved valley', () => {
  it('its floor is the ring x² + y² = R² descending with the tilt', () => {
    const obj = SURFACES.curved_valley.create({ steepness: 1, tilt: 0.5 }, { seed: 0 });
    for (const phi of [0, 1, 2, 3, 4, 5]) {
      const x = 2 * Math.cos(phi);
      const y = 2 * Math.sin(phi);
      expect(obj.f(x, y)).toBeCloseTo(0.5 * (2 + y), 12);
      // Off the ring, on either side, it is higher (for the same height y).
      expect(obj.f(1.1 * x, y)).toBeGreaterThan(obj.f(x, y));
      expect(obj.f(0.9 * x, y)).toBeGreaterThan(obj.f(x, y));
    }
  });
});
