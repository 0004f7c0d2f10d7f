import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/engine/run.ts';
import { lastLoss, runPreset } from './lesson.ts';

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
});
