import { describe, expect, it } from 'vitest';
import { gridAxis } from '../../src/models/landscape/plane.ts';
import { sliceSurface } from '../../src/models/landscape/sliceSurface.ts';

const axis = gridAxis(2, 21);
const quad = (a: number, b: number) => 0.7 * a * a + 0.3 * a * b - 0.4 * b * b + a - 2 * b + 1;
const losses = new Float64Array(axis.length * axis.length);
for (let i = 0; i < axis.length; i++)
  for (let j = 0; j < axis.length; j++) losses[i * axis.length + j] = quad(axis[i], axis[j]);
const s = sliceSurface(axis, axis, losses);

describe('a computed slice as a surface', () => {
  it('passes through every computed loss, with α the first index', () => {
    for (let i = 0; i < axis.length; i += 3)
      for (let j = 0; j < axis.length; j += 4)
        expect(s.f(axis[i], axis[j])).toBeCloseTo(losses[i * axis.length + j], 12);
  });

  it('reproduces a quadratic between grid points, and its gradient (Catmull–Rom is exact to degree 2)', () => {
    // Away from the edges, where the clamped neighbours are still true grid values.
    const g = new Float64Array(2);
    for (const [a, b] of [
      [0.13, -0.71],
      [1.05, 0.55],
      [-1.3, 1.1],
    ]) {
      expect(s.f(a, b)).toBeCloseTo(quad(a, b), 12);
      s.grad(a, b, g);
      expect(g[0]).toBeCloseTo(1.4 * a + 0.3 * b + 1, 10);
      expect(g[1]).toBeCloseTo(0.3 * a - 0.8 * b - 2, 10);
    }
    const h = new Float64Array(3);
    s.hess(0.2, 0.3, h);
    expect(h[0]).toBeCloseTo(1.4, 5);
    expect(h[1]).toBeCloseTo(0.3, 5);
    expect(h[2]).toBeCloseTo(-0.8, 5);
  });

  it('extends the edge values flat outside the grid', () => {
    const g = new Float64Array(2);
    expect(s.f(5, 0)).toBeCloseTo(quad(2, 0), 12);
    s.grad(5, 0.5, g);
    expect(g[0]).toBe(0);
  });

  it('refuses a grid whose losses do not match its axes', () => {
    expect(() => sliceSurface(axis, axis, new Float64Array(5))).toThrow(/one per grid point/);
  });
});
