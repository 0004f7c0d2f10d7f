import type { ScenarioRun } from '../../scenario/scenario.ts';
import type { SweepPlan } from '../../scenario/sweep/sweepPlan.ts';
import { argminFinite, summariseSeeds } from './seedSummary.ts';

/**
 * What the learning-rate sensitivity plot shows, as plain data (drawSensitivity.ts draws it):
 * per swept run its metric against lr, the median over seeds as the line and the least and
 * greatest as a band, its current lr and its best lr.
 */
export interface SensitivityCurve {
  run: number;
  label: string;
  color: string;
  lrs: readonly number[];
  /** Median over seeds per lr; Infinity diverged, NaN not computed yet. */
  mid: Float64Array;
  /** The band (least and greatest finite value over seeds), or null with one seed. */
  lo: Float64Array | null;
  hi: Float64Array | null;
  /** The run's lr now (null when it has none). */
  current: number | null;
  /** Index of the least median (the best lr), -1 when none finished. */
  best: number;
}

export interface SensitivityData {
  curves: SensitivityCurve[];
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** A log metric axis: every finite value is positive. */
  log: boolean;
  seeds: number;
  /** How many cells have arrived (partial results), of all. */
  done: number;
  cells: number;
}

/**
 * The curves of an lr sweep's (possibly partial) values: values[c] for cell c of the plan
 * (row-major over [run, lr], then over seeds, seed slowest), NaN where not computed yet.
 */
export function sensitivityData(
  plan: SweepPlan,
  values: ArrayLike<number>,
  runs: readonly ScenarioRun[],
  label: (run: ScenarioRun, i: number) => string,
  color: (run: ScenarioRun, i: number) => string,
): SensitivityData {
  const [runIdx, lrs] = plan.axes;
  const nLr = lrs.length;
  const nSeeds = plan.seeds.length;
  let done = 0;
  for (let c = 0; c < plan.cells; c++) if (!Number.isNaN(values[c])) done++;
  const curves: SensitivityCurve[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  runIdx.forEach((run, ri) => {
    const r = runs[run];
    // A hidden run is hidden here too, as in the other plots (and Tune fairly leaves it be).
    if (!r || !r.visible) return;
    const mid = new Float64Array(nLr);
    const bandLo = nSeeds > 1 ? new Float64Array(nLr) : null;
    const bandHi = nSeeds > 1 ? new Float64Array(nLr) : null;
    for (let li = 0; li < nLr; li++) {
      const perSeed: number[] = [];
      for (let s = 0; s < nSeeds; s++) perSeed.push(values[s * plan.cellsPerSeed + ri * nLr + li]);
      const sum = summariseSeeds(perSeed);
      mid[li] = sum.median;
      if (bandLo && bandHi) {
        bandLo[li] = sum.lo;
        bandHi[li] = sum.hi;
      }
      for (const v of [sum.median, sum.lo, sum.hi])
        if (Number.isFinite(v)) {
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
    }
    const lr = r.params.lr;
    curves.push({
      run,
      label: label(r, run),
      color: color(r, run),
      lrs,
      mid,
      lo: bandLo,
      hi: bandHi,
      current: typeof lr === 'number' ? lr : null,
      best: argminFinite(mid),
    });
  });
  const log = lo > 0 && Number.isFinite(hi);
  if (!(lo <= hi)) [lo, hi] = [0, 1];
  // A little room above and below, so the extreme points are not drawn on the frame.
  if (log) [lo, hi] = hi > lo ? [lo / 1.3, hi * 1.3] : [lo / 2, lo * 2];
  else {
    const pad = hi > lo ? (hi - lo) * 0.06 : Math.abs(lo) * 0.1 || 1;
    [lo, hi] = [lo - pad, hi + pad];
  }
  return {
    curves,
    xMin: lrs[0],
    xMax: lrs[nLr - 1] > lrs[0] ? lrs[nLr - 1] : lrs[0] * 10,
    yMin: lo,
    yMax: hi,
    log,
    seeds: nSeeds,
    done,
    cells: plan.cells,
  };
}

/** Every curve's best lr, by run (what "Tune fairly" sets); runs with no finished lr are left out. */
export function bestLrs(d: SensitivityData): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of d.curves) if (c.best >= 0) out.set(c.run, c.lrs[c.best]);
  return out;
}

/** Whether every curve with a best lr is at it now: what the legend's "tuned" claims. */
export function allTuned(d: SensitivityData): boolean {
  const best = bestLrs(d);
  return best.size > 0 && d.curves.every((c) => !best.has(c.run) || c.current === best.get(c.run));
}
