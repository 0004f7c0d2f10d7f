import { describe, expect, it } from 'vitest';
import type { ParamValues } from '../../../src/engine/params.ts';
import { SURFACES } from '../../../src/surfaces/catalog/index.ts';
import { last, nearest, point, runPreset } from './lesson.ts';

describe('preset warm-restarts', () => {
  const base = runPreset('warm-restarts');

  it('both schedules are identical for the first cycle, then only one restarts', () => {
    const [once, restarts] = base.results;
    for (let t = 0; t < 50; t++) expect(restarts.lrs[t]).toBeCloseTo(once.lrs[t], 12);
    expect(restarts.lrs[50]).toBe(base.scenario.runs[1].params.lr);
    expect(once.lrs[50]).toBe(0);
  });

  it('the narrow well is unstable at the peak lr and the wide basin is not (lr × curvature vs 2)', () => {
    const lr = base.scenario.runs[1].params.lr as number;
    const surface = base.scenario.surface as { id: string; params: ParamValues };
    const objective = SURFACES[surface.id].create(surface.params, { seed: 1 });
    // The largest eigenvalue of the exact Hessian at a minimum.
    const curvature = (p: { x: number; y: number }) => {
      const h = new Float64Array(3);
      objective.hess(p.x, p.y, h);
      const mid = (h[0] + h[2]) / 2;
      return mid + Math.hypot((h[0] - h[2]) / 2, h[1]);
    };
    const narrow = nearest(base.scenario, [-1.5, 0]);
    const wide = nearest(base.scenario, [1.4, 0]);
    expect(narrow.kind).toBe('local-min');
    expect(wide.kind).toBe('global-min');
    expect(lr * curvature(narrow)).toBeGreaterThan(2);
    expect(lr * curvature(wide)).toBeLessThan(2);
  });

  // Noise gives the restart something to amplify; check several seeds, not just the preset's.
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`with noise seed ${seed}: both settle in the local minimum, only the restarts escape`, () => {
      const { scenario, results } = runPreset('warm-restarts', (s) => {
        (s.noise as Record<string, number>).seed = seed;
      });
      const [once, restarts] = results;
      for (const r of results) expect(r.divergedAt).toBeNull();
      expect(nearest(scenario, point(restarts, 50)).kind).toBe('local-min');
      const stuck = nearest(scenario, last(once));
      expect(stuck.kind).toBe('local-min');
      expect(stuck.distance).toBeLessThan(0.05);
      const escaped = nearest(scenario, last(restarts));
      expect(escaped.kind).toBe('global-min');
      expect(escaped.distance).toBeLessThan(0.05);
    });
  }
});
