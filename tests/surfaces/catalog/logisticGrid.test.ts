import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/surfaces/catalog/data/dataset.ts';
import { logisticSums } from '../../../src/surfaces/catalog/data/logisticGrid.ts';
import { fillGridCoords } from '../../../src/surfaces/grid/gridSample.ts';

/**
 * The logistic surface's grid sums (logs of chunked products, exponentials factored per row and
 * column) against the plain sums Σ log1p(exp(z)) and Σ −y·x·σ(z) at every vertex.
 * (tests/surfaces/catalog/fgGrid.test.ts checks the surface's grid loop against its point
 * functions.)
 */
function sums(n: number, separation: number, nx: number, ny: number, chunk: number) {
  const data = makeDataset(n, separation, 3);
  const xs = new Float64Array(nx);
  const ys = new Float64Array(ny);
  fillGridCoords(-3.1, 2.9, nx, xs);
  fillGridCoords(-2.7, 3.3, ny, ys);
  const out = [nx * ny, nx * ny, nx * ny].map((m) => new Float64Array(m));
  logisticSums(data, xs, ys, chunk, out[0], out[1], out[2]);
  return { data, xs, ys, out };
}

const close = (a: number, b: number, tol: number) =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

describe('logistic grid sums', () => {
  // Chunks that do and do not divide n.
  const cases: [n: number, separation: number, nx: number, ny: number, chunk: number][] = [
    [4, 2, 1, 1, 16],
    [7, 0, 5, 3, 3],
    [64, 2, 37, 23, 16],
    [512, 1, 30, 7, 16],
    [33, 4, 2, 2, 1],
  ];
  for (const [n, separation, nx, ny, chunk] of cases)
    it(`match the plain per-example sums: ${n} examples, ${nx}×${ny}, chunks of ${chunk}`, () => {
      const { data, xs, ys, out } = sums(n, separation, nx, ny, chunk);
      for (let j = 0, k = 0; j < ny; j++)
        for (let i = 0; i < nx; i++, k++) {
          let s = 0;
          let a = 0;
          let b = 0;
          for (let p = 0; p < data.n; p++) {
            const z = -data.label[p] * (xs[i] * data.x1[p] + ys[j] * data.x2[p]);
            s += Math.log1p(Math.exp(z));
            const c = 1 / (1 + Math.exp(-z));
            a -= c * data.label[p] * data.x1[p];
            b -= c * data.label[p] * data.x2[p];
          }
          if (
            !close(out[0][k], s, 1e-13) ||
            !close(out[1][k], a, 1e-12) ||
            !close(out[2][k], b, 1e-12)
          )
            expect.fail(
              `vertex ${k}: (${out[0][k]}, ${out[1][k]}, ${out[2][k]}) vs (${s}, ${a}, ${b})`,
            );
        }
    });

  it('refuse a chunk below 1, which would never advance', () => {
    expect(() => sums(4, 2, 3, 3, 0)).toThrow(/chunk must be a whole number ≥ 1/);
    expect(() => sums(4, 2, 3, 3, 0.5)).toThrow(RangeError);
  });
});
