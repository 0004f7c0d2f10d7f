import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/engine/run.ts';
import { lastLoss, point, runPreset } from './lesson.ts';

/** How many times the loss turns from falling to rising: each is an overshoot past the bottom. */
function rebounds(r: RunResult): number {
  let c = 0;
  for (let k = 2; k < r.points; k++) {
    // Ignore the rounding noise of a converged run.
    if (r.losses[k] < 1e-12) break;
    if (r.losses[k] > r.losses[k - 1] && r.losses[k - 1] <= r.losses[k - 2]) c++;
  }
  return c;
}

describe('preset nesterov-momentum', () => {
  const { scenario, results } = runPreset('nesterov-momentum');
  const [classic, nesterov] = results;

  it('compares the same optimizer settings with and without the look-ahead', () => {
    const [a, b] = scenario.runs;
    expect(a.optimizer).toBe('sgd');
    expect({ ...a.params, nesterov: true }).toEqual(b.params);
  });

  it('Nesterov overshoots less: far fewer rebounds of the loss', () => {
    expect(rebounds(nesterov)).toBeLessThan(rebounds(classic) / 3);
  });

  it('and settles much lower in the same number of steps', () => {
    expect(lastLoss(nesterov)).toBeLessThan(lastLoss(classic) / 100);
  });

  // Matyas' valley runs along the diagonal: u along its floor, v across it.
  const across = (r: RunResult, k: number) => (point(r, k)[0] - point(r, k)[1]) / Math.SQRT2;
  const along = (r: RunResult, k: number) => (point(r, k)[0] + point(r, k)[1]) / Math.SQRT2;
  const widest = (r: RunResult, f: (r: RunResult, k: number) => number, from: number) => {
    let m = 0;
    for (let k = from; k < r.points; k++) m = Math.max(m, Math.abs(f(r, k)));
    return m;
  };

  it('Nesterov’s side swings across the valley are about five times smaller', () => {
    expect(widest(nesterov, across, 10)).toBeLessThan(widest(classic, across, 10) / 4);
  });

  it('along the floor both overshoot the bottom and swing back', () => {
    let maxN = 0;
    let maxC = 0;
    for (let k = 0; k < classic.points; k++) {
      maxC = Math.max(maxC, along(classic, k));
      maxN = Math.max(maxN, along(nesterov, k));
    }
    // Both start at u ≈ −9 and pass u = 0 by over a unit.
    expect(maxC).toBeGreaterThan(1);
    expect(maxN).toBeGreaterThan(1);
  });

  it('try this: at momentum 0.95 Nesterov still ends with a loss ten times lower', () => {
    const [c, n] = runPreset('nesterov-momentum', (s) => {
      for (const r of s.runs) (r.params as Record<string, number>).momentum = 0.95;
    }).results;
    expect(lastLoss(c)).toBeGreaterThan(lastLoss(classic) * 100);
    expect(lastLoss(n)).toBeLessThan(lastLoss(c) / 10);
  });
});
