import { describe, expect, it } from 'vitest';
import { powerOf } from '../../src/engine/optimizers/torchOps.ts';

describe('powerOf', () => {
  it('is Math.pow, for the betas in turn and for exponents past what it remembers', () => {
    const betas = [0.9, 0.999, 0.95, 0.5, 0.99, 0.8, 0.7, 0.6, 0.3, 0.2, 0.9, NaN, 1, 0, -0];
    for (let round = 0; round < 3; round++)
      for (const t of [0, 1, 2, 63, 64, 65, 300, 10_000, 16_383, 16_384, 20_000, 2.5, -1])
        for (const beta of betas) expect(powerOf(beta, t)).toBe(Math.pow(beta, t));
  });
});
