import { describe, expect, it } from 'vitest';
import type { ParamValues } from '../../../src/engine/params.ts';
import { SURFACES } from '../../../src/surfaces/catalog/index.ts';
import { dist, last, nearest, point, runPreset } from './lesson.ts';

describe('preset one-cycle', () => {
  const { scenario, results } = runPreset('one-cycle');
  const [constant, cycle] = results;
  const surface = scenario.surface as { id: string; params: ParamValues };
  const objective = SURFACES[surface.id].create(surface.params, { seed: 1 });
  /** Largest eigenvalue of the exact Hessian at p. */
  const curvature = (p: readonly number[]) => {
    const h = new Float64Array(3);
    objective.hess(p[0], p[1], h);
    return (h[0] + h[2]) / 2 + Math.hypot((h[0] - h[2]) / 2, h[1]);
  };
  const sharp = nearest(scenario, [-1.5, 0]);
  const flat = nearest(scenario, [1.4, 0]);

  it('the schedule ramps up to max_lr and anneals far below its start', () => {
    const lrs = cycle.lrs;
    const peak = Math.max(...lrs);
    expect(peak).toBeCloseTo(0.5, 3);
    expect(lrs.indexOf(peak)).toBeGreaterThan(0.25 * lrs.length);
    expect(lrs.indexOf(peak)).toBeLessThan(0.35 * lrs.length);
    expect(lrs[lrs.length - 1]).toBeLessThan(lrs[0] / 1000);
  });

  it('the narrow well is stable for the constant lr but not at one-cycle’s peak', () => {
    expect(sharp.kind).toBe('global-min');
    expect((scenario.runs[0].params.lr as number) * curvature([sharp.x, sharp.y])).toBeLessThan(2);
    expect(0.5 * curvature([sharp.x, sharp.y])).toBeGreaterThan(2);
    expect(0.5 * curvature([flat.x, flat.y])).toBeLessThan(2);
  });

  it('the constant lr settles in the sharp minimum', () => {
    expect(dist(last(constant), [sharp.x, sharp.y])).toBeLessThan(0.01);
  });

  it('one-cycle drops into the sharp well while its lr is small and is thrown out once it is too large', () => {
    const c = curvature([sharp.x, sharp.y]);
    const near = (k: number) => dist(point(cycle, k), [sharp.x, sharp.y]);
    let inAt = -1;
    for (let k = 0; k < cycle.points && inAt < 0; k++) if (near(k) < 0.05) inAt = k;
    expect(inAt, 'reaches the bottom of the sharp well').toBeGreaterThan(0);
    expect(cycle.lrs[inAt] * c).toBeLessThan(2);
    // It starts bouncing only after its lr has passed the well's stability limit 2/curvature…
    let bounceAt = -1;
    for (let k = inAt; k < cycle.points && bounceAt < 0; k++) if (near(k) > 0.1) bounceAt = k;
    expect(bounceAt).toBeGreaterThan(inAt);
    expect(cycle.lrs[bounceAt - 1] * c).toBeGreaterThan(2);
    // …and is out for good before the lr peaks.
    let outAt = 0;
    for (let k = 0; k < cycle.points; k++) if (near(k) < 0.5) outAt = k + 1;
    expect(outAt).toBeGreaterThan(bounceAt);
    expect(outAt).toBeLessThan(cycle.lrs.indexOf(Math.max(...cycle.lrs)));
  });

  it('and ends exactly on the flat minimum', () => {
    expect(flat.kind).toBe('local-min');
    expect(dist(last(cycle), [flat.x, flat.y])).toBeLessThan(1e-3);
  });

  it('with a low peak (max_lr 0.2) it stays in the sharp well like the constant run', () => {
    const { results: low } = runPreset('one-cycle', (s) => {
      ((s.runs[1].schedule as Record<string, unknown>).params as Record<string, number>).max_lr =
        0.2;
    });
    expect(dist(last(low[1]), [sharp.x, sharp.y])).toBeLessThan(0.01);
  });
});
