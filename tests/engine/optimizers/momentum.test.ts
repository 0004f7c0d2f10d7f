import { describe, expect, it } from 'vitest';
import { onLandscape } from './onLandscape.ts';

// A constant gradient g = (2, −4) (the plane f = 2x − 4y).
const plane = () => [2, -4] as const;

/** momentum() after n steps on the plane. */
function momentumAfter(id: string, raw: Record<string, unknown>, n: number) {
  const r = onLandscape(id, raw, plane);
  for (let i = 0; i < n; i++) r.step();
  return r.momentum();
}

describe('momentum(): the first-moment / velocity arrow', () => {
  it('reports nothing before the first step', () => {
    for (const id of ['adam', 'adamw', 'adamax', 'nadam', 'radam', 'lion'])
      expect(momentumAfter(id, {}, 0), id).toBeNull();
    expect(momentumAfter('sgd', { momentum: 0.9 }, 0)).toBeNull();
    expect(momentumAfter('rmsprop', { momentum: 0.9 }, 0)).toBeNull();
  });

  it('is the SGD velocity buffer (the first step copies g)', () => {
    expect(momentumAfter('sgd', {}, 3)).toBeNull(); // momentum = 0 keeps no buffer
    expect(momentumAfter('sgd', { momentum: 0.9 }, 1)).toEqual([2, -4]);
    const b2 = momentumAfter('sgd', { momentum: 0.9, dampening: 0.5 }, 2)!;
    expect(b2[0]).toBeCloseTo(0.9 * 2 + 0.5 * 2, 15);
  });

  it("is RMSprop's momentum buffer of rescaled steps", () => {
    expect(momentumAfter('rmsprop', {}, 2)).toBeNull();
    // v = 0.01·g², so the first buffer entry is g/(0.1|g| + ε) ≈ ±10.
    const b = momentumAfter('rmsprop', { momentum: 0.5 }, 1)!;
    expect(b[0]).toBeCloseTo(10, 6);
    expect(b[1]).toBeCloseTo(-10, 6);
  });

  it("is the Adam family's exp_avg, (1 − β1)·g after one step", () => {
    for (const id of ['adam', 'adamw', 'adamax', 'nadam', 'radam']) {
      const m = momentumAfter(id, { betas: [0.8, 0.99] }, 1)!;
      expect(m[0], id).toBeCloseTo(0.2 * 2, 15);
      expect(m[1], id).toBeCloseTo(0.2 * -4, 15);
    }
  });

  it("is Lion's m, updated with β2 after the step", () => {
    const m = momentumAfter('lion', { betas: [0.9, 0.95] }, 1)!;
    expect(m[0]).toBeCloseTo(0.05 * 2, 15);
    expect(m[1]).toBeCloseTo(0.05 * -4, 15);
  });

  it('is absent for optimizers without a first moment', () => {
    expect(momentumAfter('adagrad', {}, 2)).toBeNull();
    expect(momentumAfter('adadelta', {}, 2)).toBeNull();
  });
});
