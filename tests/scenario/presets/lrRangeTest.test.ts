import { describe, expect, it } from 'vitest';
import { lastLoss, runPreset } from './lesson.ts';
import type { RunResult } from '../../../src/engine/run.ts';
import { exportTorch } from '../../../src/scenario/exportTorch.ts';

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

  it('sweeps the lr exponentially from start_lr to end_lr and stops at its last step', () => {
    const sweepParams = scenario.runs[0].schedule!.params;
    const n = sweepParams.num_iter as number;
    const endLr = sweepParams.end_lr as number;
    expect(sweep.lrs[0]).toBeCloseTo(1e-4, 18);
    expect(sweep.lrs[n - 1]).toBeCloseTo(endLr, 12);
    expect(sweep.lrs[30] / sweep.lrs[29]).toBeCloseTo(sweep.lrs[10] / sweep.lrs[9], 12);
    // The test is n steps long although the scenario runs the others for 100.
    expect(n).toBeLessThan(scenario.steps);
    expect(sweep.points - 1).toBe(n);
    expect(sweep.stop?.reason).toBe('schedule');
    expect(sweep.stop?.step).toBe(n);
    expect(sweep.stop?.message).toMatch(/^stopped at step 40: the LR range test is over/);
    expect(sweep.divergedAt).toBeNull();
    // No step it took used an lr beyond end_lr.
    for (let t = 0; t < sweep.points - 1; t++) expect(sweep.lrs[t]).toBeLessThanOrEqual(endLr);
    // It ends just after the loss has shot back up past its start: the curve's right edge.
    expect(lastLoss(sweep)).toBeGreaterThan(sweep.losses[0]);
    expect(lastLoss(sweep)).toBeLessThan(10 * sweep.losses[0]);
    expect(steep.points - 1).toBe(scenario.steps);
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

  it('Copy as PyTorch trains the range test for its 40 steps only, the other runs for all 100', () => {
    const trains = exportTorch(scenario)
      .split('\n')
      .filter((l) => l.startsWith('results.append(train('));
    expect(trains).toHaveLength(3);
    expect(trains[0]).toContain('steps=40');
    expect(trains[1]).not.toContain('steps=');
    expect(trains[2]).not.toContain('steps=');
  });
});
