import { describe, expect, it } from 'vitest';
import { last, point, runPreset } from './lesson.ts';

describe('preset adam-l2-vs-adamw', () => {
  const { scenario, results } = runPreset('adam-l2-vs-adamw');
  const [adamL2, adamw] = results;
  const y0 = scenario.start![1];
  const lr = scenario.runs[1].params.lr as number;
  const wd = scenario.runs[1].params.weight_decay as number;

  it('AdamW shrinks the unused weight y by exactly (1 − lr·λ) per step', () => {
    for (const k of [1, 10, 100, 300])
      expect(point(adamw, k)[1]).toBeCloseTo(y0 * (1 - lr * wd) ** k, 10);
  });

  it('Adam + L2 shoves y to zero at about the full learning rate per step', () => {
    // Normalised by √v, the penalty gradient λy makes steps of ≈ lr: y reaches 0 in ≈ y0/lr steps.
    const steps = Math.ceil(y0 / lr);
    expect(Math.abs(point(adamL2, 2 * steps)[1])).toBeLessThan(0.05);
    expect(Math.abs(point(adamw, 2 * steps)[1])).toBeGreaterThan(1);
  });

  it('for Adam the penalty’s strength λ hardly matters: λ = 0.01 gives the same path for y', () => {
    const { results: weak } = runPreset('adam-l2-vs-adamw', (s) => {
      (s.runs[0].params as Record<string, number>).weight_decay = 0.01;
    });
    for (let k = 0; k <= 60; k++) expect(point(weak[0], k)[1]).toBeCloseTo(point(adamL2, k)[1], 3);
  });

  it('while x, whose loss gradients fill v, hardly feels Adam’s penalty', () => {
    // Adam + L2 converges to the L2 optimum 2·4/(4 + λ): within 3% of the unregularised 2.
    expect(last(adamL2)[0]).toBeCloseTo((2 * 4) / (4 + 0.1), 3);
    expect(2 - last(adamL2)[0]).toBeLessThan(0.06);
  });
});
