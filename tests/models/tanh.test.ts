import { describe, expect, it } from 'vitest';
import { tanhInPlace } from '../../src/models/tanh.ts';

/** The spacing of doubles at x's magnitude. */
const ulp = (x: number): number =>
  x === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(Math.abs(x))) - 52);

describe('tanhInPlace', () => {
  it('is within 3 ulp of Math.tanh over every range it has a formula for', () => {
    // Dense sweeps across the rational (|z| < 0.625), the exponential branch and the ±1 tail.
    const z = new Float64Array(400_000);
    for (let i = 0; i < z.length; i++) {
      const u = (i / (z.length - 1)) * 2 - 1;
      z[i] = u * [1e-6, 0.7, 3, 25][i % 4] + (i % 7) * 1e-9;
    }
    const t = Float64Array.from(z);
    tanhInPlace(t, 0, t.length);
    let worst = 0;
    for (let i = 0; i < z.length; i++) {
      const ref = Math.tanh(z[i]);
      worst = Math.max(worst, Math.abs(t[i] - ref) / ulp(ref));
    }
    expect(worst).toBeLessThanOrEqual(3);
  });

  it('keeps tanh’s special values: ±0, ±1 at ±∞, NaN', () => {
    const z = [0, -0, Infinity, -Infinity, NaN, 22, -22, 1e300, 5e-324, -5e-324];
    const t = Float64Array.from(z);
    tanhInPlace(t, 0, t.length);
    expect(Array.from(t)).toEqual(z.map(Math.tanh));
    expect(Object.is(t[1], -0)).toBe(true);
  });

  it('touches only its range', () => {
    const t = Float64Array.from([5, 1, 1, 5]);
    tanhInPlace(t, 1, 3);
    expect([t[0], t[3]]).toEqual([5, 5]);
  });
});
