import { describe, expect, it } from 'vitest';
import { SURFACE_LIST } from '../../../src/surfaces/catalog/index.ts';
import { KINKS } from './kinks.ts';
import { paramSettings } from './paramSettings.ts';

/**
 * Every listed critical point, at every tested parameter setting, really is one: the gradient
 * vanishes there, the Hessian agrees with its kind, its value is f there, and no listed minimum
 * is lower than a listed global minimum. Published points are checked at their `exact`
 * refinement (the printed position is rounded; publishedMinima.test.ts checks the rounding).
 */
describe('listed critical points are what they claim', () => {
  for (const s of SURFACE_LIST)
    for (const { label, params } of paramSettings(s))
      it(`${s.id} (${label})`, () => {
        const obj = s.create(params, { seed: 0 });
        const points = s.criticalPoints(params);
        const g = new Float64Array(2);
        const H = new Float64Array(3);
        for (const c of points) {
          const p = c.exact ?? c;
          obj.grad(p.x, p.y, g);
          obj.hess(p.x, p.y, H);
          const scale = 1 + Math.hypot(H[0], H[1], H[1], H[2]) * (1 + Math.hypot(p.x, p.y));
          expect(Math.hypot(g[0], g[1]), `${c.kind} at (${p.x}, ${p.y})`).toBeLessThan(
            1e-9 * scale,
          );
          expect(p.f).toBeCloseTo(obj.f(p.x, p.y), 9);
          const det = H[0] * H[2] - H[1] * H[1];
          const ring = (r: number) =>
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(
              (k) =>
                obj.f(
                  p.x + r * Math.cos((k * Math.PI) / 6),
                  p.y + r * Math.sin((k * Math.PI) / 6),
                ) - p.f,
            );
          if ((KINKS[s.id] ?? []).some(([kx, ky]) => kx === p.x && ky === p.y)) {
            // At a cone's tip the Hessian is a convention: check f rises all around instead.
            expect(c.kind).not.toBe('saddle');
            for (const r of [1e-6, 1e-3, 1e-2]) expect(Math.min(...ring(r))).toBeGreaterThan(0);
          } else if (c.kind === 'saddle') {
            // Strict saddles have det < 0; the monkey saddle's centre is degenerate (H = 0) but
            // f changes sign in every neighbourhood: check f takes both signs around it.
            if (det === 0) {
              const around = ring(1e-3);
              expect(Math.min(...around)).toBeLessThan(0);
              expect(Math.max(...around)).toBeGreaterThan(0);
            } else expect(det).toBeLessThan(0);
          } else {
            expect(H[0]).toBeGreaterThan(0);
            expect(det).toBeGreaterThan(0);
          }
        }
        const minima = points.filter((c) => c.kind !== 'saddle').map((c) => (c.exact ?? c).f);
        const globals = points.filter((c) => c.kind === 'global-min').map((c) => (c.exact ?? c).f);
        if (globals.length > 0)
          for (const m of minima) expect(m).toBeGreaterThanOrEqual(Math.min(...globals) - 1e-9);
      });
});

describe('no point of the domain is lower than a listed global minimum', () => {
  for (const s of SURFACE_LIST)
    for (const { label, params } of paramSettings(s))
      it(`${s.id} (${label})`, () => {
        const globals = s.criticalPoints(params).filter((c) => c.kind === 'global-min');
        if (globals.length === 0) return;
        const fMin = Math.min(...globals.map((c) => (c.exact ?? c).f));
        const obj = s.create(params, { seed: 0 });
        const d = s.domain(params);
        const n = 201;
        let lowest = Infinity;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++)
            lowest = Math.min(
              lowest,
              obj.f(
                d.xMin + (i / (n - 1)) * (d.xMax - d.xMin),
                d.yMin + (j / (n - 1)) * (d.yMax - d.yMin),
              ),
            );
        expect(lowest).toBeGreaterThanOrEqual(fMin - 1e-12 * (1 + Math.abs(fMin)));
      });
});
