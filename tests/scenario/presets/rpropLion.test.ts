import { describe, expect, it } from 'vitest';
import { dist, last, lastLoss, point, runPreset } from './lesson.ts';

describe('preset rprop-lion', () => {
  const { scenario, results } = runPreset('rprop-lion');
  const [rprop, lion] = results;
  const lionLr = scenario.runs[1].params.lr as number;
  const moves = (r: typeof rprop, axis: 0 | 1) =>
    Array.from({ length: r.points - 1 }, (_, k) =>
      Math.abs(point(r, k + 1)[axis] - point(r, k)[axis]),
    );

  it('Lion moves every weight by exactly ±lr on every step', () => {
    for (const axis of [0, 1] as const)
      for (const m of moves(lion, axis)) expect(m).toBeCloseTo(lionLr, 12);
  });

  it('Rprop’s first step moves both weights by lr, whatever the gradient’s size', () => {
    const lr = scenario.runs[0].params.lr as number;
    expect(moves(rprop, 0)[0]).toBeCloseTo(lr, 12);
    expect(moves(rprop, 1)[0]).toBeCloseTo(lr, 12);
  });

  it('and then its per-weight steps grow and shrink over orders of magnitude', () => {
    const m = moves(rprop, 0).filter((v) => v > 0);
    expect(Math.max(...m) / Math.min(...m)).toBeGreaterThan(1e3);
  });

  it('Rprop settles on the minimum; Lion rattles around it', () => {
    expect(lastLoss(rprop)).toBeLessThan(1e-10);
    expect(dist(last(rprop), [0, 0])).toBeLessThan(1e-5);
    expect(lastLoss(lion)).toBeGreaterThan(1e-4);
    const late = moves(lion, 0).slice(-20);
    expect(Math.min(...late)).toBeCloseTo(lionLr, 12);
  });
});

describe('preset rprop-lion: try this', () => {
  it('with η− = 0.9 Rprop cannot brake and leaves the ravine', () => {
    const { results } = runPreset('rprop-lion', (s) => {
      (s.runs[0].params as Record<string, unknown>).etas = [0.9, 1.2];
    });
    expect(dist(last(results[0]), [0, 0])).toBeGreaterThan(10);
  });
});
