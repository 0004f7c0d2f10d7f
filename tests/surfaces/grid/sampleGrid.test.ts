import { describe, expect, it } from 'vitest';
import { sampleGrid } from '../../../src/surfaces/grid/sampleGrid.ts';
import type { GridSample } from '../../../src/surfaces/grid/gridSample.ts';
import { objective, paraboloid, plane, unit } from './objectives.ts';

const square = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };

function vec(a: Float32Array, k: number): [number, number, number] {
  return [a[3 * k], a[3 * k + 1], a[3 * k + 2]];
}

function sub(a: number[], b: number[]): number[] {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function cross(a: number[], b: number[]): number[] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/** The normal of the drawn mesh at an interior vertex, by central differences of positions. */
function meshNormal(g: GridSample, i: number, j: number): number[] {
  const { n, positions: P } = g;
  const k = j * n + i;
  const dx = sub(vec(P, k + 1), vec(P, k - 1));
  const dy = sub(vec(P, k + n), vec(P, k - n));
  return unit(cross(dx, dy));
}

describe('sampleGrid layout and heights', () => {
  it('samples row-major (x along a row, y across rows) and stores f exactly as float32', () => {
    const f = (x: number, y: number) => Math.exp(x) * Math.cos(3 * y) + x * y * 0.1;
    const g = sampleGrid(
      objective(f, () => [0, 0]),
      { xMin: -1, xMax: 2, yMin: 0.5, yMax: 4 },
      17,
    );
    expect(g.xs[0]).toBe(-1);
    expect(g.xs[16]).toBe(2);
    expect(g.ys[0]).toBe(0.5);
    expect(g.ys[16]).toBe(4);
    for (let i = 0; i < 17; i++) {
      expect(g.xs[i]).toBeCloseTo(-1 + (3 * i) / 16, 14);
      expect(g.ys[i]).toBeCloseTo(0.5 + (3.5 * i) / 16, 14);
    }
    for (let j = 0; j < 17; j++)
      for (let i = 0; i < 17; i++) {
        const k = j * 17 + i;
        const v = f(g.xs[i], g.ys[j]);
        expect(g.f[k]).toBe(v);
        expect(g.z[k]).toBe(Math.fround(v));
      }
    expect(g.stats.nonFinite).toBe(0);
  });

  it('writes world positions X = sx(x − cx), Y = sy(y − cy), Z = sz·z', () => {
    const g = sampleGrid(paraboloid, { xMin: 0, xMax: 4, yMin: -1, yMax: 1 }, 9, {
      scaleX: 0.5,
      scaleY: 2,
      scaleZ: 0.25,
    });
    for (let j = 0; j < 9; j++)
      for (let i = 0; i < 9; i++) {
        const k = j * 9 + i;
        const [X, Y, Z] = vec(g.positions, k);
        expect(X).toBe(Math.fround(0.5 * (g.xs[i] - 2)));
        expect(Y).toBe(Math.fround(2 * (g.ys[j] - 0)));
        expect(Z).toBe(Math.fround(0.25 * g.z[k]));
      }
    const h = sampleGrid(paraboloid, square, 5, { centerX: 1, centerY: -1 });
    expect(vec(h.positions, 0).slice(0, 2)).toEqual([-3, -1]);
  });

  it('log mode: z = ln(1 + f − fMin) with fMin the grid minimum', () => {
    const rosen = objective(
      (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
      (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    );
    const g = sampleGrid(rosen, { xMin: -2, xMax: 2, yMin: -1, yMax: 3 }, 33, {
      heightMode: 'log',
    });
    let fMin = Infinity;
    let fMax = -Infinity;
    for (let j = 0; j < 33; j++)
      for (let i = 0; i < 33; i++) {
        const v = rosen.f(g.xs[i], g.ys[j]);
        fMin = Math.min(fMin, v);
        fMax = Math.max(fMax, v);
      }
    expect(g.stats.fMin).toBe(fMin);
    expect(g.stats.fMax).toBe(fMax);
    for (let k = 0; k < 33 * 33; k++) {
      const expected = Math.log1p(g.f[k] - fMin);
      expect(Math.abs(g.z[k] - expected)).toBeLessThanOrEqual(1e-7 * Math.max(1, expected));
    }
    expect(g.stats.zMin).toBe(0);
    expect(g.stats.zMax).toBeCloseTo(Math.log1p(fMax - fMin), 5);
  });

  it('reuses the buffers while n is unchanged and reallocates when it changes', () => {
    const a = sampleGrid(paraboloid, square, 16);
    const { f, z, positions, normals, mask } = a;
    const b = sampleGrid(plane(1, 2, 3), { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, 16, {}, a);
    expect(b).toBe(a);
    expect([b.f, b.z, b.positions, b.normals, b.mask]).toEqual([f, z, positions, normals, mask]);
    expect(b.f).toBe(f);
    expect(b.positions).toBe(positions);
    // The reused sample describes the new surface and domain entirely.
    expect(b.domain).toEqual({ xMin: 0, xMax: 1, yMin: 0, yMax: 1 });
    expect(vec(b.positions, 16 * 16 - 1)).toEqual([0.5, 0.5, 6]);
    // A new scale rewrites X and Y too.
    sampleGrid(plane(1, 2, 3), { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, 16, { scaleX: 4 }, b);
    expect(vec(b.positions, 16 * 16 - 1)).toEqual([2, 0.5, 6]);
    const c = sampleGrid(paraboloid, square, 20, {}, a);
    expect(c).not.toBe(a);
    expect(c.z.length).toBe(400);
    expect(c.normals.length).toBe(1200);
  });

  it('rejects a bad size, domain or scale', () => {
    expect(() => sampleGrid(paraboloid, square, 1)).toThrow(RangeError);
    expect(() => sampleGrid(paraboloid, square, 10.5)).toThrow(RangeError);
    expect(() => sampleGrid(paraboloid, { ...square, xMax: -2 }, 8)).toThrow(RangeError);
    expect(() => sampleGrid(paraboloid, { ...square, yMax: NaN }, 8)).toThrow(RangeError);
    expect(() => sampleGrid(paraboloid, square, 8, { scaleZ: 0 })).toThrow(RangeError);
  });
});

describe('sampleGrid normals (analytic gradient)', () => {
  it('plane: the exact unit normal of the scaled mesh, and perpendicular to its edges', () => {
    const [a, b] = [2, -3];
    const opts = { scaleX: 2, scaleY: 0.5, scaleZ: 3 };
    const g = sampleGrid(plane(a, b, 1), square, 11, opts);
    const expected = unit([(-3 * a) / 2, (-3 * b) / 0.5, 1]);
    for (let k = 0; k < 121; k++) {
      const nrm = vec(g.normals, k);
      for (let c = 0; c < 3; c++) expect(nrm[c]).toBeCloseTo(expected[c], 6);
      expect(Math.hypot(...nrm)).toBeCloseTo(1, 6);
    }
    // Independently: the drawn mesh of a plane is planar, so its cross-product normal is exact.
    const m = meshNormal(g, 5, 5);
    for (let c = 0; c < 3; c++) expect(m[c]).toBeCloseTo(expected[c], 5);
  });

  it('paraboloid: n ∝ (−sz·2x/sx, −sz·2y/sy, 1), unit length, matching the mesh', () => {
    const opts = { scaleX: 1.5, scaleY: 0.75, scaleZ: 0.4 };
    const n = 65;
    const g = sampleGrid(paraboloid, square, n, opts);
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        const [x, y] = [g.xs[i], g.ys[j]];
        const expected = unit([(-0.4 * 2 * x) / 1.5, (-0.4 * 2 * y) / 0.75, 1]);
        const nrm = vec(g.normals, j * n + i);
        for (let c = 0; c < 3; c++) expect(nrm[c]).toBeCloseTo(expected[c], 6);
        expect(Math.hypot(...nrm)).toBeCloseTo(1, 6);
      }
    // Central differences of the drawn positions agree to O(h²) (exact for a quadratic, up to
    // float32 rounding of the positions).
    for (const [i, j] of [
      [10, 50],
      [32, 32],
      [60, 3],
    ]) {
      const m = meshNormal(g, i, j);
      const nrm = vec(g.normals, j * n + i);
      for (let c = 0; c < 3; c++) expect(Math.abs(m[c] - nrm[c])).toBeLessThan(1e-4);
    }
  });

  it('log mode: chain rule through z = ln(1 + f − fMin)', () => {
    const n = 41; // the origin is a vertex, so fMin = 0
    const opts = { heightMode: 'log' as const, scaleZ: 2 };
    const g = sampleGrid(paraboloid, square, n, opts);
    expect(g.stats.fMin).toBe(0);
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        const [x, y] = [g.xs[i], g.ys[j]];
        const s = 1 / (1 + x * x + y * y);
        const expected = unit([-2 * s * 2 * x, -2 * s * 2 * y, 1]);
        const nrm = vec(g.normals, j * n + i);
        for (let c = 0; c < 3; c++) expect(nrm[c]).toBeCloseTo(expected[c], 6);
      }
    const m = meshNormal(g, 30, 12);
    const nrm = vec(g.normals, 12 * n + 30);
    for (let c = 0; c < 3; c++) expect(Math.abs(m[c] - nrm[c])).toBeLessThan(5e-3);
  });
});
