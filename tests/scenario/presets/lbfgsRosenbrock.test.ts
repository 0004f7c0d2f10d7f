import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/engine/run.ts';
import { dist, last, point, runPreset } from './lesson.ts';

/** The first iterate within 1e-3 of Rosenbrock's minimum (1, 1), or -1. */
function arrival(r: RunResult): number {
  for (let k = 0; k < r.points; k++) if (dist(point(r, k), [1, 1]) < 1e-3) return k;
  return -1;
}

const evaluationsUpTo = (r: RunResult, steps: number) =>
  Array.from(r.evaluations!.counts.subarray(0, steps)).reduce((a, b) => a + b, 0);

describe('preset lbfgs-rosenbrock', () => {
  const { results } = runPreset('lbfgs-rosenbrock');
  const [lbfgs, adam] = results;

  it('L-BFGS reaches the minimum in two steps', () => {
    expect(arrival(lbfgs)).toBe(2);
  });

  it('having evaluated the loss about 44 times inside them', () => {
    const n = evaluationsUpTo(lbfgs, 2);
    expect(n).toBeGreaterThan(35);
    expect(n).toBeLessThan(55);
    // Every one of those evaluations is recorded as a point the map can draw.
    expect(lbfgs.evaluations!.points.length).toBeGreaterThanOrEqual(2 * n);
  });

  it('while Adam, after 300 gradient evaluations, is still far up the valley', () => {
    expect(adam.evaluations).toBeNull();
    expect(arrival(adam)).toBe(-1);
    expect(dist(last(adam), [1, 1])).toBeGreaterThan(1);
  });
});

describe('preset lbfgs-rosenbrock: try this', () => {
  it('with max_iter 1 it bends along the valley in about 35 steps, 2–3 evaluations each', () => {
    const { results } = runPreset('lbfgs-rosenbrock', (s) => {
      (s.runs[0].params as Record<string, unknown>).max_iter = 1;
    });
    const r = results[0];
    const k = arrival(r);
    expect(k).toBeGreaterThan(25);
    expect(k).toBeLessThan(45);
    const perStep = evaluationsUpTo(r, k) / k;
    expect(perStep).toBeGreaterThanOrEqual(2);
    expect(perStep).toBeLessThanOrEqual(3);
  });
});
