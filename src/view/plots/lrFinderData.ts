import type { ScenarioRun } from '../../scenario/scenario.ts';
import { orSteps } from '../../engine/schedules/commonParams.ts';
import { fmtNum } from '../../engine/formatNumber.ts';
import { lrCurve, lrPicks, type LrCurve, type LrPicks } from './lrFinderPicks.ts';
import type { RunEntry } from './plotSeries.ts';

/**
 * What the LR range test's plot shows: per visible range-test run its loss-vs-lr curve and
 * picks, and the axes' ranges. Pure data; drawLrFinder.ts draws it.
 */

/** The schedule id whose runs get a loss-vs-lr plot (src/engine/schedules/lrRangeTest.ts). */
export const RANGE_TEST = 'LRRangeTest';

export interface FinderSeries {
  run: number;
  label: string;
  color: string;
  curve: LrCurve;
  picks: LrPicks;
}

export interface FinderData {
  series: FinderSeries[];
  /** The lr axis (log) and the loss axis (linear, from the part the picks read). */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The loss-vs-lr picture for every visible LR-range-test run, or null when there is none. */
export function finderData(
  entries: readonly RunEntry[],
  runs: readonly ScenarioRun[],
  steps: number,
): FinderData | null {
  const series: FinderSeries[] = [];
  for (const e of entries) {
    const sched = runs[e.run]?.schedule;
    if (sched?.name !== RANGE_TEST) continue;
    const curve = lrCurve(e.result, orSteps(sched.params.num_iter, steps));
    series.push({ run: e.run, label: e.label, color: e.color, curve, picks: lrPicks(curve) });
  }
  if (series.length === 0) return null;
  let xMin = Infinity;
  let xMax = 0;
  let lo = 0;
  let hi = -Infinity;
  for (const s of series) {
    for (const x of s.curve.lrs) {
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
    }
    // The loss axis spans what the picks read (up to the blow-up): the blow-up leaves the top.
    for (let i = 0; i < Math.max(1, s.picks.used) && i < s.curve.losses.length; i++) {
      const v = s.curve.losses[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(xMax > xMin)) [xMin, xMax] = [xMin > 0 ? xMin / 10 : 1e-4, xMin > 0 ? xMin * 10 : 1];
  if (!(hi > lo)) [lo, hi] = [lo - 1, lo + 1];
  return { series, xMin, xMax, yMin: lo, yMax: hi + 0.06 * (hi - lo) };
}

/** One line for the caption and screen readers: the picks, with their values. */
export function describePicks(d: FinderData): string {
  const s = d.series[0];
  const { steepest, minimum } = s.picks;
  if (!steepest && !minimum) return `${s.label}: too few steps to read a slope.`;
  const parts: string[] = [];
  if (steepest) parts.push(`steepest descent at lr ${fmtNum(steepest.lr, 2)} (the pick)`);
  if (minimum) parts.push(`lowest loss at lr ${fmtNum(minimum.lr, 2)}`);
  return parts.join(' · ');
}
