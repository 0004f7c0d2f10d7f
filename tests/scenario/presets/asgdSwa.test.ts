import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/engine/run.ts';
import { dist, last, nearest, runPreset } from './lesson.ts';

const end = (a: Float64Array, r: RunResult): [number, number] => {
  const n = r.points - 1;
  return [a[2 * n], a[2 * n + 1]];
};
const asgdAverage = (r: RunResult) => r.sidePaths.find((p) => p.id === 'ax')!.values;

describe('preset asgd-swa', () => {
  for (const seed of [3, 1, 2]) {
    it(`with noise seed ${seed}: both averages land together, nearer the centre than the iterates`, () => {
      const { scenario, results } = runPreset('asgd-swa', (s) => {
        (s.noise as Record<string, number>).seed = seed;
      });
      const [sgd, asgd] = results;
      const swaEnd = end(sgd.swa!, sgd);
      const axEnd = end(asgdAverage(asgd), asgd);
      const centre = nearest(scenario, swaEnd);
      expect(centre.kind).toBe('local-min');
      expect(centre.x).toBeGreaterThan(0);
      const c = [centre.x, centre.y];
      expect(dist(swaEnd, axEnd)).toBeLessThan(0.05);
      expect(dist(swaEnd, c)).toBeLessThan(dist(last(sgd), c));
      expect(dist(axEnd, c)).toBeLessThan(dist(last(asgd), c));
    });
  }
});

describe('preset asgd-swa: try this', () => {
  it('with torch’s default t0 the average never starts: it is the iterate itself', () => {
    const { results } = runPreset('asgd-swa', (s) => {
      (s.runs[1].params as Record<string, unknown>).t0 = 1e6;
    });
    const asgd = results[1];
    expect(end(asgdAverage(asgd), asgd)).toEqual(last(asgd));
  });
});
