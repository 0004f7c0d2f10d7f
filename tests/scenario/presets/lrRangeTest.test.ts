import { describe, expect, it } from 'vitest';
import { lastLoss, runPreset } from './lesson.ts';
import type { RunResult } from '../../../src/engine/run.ts';

/**
 * Read the LR finder's curve as a user would: the loss after step t against the lr step t used.
 * The steepest descent is the most negative slope d(loss)/d(log lr) (over 3 steps, a little
 * smoothing); the minimum is the lowest loss before the sweep blows up.
 */
function readSweep(r: RunResult) {
  const n = r.points - 1;
  const loss = (t: number) => r.losses[t + 1];
  let minT = 0;
  for (let t = 0; t < n && r.lrs[t + 1] > r.lrs[t]; t++) if (loss(t) < loss(minT)) minT = t;
  let steepT = 1;
  let steepest = 0;
  for (let t = 1; t + 2 < minT; t++) {
    const slope = (loss(t + 2) - loss(t - 1)) / Math.log(r.lrs[t + 2] / r.lrs[t - 1]);
    if (slope < steepest) {
      steepest = slope;
      steepT = t;
    }
  }
  return { steepLr: r.lrs[steepT], minLr: r.lrs[minT] };
}

describe('preset lr-range-test', () => {
  const { scenario, results } = runPreset('lr-range-test');
  const [sweep, steep, lowest] = results;
  const { steepLr, minLr } = readSweep(sweep);

  it('sweeps the lr exponentially from start_lr to end_lr, then blows up', () => {
    expect(sweep.lrs[0]).toBeCloseTo(1e-4, 18);
    expect(sweep.lrs[39]).toBeCloseTo(1, 12);
    expect(sweep.lrs[30] / sweep.lrs[29]).toBeCloseTo(sweep.lrs[10] / sweep.lrs[9], 12);
    expect(sweep.losses[sweep.points - 1]).toBeGreaterThan(1e6 * sweep.losses[0]);
  });

  it('the steepest descent comes at a far smaller lr than the lowest loss', () => {
    expect(steepLr).toBeLessThan(minLr / 5);
    // The lowest loss sits at the edge of stability, lr ≈ 2/λmax = 2/18 for Booth.
    expect(minLr).toBeGreaterThan(0.5 * (2 / 18));
    expect(minLr).toBeLessThan(1.5 * (2 / 18));
  });

  it('the preset trains at those two lrs', () => {
    const lr = (i: number) => scenario.runs[i].params.lr as number;
    expect(lr(1) / steepLr).toBeGreaterThan(1 / 3);
    expect(lr(1) / steepLr).toBeLessThan(3);
    expect(lr(2) / minLr).toBeGreaterThan(0.67);
    expect(lr(2) / minLr).toBeLessThan(1.5);
    // …which is right at the edge of stability for Booth (λmax = 18).
    expect(lr(2) * 18).toBeGreaterThan(1.9);
    expect(lr(2) * 18).toBeLessThan(2);
  });

  it('training at the steepest-descent lr converges; at the lowest-loss lr it does not', () => {
    expect(lastLoss(steep)).toBeLessThan(1e-6);
    expect(lastLoss(lowest)).toBeGreaterThan(1);
  });
});
