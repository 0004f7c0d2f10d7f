import { describe, expect, it } from 'vitest';
import { surfaceObjective } from '../../../src/engine/surfaceObjective.ts';
import { runOptimizer } from '../../../src/engine/run.ts';
import { sgd } from '../../../src/engine/optimizers/sgd.ts';
import { compileExpression, ExpressionError } from '../../../src/surfaces/expression/index.ts';
import { randomStream } from './random.ts';

/**
 * Each expression with a box where it is smooth; together they use every allowed function,
 * both forms of log, e and pi, unary ±, division, and integer, fractional, negative and
 * variable exponents.
 */
const CASES: readonly { source: string; box: number }[] = [
  { source: '(1 - x)^2 + 100*(y - x^2)^2', box: 2 },
  { source: 'tanh(x^2 + y^2 - 4)', box: 3 },
  { source: '20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)', box: 5 },
  { source: 'sin(x)*cos(y) + tan(x/4) - +y', box: 3 },
  { source: 'sinh(x/2)*cosh(y/3) - x^5/50 + y^-2', box: 3 },
  { source: 'exp(-(x^2 + y^2)/2) + e^(x*y/3)', box: 2.5 },
  { source: 'log(1 + x^2) + log(2 + y^2, 10) - log(3 + x*y/2, e)', box: 2.5 },
  { source: 'sqrt(1 + x^2 + y^2) + (2 + cos(x))^1.5', box: 3 },
  { source: 'asin(x/4)*acos(y/4) + atan(x*y)', box: 3.5 },
  { source: '(1 + x^2)^(y/2) + x*y/(1 + x^2) - y/(2 + sin(x*y))', box: 2 },
  {
    source: '-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20',
    box: 3,
  },
  {
    source:
      '(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))',
    box: 2,
  },
  { source: 'abs(x - 1) + 2*abs(y + x/2) + abs(x*y)^3', box: 3 },
];

/** Central difference of fn at v with step h. */
const central = (fn: (v: number) => number, v: number, h: number) =>
  (fn(v + h) - fn(v - h)) / (2 * h);

/**
 * |exact − difference| within the difference's truncation error (relative 2e-6 at h = 1e-5)
 * plus its rounding error, `noise` (≈ ε·|values differenced| / h).
 */
function expectClose(actual: number, expected: number, noise: number, what: string) {
  expect(Number.isFinite(actual), what).toBe(true);
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    2e-6 * Math.max(1, Math.abs(expected)) + noise,
  );
}

const EPS = Number.EPSILON;

describe('exact derivatives agree with central differences', () => {
  it.each(CASES)('$source', ({ source, box }) => {
    const { objective } = compileExpression(source);
    const { f, grad, hess } = objective;
    const rand = randomStream(source.length * 7919);
    const g = new Float64Array(2);
    const gp = new Float64Array(2);
    const gm = new Float64Array(2);
    const H = new Float64Array(3);
    let checked = 0;
    for (let k = 0; k < 60; k++) {
      const x = (2 * rand() - 1) * box;
      const y = (2 * rand() - 1) * box;
      // Stay off the kinks of the abs case, where differences straddle two slopes.
      if (source.startsWith('abs') && Math.min(Math.abs(x - 1), Math.abs(y + x / 2)) < 1e-2)
        continue;
      if (!Number.isFinite(f(x, y))) continue;
      const h = 1e-5 * Math.max(1, Math.abs(x), Math.abs(y));
      grad(x, y, g);
      const fNoise = (100 * EPS * Math.abs(f(x, y))) / h;
      expectClose(
        g[0],
        central((t) => f(t, y), x, h),
        fNoise,
        `f_x at (${x}, ${y})`,
      );
      expectClose(
        g[1],
        central((t) => f(x, t), y, h),
        fNoise,
        `f_y at (${x}, ${y})`,
      );
      // The Hessian against differences of the exact gradient (one order more accurate).
      hess(x, y, H);
      grad(x + h, y, gp);
      grad(x - h, y, gm);
      const gNoise = (100 * EPS * Math.max(Math.abs(gp[0]), Math.abs(gp[1]))) / h;
      expectClose(H[0], (gp[0] - gm[0]) / (2 * h), gNoise, `f_xx at (${x}, ${y})`);
      expectClose(H[1], (gp[1] - gm[1]) / (2 * h), gNoise, `f_yx at (${x}, ${y})`);
      grad(x, y + h, gp);
      grad(x, y - h, gm);
      expectClose(H[1], (gp[0] - gm[0]) / (2 * h), gNoise, `f_xy at (${x}, ${y})`);
      expectClose(H[2], (gp[1] - gm[1]) / (2 * h), gNoise, `f_yy at (${x}, ${y})`);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });
});

describe('kinks and singular points', () => {
  it('abs has the subgradient sign(u)·u′, 0 at the kink, and a zero Hessian', () => {
    const { objective, derivativeText } = compileExpression('abs(x) + 3*abs(y - 1)');
    const g = new Float64Array(2);
    const H = new Float64Array(3);
    objective.grad(0, 1, g);
    expect([...g]).toEqual([0, 0]);
    objective.grad(-2, 4, g);
    expect([...g]).toEqual([-1, 3]);
    objective.hess(-2, 4, H);
    expect([...H]).toEqual([0, 0, 0]);
    expect(derivativeText.fx).toBe('sign(x)');
    expect(derivativeText.fy).toBe('3 * sign(y - 1)');
  });

  it('sqrt(x² + y²) at the origin: finite f, non-finite gradient, and the run stops there', () => {
    const { objective } = compileExpression('sqrt(x^2 + y^2)');
    expect(objective.f(0, 0)).toBe(0);
    const g = new Float64Array(2);
    objective.grad(0, 0, g);
    expect(Number.isFinite(g[0]) && Number.isFinite(g[1])).toBe(false);
    const H = new Float64Array(3);
    expect(() => objective.hess(0, 0, H)).not.toThrow();
    const result = runOptimizer(surfaceObjective(objective), {
      optimizer: sgd,
      params: { lr: 0.1, momentum: 0, dampening: 0, nesterov: false, weight_decay: 0 },
      schedule: null,
      start: [0, 0],
      steps: 10,
      noise: { sigma: 0, seed: 0 },
      swa: null,
    });
    expect(result.stop?.reason).toBe('gradient');
    expect(result.stop?.step).toBe(0);
  });

  it('outside the real domain the objective returns NaN rather than throwing', () => {
    const { objective } = compileExpression('sqrt(x) + log(y) + asin(x*y)');
    const g = new Float64Array(2);
    const H = new Float64Array(3);
    expect(objective.f(-1, -2)).toBeNaN();
    objective.grad(-1, -2, g);
    objective.hess(-1, -2, H);
    expect(g.every(Number.isNaN)).toBe(true);
    expect(H.every(Number.isNaN)).toBe(true);
  });
});

describe('derivative text', () => {
  it('shows the exact partials, simplified, with f_yx = f_xy', () => {
    const { derivativeText } = compileExpression('(1 - x)^2 + 100*(y - x^2)^2');
    expect(derivativeText.fy).toBe('200 * (y - x ^ 2)');
    expect(derivativeText.fyy).toBe('200');
    expect(derivativeText.fxy).toBe('-(400 * x)');
    for (const text of Object.values({ ...derivativeText })) expect(text).not.toBe('');
  });
});

describe('size limits', () => {
  it('refuses, with an ExpressionError, expressions whose derivatives would be huge', () => {
    // A 120-factor product: its Hessian by the product rule has ~10⁵ terms.
    const source = Array.from({ length: 120 }, (_, i) => (i % 2 ? 'x' : 'y')).join('*');
    const t0 = performance.now();
    expect(() => compileExpression(source)).toThrow(ExpressionError);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('compiles typical surfaces quickly', () => {
    const t0 = performance.now();
    for (const { source } of CASES) compileExpression(source);
    expect((performance.now() - t0) / CASES.length).toBeLessThan(200);
  });
});
