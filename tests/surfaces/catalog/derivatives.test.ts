import { describe, expect, it } from 'vitest';
import type { Objective2D } from '../../../src/engine/objective2d.ts';
import { NormalStream } from '../../../src/engine/noise.ts';
import { SURFACE_LIST } from '../../../src/surfaces/catalog/index.ts';
import type { Domain } from '../../../src/surfaces/surface.ts';
import { KINKS } from './kinks.ts';
import { paramSettings } from './paramSettings.ts';

/**
 * Every surface's gradient and Hessian (compiled from its expression; the data surface's and
 * Ackley's cone tip by hand) against finite differences: ∇f against the
 * five-point central difference of f, and ∇²f against that of the exact ∇f, at a grid of
 * points plus random ones across the domain, for the default parameters and for each
 * parameter at its extremes.
 *
 * The five-point stencil (f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h)) / 12h has truncation error
 * O(h⁴·f⁽⁵⁾) and rounding error about ε·|f|/h; with h = 1e−4 of the domain's span both stay far
 * below the tolerance 1e−6·(|exact| + 1) + 100·ε·max|f|/h, so a sign or factor slip anywhere
 * in a derivation fails it. Points within 50h of a kink (kinks.ts) are skipped.
 */

const EPS = Number.EPSILON;

function samplePoints(d: Domain, seed: number): [number, number][] {
  const pts: [number, number][] = [];
  const n = 9;
  // A grid nudged off round numbers (so it does not sit exactly on symmetry lines) ...
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      pts.push([
        d.xMin + ((i + 0.5 + 0.013) / n) * (d.xMax - d.xMin),
        d.yMin + ((j + 0.5 - 0.017) / n) * (d.yMax - d.yMin),
      ]);
  // ... plus uniform random points.
  const rng = new NormalStream(seed);
  for (let k = 0; k < 40; k++)
    pts.push([
      d.xMin + rng.nextUniform() * (d.xMax - d.xMin),
      d.yMin + rng.nextUniform() * (d.yMax - d.yMin),
    ]);
  return pts;
}

/** Five-point central difference of a scalar function of one variable. */
function diff5(fn: (t: number) => number, t: number, h: number): { d: number; mag: number } {
  const a = fn(t - 2 * h);
  const b = fn(t - h);
  const c = fn(t + h);
  const e = fn(t + 2 * h);
  return {
    d: (a - 8 * b + 8 * c - e) / (12 * h),
    mag: Math.max(Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(e)),
  };
}

function checkAt(obj: Objective2D, x: number, y: number, h: number): string | null {
  const g = new Float64Array(2);
  const H = new Float64Array(3);
  const tmp = new Float64Array(2);
  obj.grad(x, y, g);
  obj.hess(x, y, H);
  const fx = diff5((t) => obj.f(t, y), x, h);
  const fy = diff5((t) => obj.f(x, t), y, h);
  const gx = (t: number, i: number) => (obj.grad(t, y, tmp), tmp[i]);
  const gy = (t: number, i: number) => (obj.grad(x, t, tmp), tmp[i]);
  const hxx = diff5((t) => gx(t, 0), x, h);
  const hxy = diff5((t) => gx(t, 1), x, h);
  const hyx = diff5((t) => gy(t, 0), y, h);
  const hyy = diff5((t) => gy(t, 1), y, h);
  const checks: [string, number, { d: number; mag: number }][] = [
    ['f_x', g[0], fx],
    ['f_y', g[1], fy],
    ['f_xx', H[0], hxx],
    ['f_xy (∂x of f_y)', H[1], hxy],
    ['f_xy (∂y of f_x)', H[1], hyx],
    ['f_yy', H[2], hyy],
  ];
  for (const [name, exact, fd] of checks) {
    const tol = 1e-6 * (Math.abs(exact) + 1) + (100 * EPS * fd.mag) / h;
    if (!(Math.abs(exact - fd.d) <= tol))
      return `${name} at (${x}, ${y}): exact ${exact}, finite difference ${fd.d} (tol ${tol})`;
  }
  return null;
}

describe('catalog derivatives match finite differences', () => {
  for (const s of SURFACE_LIST)
    for (const { label, params } of paramSettings(s))
      it(`${s.id} (${label})`, () => {
        const obj = s.create(params, { seed: 3 });
        const d = s.domain(params);
        const h = 1e-4 * Math.max(d.xMax - d.xMin, d.yMax - d.yMin);
        const kinks = KINKS[s.id] ?? [];
        const failures: string[] = [];
        let checked = 0;
        for (const [x, y] of samplePoints(d, 11)) {
          if (kinks.some(([kx, ky]) => Math.hypot(x - kx, y - ky) < 50 * h)) continue;
          const err = checkAt(obj, x, y, h);
          if (err) failures.push(err);
          checked++;
        }
        expect(failures).toEqual([]);
        expect(checked).toBeGreaterThan(100);
      });
});

describe('catalog f, ∇f and ∇²f are finite everywhere in the domain', () => {
  for (const s of SURFACE_LIST)
    for (const { label, params } of paramSettings(s))
      it(`${s.id} (${label})`, () => {
        const obj = s.create(params, { seed: 3 });
        const d = s.domain(params);
        const g = new Float64Array(2);
        const H = new Float64Array(3);
        const bad: string[] = [];
        const n = 41; // includes the domain's corners, edges and (for symmetric domains) centre
        const pts: [number, number][] = [[0, 0]];
        for (const c of s.criticalPoints(params)) pts.push([c.x, c.y]);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++)
            pts.push([
              d.xMin + (i / (n - 1)) * (d.xMax - d.xMin),
              d.yMin + (j / (n - 1)) * (d.yMax - d.yMin),
            ]);
        for (const [x, y] of pts) {
          const f = obj.f(x, y);
          obj.grad(x, y, g);
          obj.hess(x, y, H);
          if (![f, g[0], g[1], H[0], H[1], H[2]].every(Number.isFinite))
            bad.push(`(${x}, ${y}): f ${f}, grad ${[...g]}, hess ${[...H]}`);
          if (obj.stochasticGrad) {
            obj.stochasticGrad(x, y, 17, g);
            if (!(Number.isFinite(g[0]) && Number.isFinite(g[1])))
              bad.push(`(${x}, ${y}): stochastic grad ${[...g]}`);
          }
        }
        expect(bad).toEqual([]);
      });
});

describe('kinks use a subgradient, never NaN', () => {
  it("Ackley's cone tip at the origin: gradient exactly 0 and a finite Hessian", () => {
    const s = SURFACE_LIST.find((x) => x.id === 'ackley')!;
    for (const { params } of paramSettings(s)) {
      const obj = s.create(params, { seed: 0 });
      const g = new Float64Array([NaN, NaN]);
      const H = new Float64Array([NaN, NaN, NaN]);
      obj.grad(0, 0, g);
      obj.hess(0, 0, H);
      expect(obj.f(0, 0)).toBeCloseTo(0, 12);
      expect([...g]).toEqual([0, 0]);
      expect([...H].every(Number.isFinite)).toBe(true);
      // Also -0, which the sign logic must treat like 0.
      obj.grad(-0, -0, g);
      expect([...g].map(Math.abs)).toEqual([0, 0]);
    }
  });
});
