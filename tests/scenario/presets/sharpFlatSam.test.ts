import { describe, expect, it } from 'vitest';
import { last, nearest, runPreset } from './lesson.ts';

describe('preset sharp-flat-sam', () => {
  const { scenario, results } = runPreset('sharp-flat-sam');
  const [gd, sam] = results;

  it('gradient descent ends in the sharp, deeper well', () => {
    const cp = nearest(scenario, last(gd));
    expect(cp.kind).toBe('global-min');
    expect(cp.x).toBeLessThan(0);
    expect(cp.distance).toBeLessThan(0.01);
  });

  it('SAM ends in the flat, shallower well', () => {
    const cp = nearest(scenario, last(sam));
    expect(cp.kind).toBe('local-min');
    expect(cp.x).toBeGreaterThan(0);
    expect(cp.distance).toBeLessThan(0.05);
  });

  it('the two wells really are sharp and flat: SAM’s well is far less curved', () => {
    const surface = scenario.surface as { params: Record<string, number> };
    const curvature = (width: number, depth: number) => depth / width ** 2;
    const p = surface.params;
    expect(curvature(p.sharp_width, p.sharp_depth)).toBeGreaterThan(
      10 * curvature(p.flat_width, p.flat_depth),
    );
  });

  it('with SAM’s rho near zero it falls into the sharp well like gradient descent', () => {
    const { scenario: s, results: r } = runPreset('sharp-flat-sam', (j) => {
      (j.runs[1].params as Record<string, number>).rho = 0.01;
    });
    expect(nearest(s, last(r[1])).x).toBeLessThan(0);
  });
});
