import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/engine/run.ts';
import { lrCurve, lrPicks, smooth } from '../../../src/view/plots/lrFinderPicks.ts';

/**
 * A synthetic range test with known answers: log10 lr = u sweeps −4 … 0 in steps of 0.1 and
 * loss = 1 + cos θ with θ = (u + 4)·3π/8 (θ from 0 to 3π/2). d loss/du = −sin θ · 3π/8 is most
 * negative at θ = π/2 (u = −8/3), and the loss is lowest at θ = π (u = −4/3).
 */
const U = Array.from({ length: 41 }, (_, i) => -4 + i / 10);
const theta = (u: number) => ((u + 4) * 3 * Math.PI) / 8;
const STEEPEST_U = -8 / 3;
const MIN_U = -4 / 3;

function curve(noise = 0) {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  return {
    lrs: Float64Array.from(U, (u) => 10 ** u),
    losses: Float64Array.from(U, (u) => 1 + Math.cos(theta(u)) + noise * rand()),
  };
}

describe('lrPicks', () => {
  it('finds the steepest descent and the minimum of a clean curve to within a grid step', () => {
    const { steepest, minimum } = lrPicks(curve());
    expect(Math.abs(Math.log10(steepest!.lr) - STEEPEST_U)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(Math.log10(minimum!.lr) - MIN_U)).toBeLessThanOrEqual(0.05 + 1e-9);
    // The slope is d loss / d log10 lr: −3π/8 at its steepest, less the smoothing's flattening.
    expect(steepest!.slope).toBeLessThan(-1.1);
    expect(steepest!.slope).toBeGreaterThan((-3 * Math.PI) / 8 - 1e-9);
  });

  it('smooths noise away: picks stay within two grid steps', () => {
    const { steepest, minimum } = lrPicks(curve(0.01));
    expect(Math.abs(Math.log10(steepest!.lr) - STEEPEST_U)).toBeLessThanOrEqual(0.2);
    expect(Math.abs(Math.log10(minimum!.lr) - MIN_U)).toBeLessThanOrEqual(0.2);
  });

  it('ignores the blow-up after the loss climbs above its start', () => {
    const c = curve();
    const lrs = Float64Array.from([...c.lrs, 2, 4, 8]);
    // A steep drop inside the blow-up (1e6 → 10) must not count as the steepest descent.
    const losses = Float64Array.from([...c.losses, 1e3, 1e6, 10]);
    const { steepest, minimum, used } = lrPicks({ lrs, losses });
    expect(used).toBe(41);
    expect(Math.abs(Math.log10(steepest!.lr) - STEEPEST_U)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(Math.log10(minimum!.lr) - MIN_U)).toBeLessThanOrEqual(0.05 + 1e-9);
  });

  it('reads a run that ended early: the picks come from the part it reached', () => {
    // Cut at u = −2 (θ = 3π/4): past the steepest point, before the minimum.
    const c = curve();
    const n = 21;
    const { steepest, minimum } = lrPicks({ lrs: c.lrs.slice(0, n), losses: c.losses.slice(0, n) });
    expect(Math.abs(Math.log10(steepest!.lr) - STEEPEST_U)).toBeLessThanOrEqual(0.05 + 1e-9);
    // The lowest loss it saw is at its last point.
    expect(minimum!.index).toBe(n - 1);
  });

  it('has nothing to say about fewer than two points', () => {
    expect(
      lrPicks({ lrs: new Float64Array([0.1]), losses: new Float64Array([1]) }).steepest,
    ).toBeNull();
  });
});

describe('smooth', () => {
  it('keeps a straight line straight, ends included', () => {
    const v = Float64Array.from({ length: 9 }, (_, i) => 3 * i - 2);
    expect(Array.from(smooth(v, 2))).toEqual(Array.from(v));
  });
});

describe('lrCurve', () => {
  function run(losses: number[], lrs: number[], divergedAt: number | null = null): RunResult {
    return {
      trajectory: new Float64Array(2 * losses.length),
      losses: Float64Array.from(losses),
      lrs: Float64Array.from(lrs),
      gradNorms: new Float64Array(losses.length),
      points: losses.length,
      divergedAt,
      stop: null,
      swa: null,
      momentum: null,
      dim: 2,
      sidePaths: [],
      evaluations: null,
    };
  }

  it('pairs each lr with the loss its step produced, for the sweep only', () => {
    const c = lrCurve(run([5, 4, 3, 2, 9], [0.1, 0.2, 0.4, 0.4]), 3);
    expect(Array.from(c.lrs)).toEqual([0.1, 0.2, 0.4]);
    expect(Array.from(c.losses)).toEqual([4, 3, 2]);
  });

  it('stops at the last iterate a run that ended early reached', () => {
    const c = lrCurve(run([5, 4, 3], [0.1, 0.2, 0.4, 0.8, 1.6], 3), 5);
    expect(Array.from(c.lrs)).toEqual([0.1, 0.2]);
    expect(Array.from(c.losses)).toEqual([4, 3]);
  });
});
