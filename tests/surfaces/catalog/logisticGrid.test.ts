import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/surfaces/catalog/data/dataset.ts';
import { logisticSums } from '../../../src/surfaces/catalog/data/logisticGrid.ts';
import { kernelMemory } from '../../../src/surfaces/grid/gridKernels.ts';
import { fillGridCoords } from '../../../src/surfaces/grid/gridSample.ts';

/**
 * The logistic surface's grid sums: the WebAssembly kernel (four columns at a time, padded rows)
 * against its JavaScript twin, bit for bit. (tests/surfaces/catalog/fgGrid.test.ts checks the
 * surface's grid loop against its point functions.)
 */
function sums(
  n: number,
  separation: number,
  nx: number,
  ny: number,
  chunk: number,
  passes: 'auto' | 'js',
) {
  const data = makeDataset(n, separation, 3);
  const xs = new Float64Array(nx);
  const ys = new Float64Array(ny);
  fillGridCoords(-3.1, 2.9, nx, xs);
  fillGridCoords(-2.7, 3.3, ny, ys);
  const out = [nx * ny, nx * ny, nx * ny].map((m) => new Float64Array(m));
  logisticSums(data, xs, ys, chunk, out[0], out[1], out[2], passes);
  return out;
}

describe('logistic grid sums', () => {
  it('run in WebAssembly here, so the benchmark and the app time the kernel', () => {
    expect(kernelMemory(1024)).not.toBeNull();
  });

  // Column counts around the kernel's group of four, chunks that do and do not divide n.
  const cases: [n: number, separation: number, nx: number, ny: number, chunk: number][] = [
    [4, 2, 1, 1, 16],
    [7, 0, 5, 3, 3],
    [64, 2, 37, 23, 16],
    [64, 6, 256, 4, 9],
    [512, 1, 30, 7, 16],
    [33, 4, 2, 2, 1],
  ];
  for (const [n, separation, nx, ny, chunk] of cases)
    it(`give the JavaScript loop's sums bit for bit: ${n} examples, ${nx}×${ny}, chunks of ${chunk}`, () => {
      const wasm = sums(n, separation, nx, ny, chunk, 'auto');
      const js = sums(n, separation, nx, ny, chunk, 'js');
      for (let a = 0; a < 3; a++)
        for (let k = 0; k < nx * ny; k++)
          if (!Object.is(wasm[a][k], js[a][k]))
            expect.fail(`${['sum', 'g1', 'g2'][a]}[${k}]: ${wasm[a][k]} vs ${js[a][k]}`);
      // Finite, non-trivial sums: a loss is positive, and so is its sum over the data.
      expect(js[0].every((v) => v > 0 && Number.isFinite(v))).toBe(true);
    });

  it('refuse a chunk below 1, which would never advance', () => {
    expect(() => sums(4, 2, 3, 3, 0, 'js')).toThrow(/chunk must be a whole number ≥ 1/);
    expect(() => sums(4, 2, 3, 3, 0.5, 'auto')).toThrow(RangeError);
  });
});
