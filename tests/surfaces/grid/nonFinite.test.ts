import { describe, expect, it } from 'vitest';
import { sampleGrid } from '../../../src/surfaces/grid/sampleGrid.ts';
import type { GridSample } from '../../../src/surfaces/grid/gridSample.ts';
import { objective } from './objectives.ts';

function expectAllFinite(g: GridSample): void {
  for (const buf of [g.f, g.z, g.positions, g.normals])
    for (let k = 0; k < buf.length; k++) if (!Number.isFinite(buf[k])) throw new Error(`${k}`);
  for (const v of Object.values(g.stats)) expect(Number.isFinite(v)).toBe(true);
}

describe('sampleGrid with non-finite values', () => {
  // log x is NaN for x < 0 and −∞ at x = 0 (a vertex, with n = 9 on [−1, 1]).
  const logX = objective(
    (x, y) => Math.log(x) + y,
    (x) => [1 / x, 1],
  );
  const domain = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

  for (const heightMode of ['linear', 'log'] as const) {
    it(`masks NaN and −∞, clamps them and keeps every buffer finite (${heightMode})`, () => {
      const g = sampleGrid(logX, domain, 9, { heightMode });
      expectAllFinite(g);
      expect(g.stats.nonFinite).toBe(5 * 9);
      const fMin = Math.log(0.25) - 1;
      const fMax = Math.log(1) + 1;
      expect(g.stats.fMin).toBe(fMin);
      expect(g.stats.fMax).toBe(fMax);
      for (let j = 0; j < 9; j++)
        for (let i = 0; i < 9; i++) {
          const k = j * 9 + i;
          expect(g.mask[k]).toBe(i <= 4 ? 1 : 0);
          if (i < 4) {
            // NaN: a wall at the top.
            expect(g.z[k]).toBe(g.stats.zMax);
            expect(g.f[k]).toBe(fMax);
          } else if (i === 4) {
            // −∞: the bottom.
            expect(g.z[k]).toBe(g.stats.zMin);
            expect(g.f[k]).toBe(fMin);
          }
          if (i <= 4) expect([...g.normals.subarray(3 * k, 3 * k + 3)]).toEqual([0, 0, 1]);
        }
    });
  }

  it('masks +∞ and values beyond float32 range', () => {
    const wall = objective(
      (x) => (x > 0.5 ? Infinity : x < -0.5 ? 1e39 : x),
      () => [1, 0],
    );
    const g = sampleGrid(wall, domain, 5);
    expectAllFinite(g);
    expect([...g.mask.subarray(0, 5)]).toEqual([1, 0, 0, 0, 1]);
    expect(g.stats.fMax).toBe(0.5);
    expect(g.z[0]).toBe(0.5);
    expect(g.z[4]).toBe(0.5);
  });

  it('an objective that is nowhere finite gives a flat, fully masked grid', () => {
    const g = sampleGrid(
      objective(
        () => NaN,
        () => [NaN, NaN],
      ),
      domain,
      6,
      { heightMode: 'log' },
    );
    expectAllFinite(g);
    expect(g.stats.nonFinite).toBe(36);
    expect(g.mask.every((m) => m === 1)).toBe(true);
    expect(g.z.every((v) => v === 0)).toBe(true);
  });

  it('a non-finite gradient at a finite f gives a usable normal, not NaN', () => {
    // ∛x has an infinite slope at 0: the surface is vertical there.
    const cbrt = objective(
      (x) => Math.cbrt(x),
      (x) => [1 / (3 * Math.cbrt(x) ** 2), 0],
    );
    const g = sampleGrid(cbrt, domain, 5);
    expectAllFinite(g);
    expect(g.mask.every((m) => m === 0)).toBe(true);
    const k = 2 * 5 + 2; // x = 0
    expect([...g.normals.subarray(3 * k, 3 * k + 3)]).toEqual([-1, 0, 0]);
    // A gradient so large its square overflows still normalizes to the horizontal.
    const steep = objective(
      (x) => x,
      () => [1e200, 0],
    );
    const h = sampleGrid(steep, domain, 3);
    expect(h.normals[0]).toBeCloseTo(-1, 12);
    expect(h.normals[2]).toBeGreaterThanOrEqual(0);
    // A NaN gradient falls back to straight up.
    const nanGrad = objective(
      (x) => x,
      () => [NaN, 0],
    );
    expect([...sampleGrid(nanGrad, domain, 2).normals.subarray(0, 3)]).toEqual([0, 0, 1]);
  });

  it('reused buffers forget an earlier mask', () => {
    const g = sampleGrid(logX, domain, 9);
    const h = sampleGrid(
      objective(
        (x, y) => x + y,
        () => [1, 1],
      ),
      domain,
      9,
      {},
      g,
    );
    expect(h.stats.nonFinite).toBe(0);
    expect(h.mask.every((m) => m === 0)).toBe(true);
  });
});
