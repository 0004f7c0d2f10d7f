import { GRAD_NORM_EVERY } from '../../engine/run.ts';
import type { RunResult } from '../../engine/run.ts';
import type { ScenarioRun } from '../../scenario/scenario.ts';
import type { Domain } from '../../surfaces/surface.ts';
import { fmtNum } from '../../engine/formatNumber.ts';
import { ABSURD, runExtent, type RunExtent } from './runExtent.ts';

/**
 * What the four plots under the view show, computed once per simulation: per visible run one
 * series of values indexed by step, and each plot's y range. Pure data, no drawing.
 */

export type PlotId = 'loss' | 'lr' | 'grad' | 'dist' | 'line' | 'sharpness' | 'trust';

export interface PlotSeries {
  run: number;
  label: string;
  color: string;
  /** The plotted value at step k for k < values.length. */
  values: Float64Array;
  /** The value a reader is told about at step k (the loss itself where the plot shifts it). */
  raw: Float64Array;
  /** keep[k] = 1 when values[k] may set the plot's range (see runExtent); all 1 when absent. */
  keep: Uint8Array | null;
  /** The step the run left the domain for good (its curve ends in a marker there), or null. */
  leftAt: number | null;
  /** Drawn dashed: a reference line beside a measured one (2/lr beside the sharpness). */
  dash?: boolean;
}

export interface PlotData {
  id: PlotId;
  title: string;
  log: boolean;
  series: PlotSeries[];
  /** The x axis: steps 0..steps. */
  steps: number;
  /**
   * When the x axis is not the step: index k of every series is at
   * from + (to − from)·k/steps on an axis called `name`, and the plot has no playhead.
   */
  axis?: { from: number; to: number; name: string };
  /** The y range drawn (both > 0 on a log plot). */
  yMin: number;
  yMax: number;
  /** How to read the plot, when it is not obvious from the title (a shift, a clamp). */
  caption: string;
  /** Why there is nothing to plot, or null. */
  empty: string | null;
}

export interface RunEntry {
  run: number;
  label: string;
  color: string;
  result: RunResult;
  /** Which iterates count for ranges, and where the run left (computed once per result). */
  extent: RunExtent;
}

/** How many decades below its top a log plot shows: values below sit on the bottom edge. */
export const LOG_DECADES = 12;

/** Whether values[k] of a series may set its plot's range: kept, finite and not absurd. */
function counts(s: PlotSeries, k: number): boolean {
  const x = s.values[k];
  return (s.keep === null || s.keep[k] === 1) && Number.isFinite(x) && Math.abs(x) <= ABSURD;
}

/**
 * The y range of a log plot: from the smallest positive value (but at most LOG_DECADES below the
 * top) to the largest, over the values that count (runExtent: finite, in the domain), so one run
 * blowing up to 1e300 does not flatten everything else.
 */
export function logRange(series: readonly PlotSeries[]): [number, number] {
  let hi = 0;
  let lo = Infinity;
  for (const s of series)
    for (let k = 0; k < s.values.length; k++) {
      const x = s.values[k];
      if (!(x > 0) || !counts(s, k)) continue;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  if (!(hi > 0)) return [0.1, 10];
  lo = Math.max(lo, hi * 10 ** -LOG_DECADES);
  if (!(lo < hi)) return [hi / 10 ** 0.5, hi * 10 ** 0.5];
  // A little air above and below, in log space.
  const pad = 0.04 * Math.log10(hi / lo);
  return [lo / 10 ** pad, hi * 10 ** pad];
}

/** The y range of a linear plot over the values that count: includes 0, with a little air above. */
export function linearRange(series: readonly PlotSeries[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const s of series)
    for (let k = 0; k < s.values.length; k++)
      if (counts(s, k)) {
        const x = s.values[k];
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
  if (hi === lo) return [lo - 1, hi + 1];
  return [lo - (hi - lo) * 0.02 * (lo < 0 ? 1 : 0), hi + (hi - lo) * 0.06];
}

export function series(e: RunEntry, values: Float64Array, raw = values): PlotSeries {
  return {
    run: e.run,
    label: e.label,
    color: e.color,
    values,
    raw,
    keep: e.extent.keep,
    leftAt: e.extent.leftAt,
  };
}

export function finish(
  id: PlotId,
  title: string,
  log: boolean,
  list: PlotSeries[],
  steps: number,
  caption = '',
  empty: string | null = null,
): PlotData {
  const [yMin, yMax] = log ? logRange(list) : linearRange(list);
  return { id, title, log, series: list, steps, yMin, yMax, caption, empty };
}

/**
 * Loss on a log scale. A log axis cannot show f ≤ 0, so when some run reaches f ≤ 0 every
 * series is drawn as f − m + ε, with m the lowest loss (or known minimum) and ε a billionth of
 * the loss range: the shape is kept and the caption says so.
 */
export function lossPlot(
  entries: readonly RunEntry[],
  steps: number,
  knownMin: number | null,
): PlotData {
  const raws = entries.map((e) => e.result.losses.subarray(0, e.result.points));
  // Over the iterates that count: a run escaping down a saddle to −1e300 must not set m.
  let min = Infinity;
  let max = -Infinity;
  raws.forEach((v, i) => {
    const keep = entries[i].extent.keep;
    for (let k = 0; k < v.length; k++) {
      const x = v[k];
      if (keep[k] !== 1) continue;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  });
  if (!(min <= 0))
    return finish(
      'loss',
      'loss f',
      true,
      entries.map((e, i) => series(e, raws[i])),
      steps,
    );
  const m = knownMin !== null && knownMin < min ? knownMin : min;
  const range = max - m;
  const eps = range > 0 && Number.isFinite(range) ? range * 1e-9 : 1e-9;
  const shifted = raws.map((v) => v.map((x) => x - m + eps));
  return finish(
    'loss',
    'loss f − m + ε',
    true,
    entries.map((e, i) => series(e, shifted[i], raws[i])),
    steps,
    `some f ≤ 0, so log of f − m + ε: m = ${fmtNum(m)}, ε = ${fmtNum(eps, 2)}`,
  );
}

/** The learning rate each step used (the schedule), log scale when asked or when it spans decades. */
export function lrPlot(entries: readonly RunEntry[], steps: number, log: boolean | null): PlotData {
  // The schedule is defined for every step, whatever happened to the run.
  const list = entries.map((e) => ({ ...series(e, e.result.lrs), keep: null, leftAt: null }));
  let lo = Infinity;
  let hi = 0;
  for (const s of list)
    for (const x of s.values)
      if (x > 0) {
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
  const useLog = log ?? (hi > 0 && hi / lo > 100);
  const nonPositive = useLog && list.some((s) => s.values.some((x) => !(x > 0)));
  return finish(
    'lr',
    'learning rate',
    useLog,
    list,
    steps,
    nonPositive ? 'steps with lr = 0 sit on the bottom edge' : '',
  );
}

/** ‖∇f‖ of the exact gradient at each iterate, log scale. */
export function gradPlot(entries: readonly RunEntry[], steps: number): PlotData {
  let sparse = false;
  const list = entries.map((e) => {
    const raw = e.result.gradNorms.subarray(0, e.result.points);
    const drawn = joinSamples(raw);
    if (drawn !== raw) sparse = true;
    return series(e, drawn, raw);
  });
  // A network's exact gradient costs a pass over its data: its runs measure it at some iterates.
  return finish(
    'grad',
    'gradient norm ‖∇f‖',
    true,
    list,
    steps,
    sparse ? `measured every ${GRAD_NORM_EVERY}th step` : '',
  );
}

/**
 * A series measured at some iterates only (NaN between): drawn as straight segments between the
 * measured values, as any line plot of samples is. Returns the series itself when it has no such
 * gaps; NaN before the first and after the last measurement stays (nothing to join).
 */
export function joinSamples(v: Float64Array): Float64Array {
  let prev = -1;
  let out: Float64Array | null = null;
  for (let k = 0; k < v.length; k++) {
    if (Number.isNaN(v[k])) continue;
    if (prev >= 0 && k - prev > 1) {
      out ??= Float64Array.from(v);
      for (let j = prev + 1; j < k; j++)
        out[j] = v[prev] + ((v[k] - v[prev]) * (j - prev)) / (k - prev);
    }
    prev = k;
  }
  return out ?? v;
}

/** Distance from each iterate to the nearest known minimum, log scale. */
export function distancePlot(
  entries: readonly RunEntry[],
  steps: number,
  minima: ReadonlyArray<readonly [number, number]>,
): PlotData {
  if (minima.length === 0)
    return finish('dist', 'distance to nearest minimum', true, [], steps, '', 'no known minima');
  const list = entries.map((e) => {
    const { trajectory, points } = e.result;
    const d = new Float64Array(points);
    for (let k = 0; k < points; k++) {
      const x = trajectory[2 * k];
      const y = trajectory[2 * k + 1];
      let best = Infinity;
      for (const [mx, my] of minima) {
        const h = Math.hypot(x - mx, y - my);
        if (h < best) best = h;
      }
      d[k] = best;
    }
    return series(e, d);
  });
  return finish('dist', 'distance to nearest minimum', true, list, steps);
}

/** The visible runs that produced results, in run order, judged against the surface's domain. */
export function runEntries(
  runs: readonly ScenarioRun[],
  results: readonly (RunResult | null)[],
  labelOf: (r: ScenarioRun) => string,
  colorOf: (r: ScenarioRun, i: number) => string,
  domain: Domain | null,
): RunEntry[] {
  const out: RunEntry[] = [];
  runs.forEach((run, i) => {
    const result = results[i];
    if (run.visible && result && result.points > 0)
      out.push({
        run: i,
        label: labelOf(run),
        color: colorOf(run, i),
        result,
        extent: runExtent(result, domain),
      });
  });
  return out;
}

/** One short line about the runs whose curves end in a leave marker, or '' when none did. */
export function leaveNote(p: PlotData): string {
  const left = p.series.filter((s) => s.leftAt !== null);
  if (left.length === 0) return '';
  if (left.length > 1) return `▲ ${left.length} runs left the domain`;
  return `▲ ${left[0].label} left the domain at step ${left[0].leftAt}`;
}

/** Where index k of a plot's series is, in words: "step 40", or "t = 0.25" on another axis. */
export function xAt(p: PlotData, k: number): string {
  if (!p.axis) return `step ${k}`;
  const { from, to, name } = p.axis;
  return `${name} = ${fmtNum(from + ((to - from) * k) / Math.max(1, p.steps))}`;
}

/** A sentence for screen readers: each run's value at the first and last step it reached. */
export function describePlot(p: PlotData): string {
  if (p.empty) return `${p.title}: ${p.empty}`;
  if (p.series.length === 0) return `${p.title}: no visible runs.`;
  const parts = p.series.map((s) => {
    const n = s.raw.length;
    const left = s.leftAt === null ? '' : ` (left the domain at step ${s.leftAt})`;
    return `${s.label} from ${fmtNum(s.raw[0])} to ${fmtNum(s.raw[n - 1])} at ${xAt(p, n - 1)}${left}`;
  });
  const caption = p.caption ? ` (${p.caption})` : '';
  const x = p.axis?.name ?? 'step';
  return `${p.title} versus ${x}${p.log ? ', log scale' : ''}${caption}: ${parts.join('; ')}.`;
}
