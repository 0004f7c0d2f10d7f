import { describe, expect, it } from 'vitest';
import { dist, last, lastLoss, point, runPreset } from './lesson.ts';

describe('preset plateau-adam', () => {
  const { results } = runPreset('plateau-adam');
  const [gd, adam] = results;

  it('gradient descent barely moves: the plateau’s gradient is tiny', () => {
    expect(dist(point(gd, 0), last(gd))).toBeLessThan(0.05);
    expect(gd.gradNorms[0]).toBeLessThan(0.01);
  });

  it('Adam’s normalised steps cross the plateau and reach the basin', () => {
    expect(dist(last(adam), [0, 0])).toBeLessThan(0.01);
    expect(lastLoss(adam)).toBeLessThan(1e-4);
  });

  it('Adam’s early steps are about lr long although the gradient is ~1e-3', () => {
    const lr = 0.05;
    for (let k = 0; k < 10; k++) {
      const step = dist(point(adam, k), point(adam, k + 1));
      expect(step).toBeGreaterThan(0.5 * lr);
      expect(step).toBeLessThan(2 * lr);
    }
  });
});
