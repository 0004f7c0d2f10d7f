import { describe, expect, it } from 'vitest';
import { SURFACE_LIST } from '../../../src/surfaces/catalog/index.ts';
import { evaluatePoints } from '../../../src/surfaces/grid/evaluatePoints.ts';
import { fillGridCoords } from '../../../src/surfaces/grid/gridSample.ts';
import { paramSettings } from './paramSettings.ts';

/**
 * A surface's grid loop (fgGrid) must give the values its point functions give. The generated
 * loops hoist row terms (the same operations, so the same bits); the data surface's loop factors
 * its exponentials, which rounds differently, so the check allows 1e-12 of the grid's largest |value|
 * (plus 1e-12): rounding stays orders of magnitude below that, while a wrong coefficient, sign
 * or term anywhere is an error of the order of the values themselves.
 */
const TOL = 1e-12;
/** Surfaces allowed to have no grid loop of their own (none at present). */
const WITHOUT_GRID_LOOP = new Set<string>();

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const v of a) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m;
}

describe('surface grid loops (fgGrid) agree with f and ∇f', () => {
  it('every catalog surface has one', () => {
    const missing = SURFACE_LIST.filter(
      (s) => !WITHOUT_GRID_LOOP.has(s.id) && !s.create({}, { seed: 0 }).fgGrid,
    ).map((s) => s.id);
    expect(missing).toEqual([]);
  });

  for (const s of SURFACE_LIST) {
    if (WITHOUT_GRID_LOOP.has(s.id)) continue;
    it(s.id, () => {
      for (const { label, params } of paramSettings(s)) {
        const o = s.create(params, { seed: 0 });
        const d = s.domain(params);
        // An uneven grid over a region a little larger than the domain, so no vertex sits on
        // a symmetry line by accident.
        const nx = 37;
        const ny = 23;
        const xs = new Float64Array(nx);
        const ys = new Float64Array(ny);
        const padX = 0.07 * (d.xMax - d.xMin);
        const padY = 0.05 * (d.yMax - d.yMin);
        fillGridCoords(d.xMin - padX, d.xMax + padX, nx, xs);
        fillGridCoords(d.yMin - padY, d.yMax + padY, ny, ys);
        const f = new Float64Array(nx * ny);
        const gx = new Float64Array(nx * ny);
        const gy = new Float64Array(nx * ny);
        o.fgGrid!(xs, ys, f, gx, gy);
        const pf = new Float64Array(nx * ny);
        const pgx = new Float64Array(nx * ny);
        const pgy = new Float64Array(nx * ny);
        evaluatePoints(o, xs, ys, pf, pgx, pgy);
        for (const [name, got, want] of [
          ['f', f, pf],
          ['∂f/∂x', gx, pgx],
          ['∂f/∂y', gy, pgy],
        ] as const) {
          const tol = TOL * (1 + maxAbs(want));
          for (let k = 0; k < want.length; k++) {
            if (
              Math.abs(got[k] - want[k]) <= tol ||
              (Number.isNaN(got[k]) && Number.isNaN(want[k]))
            )
              continue;
            const at = `(${xs[k % nx]}, ${ys[Math.floor(k / nx)]})`;
            expect.fail(
              `${s.id} ${label}: ${name} at ${at} is ${got[k]}, point function ${want[k]}`,
            );
          }
        }
      }
    });
  }

  it('logistic falls back to its point functions where the factored exponentials could overflow', () => {
    const s = SURFACE_LIST.find((d) => d.id === 'logistic')!;
    const o = s.create({}, { seed: 0 });
    const xs = Float64Array.of(-400, 0.5, 400);
    const ys = Float64Array.of(-300, 2);
    const f = new Float64Array(6);
    const gx = new Float64Array(6);
    const gy = new Float64Array(6);
    o.fgGrid!(xs, ys, f, gx, gy);
    const g = new Float64Array(2);
    for (let j = 0, k = 0; j < 2; j++)
      for (let i = 0; i < 3; i++, k++) {
        o.grad(xs[i], ys[j], g);
        expect([f[k], gx[k], gy[k]]).toEqual([o.f(xs[i], ys[j]), g[0], g[1]]);
        expect(Number.isFinite(f[k])).toBe(true);
      }
  });
});
