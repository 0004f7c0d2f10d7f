import { describe, expect, it } from 'vitest';
import { last, nearest, runPreset } from './lesson.ts';

describe('preset saddle-momentum', () => {
  const { scenario, results } = runPreset('saddle-momentum');
  const [gd, momentum] = results;

  it('plain gradient descent is still on the saddle at the end', () => {
    const end = last(gd);
    const cp = nearest(scenario, end);
    expect(cp.kind).toBe('saddle');
    // It has slid into the saddle's flat centre (x ≈ 0) but not off it (y small).
    expect(Math.abs(end[0])).toBeLessThan(1e-3);
    expect(Math.abs(end[1])).toBeLessThan(0.1);
  });

  it('momentum rolls off the saddle and ends in a minimum', () => {
    const cp = nearest(scenario, last(momentum));
    expect(cp.kind).toBe('global-min');
    expect(cp.distance).toBeLessThan(0.01);
  });

  it('the escape is momentum, not luck: without it the same lr needs over 300 more steps', () => {
    const { results: longer } = runPreset('saddle-momentum', (s) => {
      s.steps = 500;
      s.runs = [s.runs[0]];
    });
    const r = longer[0];
    let escaped = -1;
    for (let k = 0; k < r.points; k++)
      if (Math.abs(r.trajectory[2 * k + 1]) > 0.5) {
        escaped = k;
        break;
      }
    expect(escaped).toBeGreaterThan(300);
  });
});
