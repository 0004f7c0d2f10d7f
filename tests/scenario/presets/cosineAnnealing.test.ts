import { describe, expect, it } from 'vitest';
import { last, mean, nearest, runPreset } from './lesson.ts';

describe('preset cosine-annealing', () => {
  it('the lr anneals from the constant run’s value to zero', () => {
    const { results } = runPreset('cosine-annealing');
    const [constant, cosine] = results;
    expect(cosine.lrs[0]).toBe(constant.lrs[0]);
    expect(cosine.lrs[cosine.lrs.length - 1]).toBeLessThan(1e-3 * cosine.lrs[0]);
  });

  // The noise is random, so check the lesson for several seeds, not just the preset's.
  for (const seed of [7, 1, 2, 3, 4]) {
    it(`with noise seed ${seed}: constant lr keeps rattling, cosine settles`, () => {
      const { scenario, results } = runPreset('cosine-annealing', (s) => {
        (s.noise as Record<string, number>).seed = seed;
      });
      const [constant, cosine] = results;
      const n = scenario.steps;
      const tail = (r: typeof constant) => mean(n - 30, n + 1, (k) => r.losses[k]);
      expect(tail(cosine)).toBeLessThan(tail(constant) / 5);
      // Both found the same basin; the annealed run ends closer to its bottom.
      const a = nearest(scenario, last(constant));
      const b = nearest(scenario, last(cosine));
      expect(b.kind).toBe('global-min');
      expect(b.distance).toBeLessThan(a.distance);
    });
  }
});
