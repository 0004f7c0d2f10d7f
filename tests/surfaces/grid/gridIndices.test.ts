import { describe, expect, it } from 'vitest';
import { gridIndices } from '../../../src/surfaces/grid/gridIndices.ts';
import { sampleGrid } from '../../../src/surfaces/grid/sampleGrid.ts';
import { paraboloid } from './objectives.ts';

describe('gridIndices', () => {
  it('two triangles per cell, each wound counter-clockwise seen from +Z (facing the normals)', () => {
    const n = 7;
    const idx = gridIndices(n);
    expect(idx).toBeInstanceOf(Uint16Array);
    expect(idx.length).toBe(6 * (n - 1) ** 2);
    const g = sampleGrid(paraboloid, { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, n);
    const P = g.positions;
    const used = new Set<number>();
    for (let t = 0; t < idx.length; t += 3) {
      const [a, b, c] = [idx[t], idx[t + 1], idx[t + 2]];
      [a, b, c].forEach((v) => used.add(v));
      const ux = P[3 * b] - P[3 * a];
      const uy = P[3 * b + 1] - P[3 * a + 1];
      const vx = P[3 * c] - P[3 * a];
      const vy = P[3 * c + 1] - P[3 * a + 1];
      expect(ux * vy - uy * vx).toBeGreaterThan(0); // z of the face normal
    }
    expect(used.size).toBe(n * n);
  });

  it('switches to 32-bit indices past 65536 vertices', () => {
    expect(gridIndices(256)).toBeInstanceOf(Uint16Array);
    expect(gridIndices(257)).toBeInstanceOf(Uint32Array);
    expect(() => gridIndices(1)).toThrow(RangeError);
  });
});
