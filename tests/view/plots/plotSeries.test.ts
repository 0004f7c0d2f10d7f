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
import { runExtent } from '../../../src/view/plots/runExtent.ts';
import { leaveMarkers, plotLayout } from '../../../src/view/plots/drawPlot.ts';
import type { Domain } from '../../../src/surfaces/surface.ts';

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
    dim: 2,
    sidePaths: [],
    evaluations: null,
  };
}

const entry = (
  run: number,
  r: RunResult,
  label = `run ${run}`,
  domain: Domain | null = null,
): RunEntry => ({
  run,
  label,
  color: '#fff',
  result: r,
  extent: runExtent(r, domain),
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

describe('ranges survive a blow-up', () => {
  const domain: Domain = { xMin: -4, xMax: 4, yMin: -4, yMax: 4 };
  // A run converging inside the domain, losses 10 → 0.1.
  const calm = () =>
    result(
      [
        [3, 0],
        [1, 0],
        [0.3, 0],
        [0.1, 0],
      ],
      [10, 1, 0.3, 0.1],
      [0.1, 0.1, 0.1],
    );
  // SGD above 2/λmax: finite, but outside the domain from step 2 on, its loss 1e60 by step 3.
  const blowUp = () =>
    result(
      [
        [3, 0],
        [-3.5, 0],
        [40, 0],
        [-1e30, 0],
      ],
      [9, 12, 1e3, 1e60],
      [1.5, 1.5, 1.5],
    );

  it('takes the loss range from the finite, in-domain part only', () => {
    const alone = lossPlot([entry(0, calm(), 'calm', domain)], 3, null);
    const both = lossPlot(
      [entry(0, calm(), 'calm', domain), entry(1, blowUp(), 'blow', domain)],
      3,
      null,
    );
    // The blow-up's in-domain values (9 and 12) may raise the top a little, never to 1e3 or 1e60.
    expect(both.yMax).toBeGreaterThanOrEqual(12);
    expect(both.yMax).toBeLessThan(20);
    expect(both.yMin).toBeLessThanOrEqual(0.1);
    expect(both.yMin).toBeGreaterThan(alone.yMin / 2);
    expect(both.series[1].leftAt).toBe(2);
    expect(both.series[0].leftAt).toBeNull();
  });

  it('keeps the gradient and distance ranges as well', () => {
    const g = gradPlot([entry(0, calm(), 'calm', domain), entry(1, blowUp(), 'blow', domain)], 3);
    expect(g.yMax).toBeLessThan(100);
    const d = distancePlot(
      [entry(0, calm(), 'calm', domain), entry(1, blowUp(), 'blow', domain)],
      3,
      [[0, 0]],
    );
    expect(d.yMax).toBeLessThan(10);
  });

  it('ends a run that left in a marker on the top edge at the step it left', () => {
    const p = lossPlot(
      [entry(0, calm(), 'calm', domain), entry(1, blowUp(), 'blow', domain)],
      3,
      null,
    );
    const l = plotLayout(p, 300, 120);
    const marks = leaveMarkers(p, l);
    expect(marks).toHaveLength(1);
    expect(marks[0].run).toBe(1);
    expect(marks[0].step).toBe(2);
    expect(marks[0].dir).toBe('up');
    expect(marks[0].y).toBe(l.top);
    expect(marks[0].x).toBeCloseTo(l.x.map(2), 9);
  });

  it('puts the marker of a non-finite iterate on the top edge too', () => {
    const r = result(
      [
        [0, 0],
        [2, 0],
      ],
      [1, 4],
      [1, 1, 1],
      2,
    );
    const p = lossPlot([entry(0, calm(), 'calm', domain), entry(1, r, 'nan', domain)], 3, null);
    const l = plotLayout(p, 300, 120);
    const [m] = leaveMarkers(p, l);
    expect(m.step).toBe(2);
    expect(m.y).toBe(l.top);
  });

  it('marks a run escaping downhill (a saddle, f → −∞) on the bottom edge', () => {
    const r = result(
      [
        [0.5, 0.1],
        [0.5, 1],
        [0.5, 30],
        [0.5, 900],
      ],
      [0.2, -1, -900, -8e5],
      [0.1, 0.1, 0.1],
    );
    const p = lossPlot([entry(0, r, 'saddle', domain)], 3, null);
    // The shift m comes from the in-domain losses, not from −8e5.
    expect(p.caption).toMatch(/m = -1\b/);
    const l = plotLayout(p, 300, 120);
    const [m] = leaveMarkers(p, l);
    expect(m.step).toBe(2);
    expect(m.dir).toBe('down');
    expect(m.y).toBe(l.top + l.height);
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
