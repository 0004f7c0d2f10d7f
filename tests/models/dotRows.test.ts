import { describe, expect, it } from 'vitest';
import { dotRows, transpose } from '../../src/models/dotRows.ts';

describe('dotRows', () => {
  // Odd sizes reach every tail: rows past the last four, a last column alone.
  for (const [rows, m, n] of [
    [7, 5, 3],
    [4, 2, 1],
    [1, 1, 9],
    [9, 4, 30],
  ])
    it(`${rows} × ${m} over ${n}: each sum in ascending order, bias last, bit for bit`, () => {
      const x = Float64Array.from({ length: rows * n }, (_, i) => Math.sin(i + 1));
      const y = Float64Array.from({ length: 3 + m * n }, (_, i) => Math.cos(2 * i));
      const bias = Float64Array.from({ length: 1 + m }, (_, i) => i / 3);
      const out = new Float64Array(2 + rows * m);
      const plain = new Float64Array(2 + rows * m);
      dotRows(x, rows, y, 3, m, n, out, 2, bias, 1);
      dotRows(x, rows, y, 3, m, n, plain, 2, null, 0);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < m; c++) {
          let a = 0;
          for (let k = 0; k < n; k++) a += x[r * n + k] * y[3 + c * n + k];
          expect(plain[2 + r * m + c]).toBe(a);
          expect(out[2 + r * m + c]).toBe(a + bias[1 + c]);
        }
      expect([out[0], out[1]]).toEqual([0, 0]);
    });

  it('transpose puts element (r, c) at (c, r)', () => {
    const out = new Float64Array(6);
    transpose(Float64Array.from([9, 1, 2, 3, 4, 5, 6]), 1, 2, 3, out);
    expect(Array.from(out)).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
