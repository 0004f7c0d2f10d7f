import { describe, expect, it } from 'vitest';
import { point, runPreset } from './lesson.ts';

describe('preset lr-weight-decay-coupling', () => {
  const { scenario, results } = runPreset('lr-weight-decay-coupling');
  const [base, swapped, doubled] = results;
  const product = (i: number) =>
    (scenario.runs[i].params.lr as number) * (scenario.runs[i].params.weight_decay as number);

  it('runs 1 and 2 have the same lr·λ, run 3 twice it', () => {
    expect(product(1)).toBeCloseTo(product(0), 15);
    expect(product(2)).toBeCloseTo(2 * product(0), 15);
  });

  it('double lr, halve λ: the unused weight decays along the same curve', () => {
    for (let k = 0; k < base.points; k++)
      expect(point(swapped, k)[1]).toBeCloseTo(point(base, k)[1], 12);
  });

  it('double lr, same λ: the shrink per step doubles', () => {
    // y has no gradient, so AdamW's y_k = y_0·(1 − lr·λ)^k exactly.
    const y0 = point(base, 0)[1];
    for (const k of [1, 50, 100, 300]) {
      expect(point(base, k)[1]).toBeCloseTo(y0 * (1 - product(0)) ** k, 12);
      expect(point(doubled, k)[1]).toBeCloseTo(y0 * (1 - 2 * product(0)) ** k, 12);
    }
    expect(point(doubled, 300)[1]).toBeLessThan(point(base, 300)[1] / 4);
  });

  it('while the larger lr also gets x to its minimum faster', () => {
    const gap = (r: typeof base) => Math.abs(2 - point(r, 60)[0]);
    expect(gap(swapped)).toBeLessThan(gap(base));
  });
});
