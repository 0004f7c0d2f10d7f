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

  it('try this: at lr 100 gradient descent jumps over the basin and is flung far out onto the plain', () => {
    const fast = runPreset('plateau-adam', (s) => {
      (s.runs[0].params as Record<string, number>).lr = 100;
    }).results[0];
    // It crosses to the basin's other side (x changes sign) …
    let crossed = false;
    for (let k = 1; k < fast.points; k++)
      if (point(fast, k)[0] * point(fast, 0)[0] < 0) crossed = true;
    expect(crossed).toBe(true);
    // … and ends farther out than it started, on the plain, where it no longer moves.
    expect(dist(last(fast), [0, 0])).toBeGreaterThan(2 * dist(point(fast, 0), [0, 0]));
    expect(lastLoss(fast)).toBeGreaterThan(0.99);
    expect(dist(point(fast, fast.points - 20), last(fast))).toBeLessThan(1e-6);
  });
});
