import type { RunResult } from '../engine/run.ts';
import type { Domain } from '../surfaces/surface.ts';
import { clipSegment } from './clipSegment.ts';

/**
 * A run's path against the surface's domain box, worked out once per engine result (not per
 * frame): the steps that start or end inside the box, cut at its edge, and where each excursion
 * outside it began. The 3D scene has no surface outside the domain, so its trail is these clipped parts;
 * both views mark where a run left (see runView.ts).
 */
export interface RunPath {
  /** The domain box the path was clipped to. */
  box: Domain;
  /** The trail's kept (clipped) segments, 4 numbers each: x0, y0, x1, y1. */
  segments: Float64Array;
  /**
   * before[k] = how many kept segments come from steps 0..k−1: the trail up to iterate k is
   * segments 0..before[k]−1. Length points + 1 (a zero for an empty run).
   */
  before: Int32Array;
  /**
   * For each iterate k outside the box: the step j whose segment (iterate j → j+1) took the run
   * out on this excursion; OUTSIDE_FROM_START if it started outside. INSIDE for iterates in it.
   */
  leftAt: Int32Array;
  /**
   * The averaged / side paths drawn beside the trail, each clipped the same way: SWA's average
   * first when the run averages, then the optimizer's own (ASGD's ax, Schedule-Free's x), at most
   * MAX_SIDE_PATHS. Each starts at its first finite point.
   */
  sides: SideTrail[];
  /**
   * For optimizers that evaluate through the closure (LBFGS): step t's evaluation points are
   * points evalStart[t]..evalStart[t+1]−1 of r.evaluations.points (prefix sums of the counts,
   * one more than the steps taken). Null for other optimizers.
   */
  evalStart: Uint32Array | null;
}

/** A side path, its values and its parts inside the box. */
export interface SideTrail extends ClippedPolyline {
  /** 'swa', or the optimizer's id for it (the CSV's column prefix). */
  id: string;
  /** What the user sees it called. */
  label: string;
  /** Flat [x0, y0, x1, y1, …] per iterate, NaN where it has no value yet. */
  values: Float64Array;
}

/** SWA plus one path of the optimizer's own is the most any run has; the views keep this many. */
export const MAX_SIDE_PATHS = 2;

export const SWA_LABEL = 'SWA average';

/** A polyline's parts inside a box, indexed by the step each segment starts at. */
export interface ClippedPolyline {
  /** The step of the polyline's first point. */
  first: number;
  /** Kept segments, 4 numbers each: x0, y0, x1, y1. */
  segments: Float64Array;
  /** before[k] = kept segments among the polyline's first k segments (steps first..first+k−1). */
  before: Int32Array;
}

export const INSIDE = -1;
export const OUTSIDE_FROM_START = -2;

export const insideBox = (b: Domain, x: number, y: number): boolean =>
  x >= b.xMin && x <= b.xMax && y >= b.yMin && y <= b.yMax;

const seg = new Float64Array(4);

export function runPathOf(r: RunResult, box: Domain, swaStart: number | null = null): RunPath {
  const n = r.points;
  const t = r.trajectory;
  const leftAt = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    if (insideBox(box, t[2 * k], t[2 * k + 1])) leftAt[k] = INSIDE;
    else if (k === 0) leftAt[k] = OUTSIDE_FROM_START;
    else leftAt[k] = leftAt[k - 1] === INSIDE ? k - 1 : leftAt[k - 1];
  }
  const trail = clipPolyline(t, 0, n, box);
  const sides: SideTrail[] = [];
  const side = (id: string, label: string, values: Float64Array, from: number) => {
    const first = firstFinite(values, from, n);
    if (first < n && sides.length < MAX_SIDE_PATHS)
      sides.push({ id, label, values, ...clipPolyline(values, first, n, box) });
  };
  if (swaStart !== null && r.swa) side('swa', SWA_LABEL, r.swa, swaStart);
  for (const p of r.sidePaths) side(p.id, p.label, p.values, 0);
  return {
    box,
    segments: trail.segments,
    before: trail.before,
    leftAt,
    sides,
    evalStart: r.evaluations ? prefixSums(r.evaluations.counts, Math.max(0, n - 1)) : null,
  };
}

/** The first iterate k ≥ from (below n) whose point is finite; n if none is. */
function firstFinite(values: Float64Array, from: number, n: number): number {
  let k = Math.max(0, from);
  while (k < n && !(Number.isFinite(values[2 * k]) && Number.isFinite(values[2 * k + 1]))) k++;
  return k;
}

/** out[t] = counts[0] + … + counts[t−1], for t = 0..steps. */
function prefixSums(counts: Uint32Array, steps: number): Uint32Array {
  const out = new Uint32Array(steps + 1);
  for (let t = 0; t < steps; t++) out[t + 1] = out[t] + counts[t];
  return out;
}

/**
 * The steps of the polyline through points first..n−1 (interleaved x, y) that start or end inside
 * the box, each cut at the box's edge.
 */
export function clipPolyline(
  pts: Float64Array,
  first: number,
  n: number,
  box: Domain,
): ClippedPolyline {
  const m = Math.max(0, n - first);
  const segments = new Float64Array(4 * Math.max(0, m - 1));
  const before = new Int32Array(m + 1);
  let kept = 0;
  for (let j = 0; j < m; j++) {
    before[j] = kept;
    const k = first + j;
    // A step with both ends outside is not drawn even where it crosses the box: a diverging
    // run's later steps would otherwise fan across the whole landscape.
    if (
      k + 1 < n &&
      (insideBox(box, pts[2 * k], pts[2 * k + 1]) ||
        insideBox(box, pts[2 * k + 2], pts[2 * k + 3])) &&
      clipSegment(
        pts[2 * k],
        pts[2 * k + 1],
        pts[2 * k + 2],
        pts[2 * k + 3],
        box.xMin,
        box.yMin,
        box.xMax,
        box.yMax,
        seg,
      )
    ) {
      segments.set(seg, 4 * kept);
      kept++;
    }
  }
  before[m] = kept;
  return { first, segments: segments.subarray(0, 4 * kept), before };
}

/**
 * Where the segment from (x0, y0) to (x1, y1) leaves the box, written to out[0..1]; false when
 * no part of it is inside. (The end of the segment's clipped part: for a segment that starts
 * inside and ends outside, the crossing.)
 */
export function exitPoint(
  box: Domain,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  out: Float64Array,
): boolean {
  if (!clipSegment(x0, y0, x1, y1, box.xMin, box.yMin, box.xMax, box.yMax, seg)) return false;
  out[0] = seg[2];
  out[1] = seg[3];
  return true;
}
