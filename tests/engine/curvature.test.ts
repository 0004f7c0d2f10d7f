import { describe, expect, it } from 'vitest';
import { surfaceObjective } from '../../src/engine/surfaceObjective.ts';
import { analyzeCurvature, symmetricEigen2 } from '../../src/engine/curvature.ts';
import type { Objective2D } from '../../src/engine/objective2d.ts';
import { OPTIMIZERS } from '../../src/engine/optimizers/index.ts';
import { runOptimizer } from '../../src/engine/run.ts';
import { resolveParams } from '../../src/engine/validateParams.ts';
import { SURFACES } from '../../src/surfaces/catalog/index.ts';

/** f = ½·pᵀHp for a fixed symmetric H = [[a, b], [b, c]]. */
function quadratic(a: number, b: number, c: number): Objective2D {
  return {
    f: (x, y) => 0.5 * (a * x * x + 2 * b * x * y + c * y * y),
    grad(x, y, out) {
      out[0] = a * x + b * y;
      out[1] = b * x + c * y;
    },
    hess(_x, _y, out) {
      out[0] = a;
      out[1] = b;
      out[2] = c;
    },
  };
}

/** Parallel up to sign (eigenvectors have no preferred sign). */
function expectParallel(v: readonly number[], w: readonly number[], digits = 12) {
  expect(Math.abs(v[0] * w[0] + v[1] * w[1])).toBeCloseTo(1, digits);
}

describe('analyzeCurvature on hand-computed quadratics', () => {
  it('H = [[4, 1], [1, 2]]: λ = 3 ± √2, v1 at 22.5°', () => {
    // (4 − λ)(2 − λ) − 1 = 0 ⇒ λ = 3 ± √2; (A − λ1)v = 0 ⇒ v ∝ (1, √2 − 1) = (cos 22.5°, sin 22.5°).
    const c = analyzeCurvature(quadratic(4, 1, 2), 0.3, -0.7);
    expect(c.hessian).toEqual([4, 1, 2]);
    expect(c.eigenvalues[0]).toBeCloseTo(3 + Math.SQRT2, 14);
    expect(c.eigenvalues[1]).toBeCloseTo(3 - Math.SQRT2, 14);
    const a = Math.PI / 8;
    expectParallel(c.eigenvectors[0], [Math.cos(a), Math.sin(a)]);
    expectParallel(c.eigenvectors[1], [-Math.sin(a), Math.cos(a)]);
    expect(c.conditionNumber).toBeCloseTo((3 + Math.SQRT2) / (3 - Math.SQRT2), 13);
    expect(c.sharpness).toBeCloseTo(3 + Math.SQRT2, 14);
    expect(c.stabilityLimit).toBeCloseTo(2 / (3 + Math.SQRT2), 14);
    expect(c.classification).toBe('minimum');
  });

  it('a negative definite Hessian is a maximum with no stability limit', () => {
    const c = analyzeCurvature(quadratic(-1, 0, -5), 0, 0);
    expect(c.eigenvalues).toEqual([-1, -5]);
    expectParallel(c.eigenvectors[0], [1, 0]);
    expectParallel(c.eigenvectors[1], [0, 1]);
    expect(c.conditionNumber).toBe(5);
    expect(c.sharpness).toBe(-1);
    expect(c.stabilityLimit).toBeNull();
    expect(c.classification).toBe('maximum');
  });

  it('an indefinite Hessian is a saddle; the condition number uses magnitudes', () => {
    const c = analyzeCurvature(quadratic(0, 3, 0), 0, 0); // f = 3xy: λ = ±3 along the diagonals
    expect(c.eigenvalues[0]).toBeCloseTo(3, 14);
    expect(c.eigenvalues[1]).toBeCloseTo(-3, 14);
    expectParallel(c.eigenvectors[0], [Math.SQRT1_2, Math.SQRT1_2]);
    expect(c.conditionNumber).toBeCloseTo(1, 14);
    expect(c.stabilityLimit).toBeCloseTo(2 / 3, 14);
    expect(c.classification).toBe('saddle');
  });

  it('a zero eigenvalue is degenerate with an infinite condition number', () => {
    const c = analyzeCurvature(quadratic(1, 1, 1), 0, 0); // λ = 2, 0 (along (1, −1))
    expect(c.eigenvalues).toEqual([2, 0]);
    expectParallel(c.eigenvectors[1], [Math.SQRT1_2, -Math.SQRT1_2]);
    expect(c.conditionNumber).toBe(Infinity);
    expect(c.classification).toBe('degenerate');
    const zero = analyzeCurvature(quadratic(0, 0, 0), 0, 0);
    expect(zero.eigenvalues).toEqual([0, 0]);
    expect(zero.conditionNumber).toBe(Infinity);
    expect(zero.stabilityLimit).toBeNull();
    expect(zero.classification).toBe('degenerate');
  });

  it('a non-finite Hessian is degenerate, not a crash', () => {
    expect(analyzeCurvature(quadratic(NaN, 0, 1), 0, 0).classification).toBe('degenerate');
  });
});

describe('symmetricEigen2 is numerically stable', () => {
  it('keeps full precision in the small eigenvalue next to a huge one', () => {
    // H = [[1e8, 1e4], [1e4, 2]]: det = 1e8 exactly and λ1 = 5e7 + 1 + √(2.5e15 + 1), so
    // λ2 = det/λ1 = 1e8 / (1e8 + 1 + 1e−8 − …) = 0.99999999000000009999… The textbook
    // mean − radius loses ~8 digits here.
    const { eigenvalues } = symmetricEigen2(1e8, 1e4, 2);
    expect(Math.abs(eigenvalues[1] - 0.9999999900000001)).toBeLessThan(2e-16);
    expect(eigenvalues[0]).toBeCloseTo(100000001, 6);
  });

  it('satisfies H·v = λ·v, orthonormality, trace and determinant on random matrices', () => {
    let seed = 12345;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32 - 0.5;
    };
    for (let k = 0; k < 500; k++) {
      const scale = 10 ** Math.floor(rand() * 12);
      const [a, b, c] = [rand() * scale, rand() * scale, rand() * scale];
      const { eigenvalues: l, eigenvectors: v } = symmetricEigen2(a, b, c);
      const norm = Math.hypot(a, b, b, c);
      expect(l[0]).toBeGreaterThanOrEqual(l[1]);
      for (let i = 0; i < 2; i++) {
        const [x, y] = v[i];
        expect(Math.hypot(x, y)).toBeCloseTo(1, 14);
        expect(Math.abs(a * x + b * y - l[i] * x)).toBeLessThan(1e-14 * norm);
        expect(Math.abs(b * x + c * y - l[i] * y)).toBeLessThan(1e-14 * norm);
      }
      expect(Math.abs(v[0][0] * v[1][0] + v[0][1] * v[1][1])).toBeLessThan(1e-15);
      expect(Math.abs(l[0] + l[1] - (a + c))).toBeLessThan(1e-14 * norm);
      expect(Math.abs(l[0] * l[1] - (a * c - b * b))).toBeLessThan(1e-14 * norm * norm);
    }
  });
});

describe('catalog surfaces through the curvature lens', () => {
  it("the rotated ravine's eigenvectors follow its angle; eigenvalues 2 and 2/κ", () => {
    for (const angle of [-90, -60, -15, 0, 10, 45, 80, 90])
      for (const kappa of [2, 25, 1000]) {
        const obj = SURFACES.ravine.create({ condition_number: kappa, angle }, { seed: 0 });
        const c = analyzeCurvature(obj, 0.5, -1);
        const th = (angle * Math.PI) / 180;
        expect(c.eigenvalues[0]).toBeCloseTo(2, 13);
        expect(c.eigenvalues[1]).toBeCloseTo(2 / kappa, 13);
        expect(c.conditionNumber).toBeCloseTo(kappa, 9);
        // The steep direction is across the floor, the gentle one along it.
        expectParallel(c.eigenvectors[0], [-Math.sin(th), Math.cos(th)]);
        expectParallel(c.eigenvectors[1], [Math.cos(th), Math.sin(th)]);
        expect(c.stabilityLimit).toBeCloseTo(1, 13);
        expect(c.classification).toBe('minimum');
      }
  });

  it('classifies the saddle, the monkey saddle and a minimum', () => {
    const saddle = SURFACES.saddle.create({ downhill_curvature: 0.5 }, { seed: 0 });
    const s = analyzeCurvature(saddle, 0, 0);
    expect(s.classification).toBe('saddle');
    expect(s.eigenvalues).toEqual([2, -1]);
    expectParallel(s.eigenvectors[1], [0, 1]); // the way down is along y
    expect(
      analyzeCurvature(SURFACES.monkey_saddle.create({}, { seed: 0 }), 0, 0).classification,
    ).toBe('degenerate');
    const rosen = SURFACES.rosenbrock.create({}, { seed: 0 });
    const r = analyzeCurvature(rosen, 1, 1); // H = [[802, −400], [−400, 200]]
    expect(r.hessian).toEqual([802, -400, 200]);
    expect(r.eigenvalues[0] + r.eigenvalues[1]).toBeCloseTo(1002, 10);
    expect(r.eigenvalues[0] * r.eigenvalues[1]).toBeCloseTo(802 * 200 - 160000, 8);
    expect(r.classification).toBe('minimum');
  });
});

describe('the stability limit 2/λmax is where gradient descent turns from converging to diverging', () => {
  const sgd = OPTIMIZERS.sgd;
  const gd = (obj: Objective2D, lr: number, start: readonly [number, number], steps: number) =>
    runOptimizer(surfaceObjective(obj), {
      optimizer: sgd,
      params: resolveParams(sgd.params, { lr }, 'params'),
      schedule: null,
      start,
      steps,
      noise: { sigma: 0, seed: 0 },
      swa: null,
    });
  const dist = (r: ReturnType<typeof gd>, k: number) =>
    Math.hypot(r.trajectory[2 * k], r.trajectory[2 * k + 1]);

  it('on a rotated quadratic ravine', () => {
    const obj = SURFACES.ravine.create({ condition_number: 10, angle: 30 }, { seed: 0 });
    const limit = analyzeCurvature(obj, 0, 0).stabilityLimit!;
    const start = [-3, 1.5] as const;
    // Along the steep direction the error is multiplied by |1 − lr·λmax| each step.
    const below = gd(obj, 0.98 * limit, start, 2000);
    const above = gd(obj, 1.02 * limit, start, 2000);
    expect(below.stop).toBeNull();
    expect(dist(below, 2000)).toBeLessThan(1e-6 * dist(below, 0));
    expect(dist(above, 2000)).toBeGreaterThan(1e6 * dist(above, 0));
  });

  it('on Rosenbrock near its minimum (λmax ≈ 1001.6)', () => {
    const obj = SURFACES.rosenbrock.create({}, { seed: 0 });
    const limit = analyzeCurvature(obj, 1, 1).stabilityLimit!;
    expect(limit).toBeCloseTo(2 / (501 + Math.sqrt(501 * 501 - 400)), 12);
    const start = [1 + 1e-6, 1 - 1e-6] as const;
    const offset = (r: ReturnType<typeof gd>, k: number) =>
      Math.hypot(r.trajectory[2 * k] - 1, r.trajectory[2 * k + 1] - 1);
    const below = gd(obj, 0.98 * limit, start, 20000);
    const above = gd(obj, 1.02 * limit, start, 2000);
    expect(offset(below, 20000)).toBeLessThan(1e-9);
    // The unstable mode grows ×|1 − 2.04| = 1.04 per step, from 1e−6 until the nonlinearity takes over.
    const offsets = Array.from({ length: above.points }, (_, k) => offset(above, k));
    expect(Math.max(...offsets)).toBeGreaterThan(1e-2);
  });
});
