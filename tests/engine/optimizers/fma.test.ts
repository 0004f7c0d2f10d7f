import { describe, expect, it } from 'vitest';
import { fma } from '../../../src/engine/optimizers/fma.ts';

describe('fma (one rounding, like the FMA instruction torch’s CPU kernels use)', () => {
  // Expected values are the exact a·b + c rounded once (Python fractions.Fraction → float).
  it('keeps the product’s rounding error that a·b + c loses', () => {
    expect(fma(0.1, 10, -1)).toBe(5.551115123125783e-17);
    expect(0.1 * 10 - 1).toBe(0);
    expect(fma(1 / 3, 3, -1)).toBe(-5.551115123125783e-17);
    expect(fma(0.1, 0.1, -0.01)).toBe(9.020562075079397e-19);
    expect(fma(1 + 2 ** -30, 1 - 2 ** -30, -1)).toBe(-(2 ** -60));
  });

  it('agrees with a·b + c when that is exact', () => {
    expect(fma(0.9, 0.5, 0.3)).toBe(0.75);
    expect(fma(3, 4, 5)).toBe(17);
    expect(fma(0, 123, -4)).toBe(-4);
  });

  it('stays exact or falls back gracefully for huge and tiny operands', () => {
    expect(fma(1e300, 1e10, 0)).toBe(Infinity);
    expect(fma(1.5e300, 1e-12, 1)).toBe(1.5000000000000001e288);
    expect(fma(-1e-12, 1.7e308, 1e300)).toBe(9.9983e299);
    expect(fma(1e-200, 1e-200, 1)).toBe(1);
    expect(fma(NaN, 1, 1)).toBeNaN();
    expect(fma(Infinity, 1, -Infinity)).toBeNaN();
  });
});
