import type { RunResult } from '../../engine/run.ts';
import type { CriticalPoint, Domain } from '../../surfaces/surface.ts';

/**
 * What became of a run, for the legend's badges. Computed once per recompute, not per frame.
 *
 * "Converged" uses the exact (noise-free) gradient norm the run loop records: the first iterate
 * where ‖∇f‖ < 1e-6 · max(1, ‖∇f(x₀)‖). Relative to the starting gradient so steep surfaces
 * are judged fairly; the max(1, ·) keeps it absolute when the start is already nearly flat.
 */
export const CONVERGED_REL_TOL = 1e-6;

export function convergedAt(r: RunResult, tol = CONVERGED_REL_TOL): number | null {
  if (r.points === 0) return null;
  const threshold = tol * Math.max(1, r.gradNorms[0]);
  for (let k = 0; k < r.points; k++) if (r.gradNorms[k] < threshold) return k;
  return null;
}

/**
 * A run that has not yet overflowed but is clearly on its way: its last loss is a million times
 * larger than where it started (or than 1, for starts near zero). Returns that growth factor, or
 * null. Without this, lr slightly above 2/λmax shows no warning for the hundreds of steps it
 * takes float64 to overflow.
 */
export const BLOWUP_FACTOR = 1e6;

export function blowUp(r: RunResult): number | null {
  if (r.points < 2 || r.divergedAt !== null) return null;
  const first = Math.abs(r.losses[0]);
  const last = Math.abs(r.losses[r.points - 1]);
  const ratio = last / Math.max(1, first);
  return ratio > BLOWUP_FACTOR ? ratio : null;
}

/** The index of the last finite iterate (where the run ended or stopped). */
export const lastIndex = (r: RunResult): number => Math.max(0, r.points - 1);

export interface NearestPoint {
  point: CriticalPoint;
  distance: number;
  /** Within `reach` of it: the run ended in (at) it rather than merely closest to it. */
  reached: boolean;
}

/**
 * The known critical point nearest the run's last iterate. `reach` is how close counts as "in"
 * it, in domain units (the caller passes a small fraction of the domain's size).
 */
export function nearestCriticalPoint(
  r: RunResult,
  points: readonly CriticalPoint[],
  reach: number,
): NearestPoint | null {
  if (points.length === 0 || r.points === 0) return null;
  const k = lastIndex(r);
  const x = r.trajectory[2 * k];
  const y = r.trajectory[2 * k + 1];
  let best: NearestPoint | null = null;
  for (const p of points) {
    const d = Math.hypot(p.x - x, p.y - y);
    if (!best || d < best.distance) best = { point: p, distance: d, reached: d <= reach };
  }
  return best;
}

export const CRITICAL_KIND_LABEL: Record<CriticalPoint['kind'], string> = {
  'global-min': 'global minimum',
  'local-min': 'local minimum',
  saddle: 'saddle point',
};

const isMin = (p: CriticalPoint) => p.kind !== 'saddle';

/**
 * Where the run ended, for the legend: "in the global minimum (0, 0)" when its last iterate is
 * within `reach` of a known critical point (saddles included: stuck at a saddle is the news),
 * else the nearest known minimum and how far it is. null when the surface lists none.
 */
export function describeEnding(
  r: RunResult,
  points: readonly CriticalPoint[],
  reach: number,
  fmtPoint: (x: number, y: number) => string,
  fmtDistance: (d: number) => string = (d) => d.toPrecision(2),
): string | null {
  const any = nearestCriticalPoint(r, points, reach);
  if (!any) return null;
  const where = (p: CriticalPoint) => `${CRITICAL_KIND_LABEL[p.kind]} ${fmtPoint(p.x, p.y)}`;
  if (any.reached) return `${any.point.kind === 'saddle' ? 'at' : 'in'} the ${where(any.point)}`;
  const min = nearestCriticalPoint(r, points.filter(isMin), reach);
  if (!min) return null;
  return `nearest: ${where(min.point)}, ${fmtDistance(min.distance)} away`;
}

/**
 * The first iterate outside the surface's domain (the view), or null if the run stays inside.
 * The engine keeps stepping out there (f is defined beyond the view), but the user can no
 * longer see it, so the legend says where and when it left.
 */
export function leftDomainAt(
  r: RunResult,
  d: Domain,
): { step: number; x: number; y: number } | null {
  for (let k = 0; k < r.points; k++) {
    const x = r.trajectory[2 * k];
    const y = r.trajectory[2 * k + 1];
    if (x < d.xMin || x > d.xMax || y < d.yMin || y > d.yMax) return { step: k, x, y };
  }
  return null;
}
