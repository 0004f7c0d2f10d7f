import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/engine/run.ts';
import {
  LOG_DECADES,
  describePlot,
  distancePlot,
  gradPlot,
  logRange,
  lossPlot,
  lrPlot,
  type RunEntry,
} from '../../../src/view/plots/plotSeries.ts';

/** A run result with the given iterates and losses (other arrays filled plausibly). */
function result(
  points: [number, number][],
  losses: number[],
  lrs: number[],
  divergedAt: number | null = null,
): RunResult {
  const n = points.length;
  return {
    trajectory: Float64Array.from(points.flat()),
    losses: Float64Array.from(losses),
    lrs: Float64Array.from(lrs),
    gradNorms: Float64Array.from(losses.map((l) => Math.abs(l) * 2)),
    points: n,
    divergedAt,
    stop:
      divergedAt === null ? null : { reason: 'diverged', step: divergedAt, message: 'diverged' },
    swa: null,
    momentum: null,
  };
}

const entry = (run: number, r: RunResult, label = `run ${run}`): RunEntry => ({
  run,
  label,
  color: '#fff',
  result: r,
});

describe('lossPlot', () => {
  it('plots positive losses as they are, on a log scale', () => {
    const e = entry(
      0,
      result(
        [
          [0, 0],
          [1, 1],
          [2, 2],
        ],
        [4, 1, 0.25],
        [0.1, 0.1],
      ),
    );
    const p = lossPlot([e], 2, null);
    expect(p.log).toBe(true);
    expect(Array.from(p.series[0].values)).toEqual([4, 1, 0.25]);
    expect(p.caption).toBe('');
    expect(p.yMin).toBeLessThan(0.25);
    expect(p.yMax).toBeGreaterThan(4);
  });

  it('shifts every series to f − m + ε when a loss is ≤ 0, and says so', () => {
    const a = entry(
      0,
      result(
        [
          [0, 0],
          [1, 1],
          [2, 2],
        ],
        [2, 0, -1],
        [0.1, 0.1],
      ),
    );
    const b = entry(
      1,
      result(
        [
          [0, 0],
          [1, 1],
        ],
        [3, 1],
        [0.1],
      ),
    );
    const p = lossPlot([a, b], 2, null);
    const eps = (3 - -1) * 1e-9;
    expect(p.series[0].values[2]).toBeCloseTo(eps, 20);
    expect(p.series[0].values[0]).toBeCloseTo(3 + eps, 12);
    expect(p.series[1].values[1]).toBeCloseTo(2 + eps, 12);
    // Readouts still report the loss itself.
    expect(Array.from(p.series[0].raw)).toEqual([2, 0, -1]);
    expect(p.caption).toMatch(/f − m \+ ε/);
    expect(p.caption).toMatch(/m = -1/);
    for (const s of p.series) for (const v of s.values) expect(v).toBeGreaterThan(0);
  });

  it('uses a known minimum below every loss as m', () => {
    const a = entry(
      0,
      result(
        [
          [0, 0],
          [1, 1],
        ],
        [0.5, -0.5],
        [0.1],
      ),
    );
    const p = lossPlot([a], 1, -1.0316);
    expect(p.series[0].values[1]).toBeCloseTo(-0.5 + 1.0316 + (0.5 + 1.0316) * 1e-9, 12);
  });

  it('keeps only the runs that reached a step at each step', () => {
    const a = entry(
      0,
      result(
        [
          [0, 0],
          [1, 1],
        ],
        [1, 0.5],
        [0.1, 0.1, 0.1, 0.1],
      ),
    );
    const p = lossPlot([a], 4, null);
    expect(p.series[0].values.length).toBe(2);
  });
});

describe('logRange', () => {
  it('ignores a diverged run’s blow-up but not its first value', () => {
    const ok = entry(
      0,
      result(
        [
          [0, 0],
          [1, 1],
          [2, 2],
        ],
        [10, 1, 0.1],
        [0.1, 0.1],
      ),
    );
    const bad = entry(
      1,
      result(
        [
          [0, 0],
          [5, 5],
          [9, 9],
        ],
        [20, 1e150, 1e300],
        [1, 1],
        3,
      ),
    );
    const p = lossPlot([ok, bad], 3, null);
    const [lo, hi] = logRange(p.series);
    expect(hi).toBeGreaterThanOrEqual(20);
    expect(hi).toBeLessThan(100);
    expect(lo).toBeLessThanOrEqual(0.1);
  });

  it('shows at most LOG_DECADES below the top', () => {
    const a = entry(
      0,
      result(
        [
          [0, 0],
          [0, 0],
        ],
        [1, 1e-300],
        [0.1],
      ),
    );
    const [lo, hi] = logRange(lossPlot([a], 1, null).series);
    expect(Math.log10(hi / lo)).toBeLessThanOrEqual(LOG_DECADES * 1.1);
  });
});

describe('lrPlot', () => {
  const flat = entry(0, result([[0, 0]], [1], [0.1, 0.1, 0.1]));
  const sweep = entry(1, result([[0, 0]], [1], [1e-5, 1e-3, 1e-1]));

  it('picks a log axis automatically when the schedule spans more than two decades', () => {
    expect(lrPlot([flat], 3, null).log).toBe(false);
    expect(lrPlot([flat, sweep], 3, null).log).toBe(true);
    expect(lrPlot([flat, sweep], 3, false).log).toBe(false);
  });

  it('plots the lr for every step even after a run stopped', () => {
    const stopped = entry(0, result([[0, 0]], [1], [0.1, 0.2, 0.3], 1));
    expect(lrPlot([stopped], 3, null).series[0].values.length).toBe(3);
  });
});

describe('distancePlot', () => {
  it('measures each iterate against the nearest of the known minima', () => {
    const a = entry(
      0,
      result(
        [
          [3, 4],
          [1, 0],
          [-1, 0.5],
        ],
        [1, 1, 1],
        [0.1, 0.1],
      ),
    );
    const p = distancePlot([a], 2, [
      [0, 0],
      [-1, 0],
    ]);
    expect(Array.from(p.series[0].values)).toEqual([5, 1, 0.5]);
  });

  it('explains when the surface has no known minima', () => {
    const a = entry(0, result([[0, 0]], [1], [0.1]));
    const p = distancePlot([a], 1, []);
    expect(p.empty).toMatch(/no known minima/i);
    expect(describePlot(p)).toMatch(/no known minima/i);
  });
});

describe('describePlot', () => {
  it('summarises each run for screen readers', () => {
    const a = entry(
      0,
      result(
        [
          [0, 0],
          [1, 1],
          [2, 2],
        ],
        [4, 1, 0.25],
        [0.1, 0.1],
      ),
      'Adam',
    );
    const text = describePlot(gradPlot([a], 2));
    expect(text).toContain('log scale');
    expect(text).toContain('Adam from 8 to 0.5 at step 2');
  });
});
