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
  /** The SWA average's path from its first step, clipped the same way; null without SWA. */
  swa: ClippedPolyline | null;
}

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
  const swa =
    swaStart !== null && r.swa && swaStart < n ? clipPolyline(r.swa, swaStart, n, box) : null;
  return { box, segments: trail.segments, before: trail.before, leftAt, swa };
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
