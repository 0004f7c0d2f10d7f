import { describe, expect, it } from 'vitest';
import { dist, last, mean, nearest, point, runPreset } from './lesson.ts';

describe('preset swa', () => {
  // Noise makes each run different: check the lesson for several seeds, the preset's first.
  for (const seed of [3, 1, 2, 4, 5, 6]) {
    it(`with noise seed ${seed}: the SWA average is closer to the basin’s centre than the iterates`, () => {
      const { scenario, results } = runPreset('swa', (s) => {
        (s.noise as Record<string, number>).seed = seed;
      });
      const r = results[0];
      const n = r.points - 1;
      const start = scenario.runs[0].swa!.start;
      const average: [number, number] = [r.swa![2 * n], r.swa![2 * n + 1]];
      const centre = nearest(scenario, average);
      expect(centre.kind).toBe('local-min');
      expect(centre.x).toBeGreaterThan(0); // the flat basin
      const c = [centre.x, centre.y];
      expect(dist(average, c)).toBeLessThan(dist(last(r), c));
      expect(dist(average, c)).toBeLessThan(0.5 * mean(start, n + 1, (k) => dist(point(r, k), c)));
    });
  }

  it('the average is exactly the mean of the iterates it covers', () => {
    const { scenario, results } = runPreset('swa');
    const r = results[0];
    const n = r.points - 1;
    const start = scenario.runs[0].swa!.start;
    expect(r.swa![2 * n]).toBeCloseTo(
      mean(start, n + 1, (k) => point(r, k)[0]),
      12,
    );
    expect(r.swa![2 * n + 1]).toBeCloseTo(
      mean(start, n + 1, (k) => point(r, k)[1]),
      12,
    );
  });
});

describe('preset swa: try this', () => {
  it('averaging only the last 50 iterates lands far farther from the centre, still closer than an iterate', () => {
    const off = (swaStart: number) => {
      const { scenario, results } = runPreset('swa', (s) => {
        (s.runs[0].swa as Record<string, number>).start = swaStart;
      });
      const r = results[0];
      const n = r.points - 1;
      const c = nearest(scenario, [1.4, 0]);
      const average = [r.swa![2 * n], r.swa![2 * n + 1]];
      return {
        average: dist(average, [c.x, c.y]),
        iterate: mean(swaStart, n + 1, (k) => dist(point(r, k), [c.x, c.y])),
      };
    };
    const long = off(100);
    const short = off(250);
    expect(short.average).toBeGreaterThan(10 * long.average);
    expect(short.average).toBeLessThan(0.5 * short.iterate);
  });
});
