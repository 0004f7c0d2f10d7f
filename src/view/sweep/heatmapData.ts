import type { ScenarioRun } from '../../scenario/scenario.ts';
import type { SweepPlan } from '../../scenario/sweep/sweepPlan.ts';
import { summariseSeeds } from './seedSummary.ts';

/**
 * What a hyperparameter map shows, as plain data (drawHeatmap.ts draws it): the metric over two
 * parameters of one run (the median over seeds per cell), each axis log or linear as the sweep
 * spaced it, and the run's current setting.
 */
export interface HeatmapData {
  names: [string, string];
  xs: readonly number[];
  ys: readonly number[];
  xLog: boolean;
  yLog: boolean;
  /** Median per cell, x fastest: mid[j·nx + i] is (xs[i], ys[j]); Infinity diverged, NaN pending. */
  mid: Float64Array;
  /** The finite values' range, and whether colour follows log10 of the metric. */
  vMin: number;
  vMax: number;
  colorLog: boolean;
  /** The cell with the least value (-1 when none finished). */
  best: number;
  /** The run's current values of the two parameters (null where it has none). */
  current: [number | null, number | null];
  run: number;
  done: number;
  cells: number;
}

/** A run's value of a swept parameter name: `lr`, or a tuple's element as `betas[1]`. */
export function sweptValue(run: ScenarioRun, name: string): number | null {
  const m = /^(\w+)\[(\d+)\]$/.exec(name);
  const v = run.params[m ? m[1] : name];
  if (m) return Array.isArray(v) && typeof v[Number(m[2])] === 'number' ? v[Number(m[2])] : null;
  return typeof v === 'number' ? v : null;
}

/**
 * The map of a grid2 (or basins, by its metric) sweep's values; cells row-major, x slowest. A
 * grid2 over every run (its first axis the runs) has a map per run: `map` picks one.
 */
export function heatmapData(
  plan: SweepPlan,
  values: ArrayLike<number>,
  run: ScenarioRun | null,
  map = 0,
): HeatmapData {
  const perRun = plan.axes.length === 3;
  const [xs, ys] = plan.axes.slice(-2);
  const nx = xs.length;
  const ny = ys.length;
  const nSeeds = plan.seeds.length;
  const mid = new Float64Array(nx * ny);
  let lo = Infinity;
  let hi = -Infinity;
  let done = 0;
  let best = -1;
  for (let i = 0; i < nx; i++)
    for (let j = 0; j < ny; j++) {
      const perSeed: number[] = [];
      for (let s = 0; s < nSeeds; s++) {
        const v = values[s * plan.cellsPerSeed + map * nx * ny + i * ny + j];
        if (!Number.isNaN(v)) done++;
        perSeed.push(v);
      }
      const m = summariseSeeds(perSeed).median;
      const k = j * nx + i;
      mid[k] = m;
      if (Number.isFinite(m)) {
        if (m < lo) lo = m;
        if (m > hi) hi = m;
        if (best < 0 || m < mid[best]) best = k;
      }
    }
  // A few blown-up cells (1e200) would leave every other cell the same dark colour: the colour
  // range stops at ten times the 90th percentile, and cells above it take its top colour.
  const finite = Array.from(mid)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (finite.length > 0) {
    const q90 = finite[Math.floor(0.9 * (finite.length - 1))];
    const cap = q90 > 0 ? 10 * q90 : q90 + 10 * (q90 - lo);
    if (hi > cap && cap > lo) hi = cap;
  }
  const ranges = plan.sweep.ranges;
  const names = plan.names.slice(-2) as [string, string];
  return {
    names,
    xs,
    ys,
    xLog: ranges[0]?.[2] === 'log',
    yLog: ranges[1]?.[2] === 'log',
    mid,
    vMin: lo <= hi ? lo : 0,
    vMax: lo <= hi ? hi : 1,
    // Losses spanning decades read as a landscape only on a log colour scale.
    colorLog: lo > 0 && hi > 100 * lo,
    best,
    current: run ? [sweptValue(run, names[0]), sweptValue(run, names[1])] : [null, null],
    run: perRun ? plan.axes[0][map] : (plan.sweep.run ?? 0),
    done,
    cells: perRun ? plan.cells / plan.axes[0].length : plan.cells,
  };
}

/** The edges of an axis's cells: half a step (in its own spacing) beyond each end. */
export function axisEdges(values: readonly number[], log: boolean): [number, number] {
  const n = values.length;
  const f = log ? Math.log10 : (v: number) => v;
  const g = log ? (v: number) => 10 ** v : (v: number) => v;
  const a = f(values[0]);
  const b = f(values[n - 1]);
  const half = n > 1 ? (b - a) / (n - 1) / 2 : log ? 0.5 : Math.abs(a) * 0.5 || 0.5;
  return [g(a - half), g(b + half)];
}

/** The cell nearest a value pair (clamped to the grid), as [i, j]. */
export function cellAt(d: HeatmapData, x: number, y: number): [number, number] {
  const near = (vals: readonly number[], v: number, log: boolean) => {
    let best = 0;
    const t = log ? Math.log(v) : v;
    for (let i = 1; i < vals.length; i++) {
      const a = log ? Math.log(vals[i]) : vals[i];
      const b = log ? Math.log(vals[best]) : vals[best];
      if (Math.abs(a - t) < Math.abs(b - t)) best = i;
    }
    return best;
  };
  return [near(d.xs, x, d.xLog), near(d.ys, y, d.yLog)];
}
