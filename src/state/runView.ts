import type { RunResult } from '../engine/run.ts';
import {
  exitPoint,
  insideBox,
  INSIDE,
  MAX_SIDE_PATHS,
  OUTSIDE_FROM_START,
  type RunPath,
} from './runPath.ts';

/**
 * What run i shows at playhead step s: the one model both the 3D scene and the 2D map draw.
 *   - the trail: iterates 0..k whole, then the fraction u of the segment k → k+1 (a fractional
 *     playhead glides the head along it);
 *   - the head at that point, unless the run has diverged by then;
 *   - a mark for how the run is doing: 'exit' while it is outside the domain (at the point it
 *     left), 'stopped' once the playhead reaches an early stop, 'diverged' once it reaches the
 *     first non-finite iterate (both at the last point the run was seen inside the domain);
 *   - each side path's point at iterate k (SWA's average, ASGD's ax, …) once it has one;
 *   - for optimizers that evaluate through the closure, which step's evaluations to show.
 */
export type RunMark = 'none' | 'exit' | 'stopped' | 'diverged';

export interface RunView {
  /** Whether anything is drawn for the run (visible, computed, at least one finite iterate). */
  drawn: boolean;
  /** The last whole iterate shown. */
  k: number;
  /** How far along the segment k → k+1 the head is, in [0, 1). */
  u: number;
  hx: number;
  hy: number;
  /** The head is drawn (false once a diverged run has reached its non-finite iterate). */
  head: boolean;
  /** The head is inside the domain box. */
  inside: boolean;
  mark: RunMark;
  /** Where the mark goes (domain coordinates, inside the box). */
  mx: number;
  my: number;
  /** The step the mark is about: the update that left the domain, or the stop's step. */
  markStep: number;
  /** Side path j's point now (j as in path.sides; MAX_SIDE_PATHS of them, preallocated). */
  sides: SidePoint[];
  /**
   * The step whose closure evaluations to show: the one the head is on (gliding k → k+1) or has
   * just finished (resting on iterate k: step k − 1). −1 when there is none (or no evaluations).
   */
  evalStep: number;
}

export interface SidePoint {
  /** The path has a finite point at iterate k. */
  shown: boolean;
  x: number;
  y: number;
}

export function emptyRunView(): RunView {
  return {
    drawn: false,
    k: 0,
    u: 0,
    hx: 0,
    hy: 0,
    head: false,
    inside: false,
    mark: 'none',
    mx: 0,
    my: 0,
    markStep: 0,
    sides: Array.from({ length: MAX_SIDE_PATHS }, () => ({ shown: false, x: 0, y: 0 })),
    evalStep: -1,
  };
}

const p = new Float64Array(2);

/**
 * Fill `out` with what the run shows at playhead `step` (fractional while playing). Allocates
 * nothing: called per run per frame.
 */
export function runViewAt(r: RunResult, path: RunPath, step: number, out: RunView): RunView {
  const n = r.points;
  out.drawn = n > 0;
  out.mark = 'none';
  for (const side of out.sides) side.shown = false;
  out.evalStep = -1;
  if (n === 0) {
    out.head = out.inside = false;
    return out;
  }
  const t = r.trajectory;
  const s = Number.isFinite(step) ? Math.max(0, step) : 0;
  const k = Math.min(Math.floor(s), n - 1);
  const u = k + 1 < n ? Math.min(1, s - k) : 0;
  out.k = k;
  out.u = u;
  out.hx = t[2 * k] + (u > 0 ? (t[2 * k + 2] - t[2 * k]) * u : 0);
  out.hy = t[2 * k + 1] + (u > 0 ? (t[2 * k + 3] - t[2 * k + 1]) * u : 0);
  out.inside = insideBox(path.box, out.hx, out.hy);

  // Diverged at d: iterate d is the non-finite one (points = d), so the run is gone once the
  // playhead reaches d. An early stop shows once the playhead reaches the stop's iterate.
  const stop = r.stop;
  const diverged = stop?.reason === 'diverged';
  const gone = diverged && s >= stop.step;
  out.head = !gone;
  if (stop && (diverged ? gone : k >= stop.step)) {
    out.mark = diverged ? 'diverged' : 'stopped';
    out.markStep = stop.step;
    lastSeen(r, path, n - 1, out);
  } else if (!out.inside) {
    out.mark = 'exit';
    // Outside at a whole iterate, or gliding out along segment k right now.
    const j = path.leftAt[k] === INSIDE ? k : path.leftAt[k];
    out.markStep = j + 1;
    lastSeenFrom(r, path, j, out);
  }

  for (let j = 0; j < path.sides.length; j++) {
    const side = path.sides[j];
    const at = out.sides[j];
    if (k < side.first) continue;
    at.x = side.values[2 * k];
    at.y = side.values[2 * k + 1];
    at.shown = Number.isFinite(at.x) && Number.isFinite(at.y);
  }

  // Steps 0..n−2 were taken; a whole playhead k rests at the end of step k − 1.
  if (path.evalStart && out.head) {
    const e = Math.min(Math.ceil(s) - 1, n - 2);
    if (e >= 0 && path.evalStart[e + 1] > path.evalStart[e]) out.evalStep = e;
  }
  return out;
}

/** The mark for iterate k: k itself if it is inside, else where its excursion left the box. */
function lastSeen(r: RunResult, path: RunPath, k: number, out: RunView): void {
  const j = path.leftAt[k];
  if (j === INSIDE) {
    out.mx = r.trajectory[2 * k];
    out.my = r.trajectory[2 * k + 1];
  } else lastSeenFrom(r, path, j, out);
}

/** Where segment j (iterate j → j+1) leaves the box; the nearest box point when it never was in. */
function lastSeenFrom(r: RunResult, path: RunPath, j: number, out: RunView): void {
  const t = r.trajectory;
  const b = path.box;
  if (j !== OUTSIDE_FROM_START && j + 1 < r.points) {
    if (exitPoint(b, t[2 * j], t[2 * j + 1], t[2 * j + 2], t[2 * j + 3], p)) {
      out.mx = p[0];
      out.my = p[1];
      return;
    }
  }
  const i = j === OUTSIDE_FROM_START ? 0 : Math.max(0, j);
  out.mx = clampFinite(t[2 * i], b.xMin, b.xMax);
  out.my = clampFinite(t[2 * i + 1], b.yMin, b.yMax);
}

const clampFinite = (v: number, lo: number, hi: number) =>
  Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : (lo + hi) / 2;
