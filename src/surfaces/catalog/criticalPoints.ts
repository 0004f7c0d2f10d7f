import type { Objective2D } from '../../engine/objective2d.ts';
import type { CriticalPoint, Domain } from '../surface.ts';

type Point = readonly [number, number];

const g = new Float64Array(2);
const h = new Float64Array(3);

/**
 * Newton's method on ∇f = 0 from (x, y): the stationary point nearby, to full double precision.
 * Used to refine published (rounded) positions and to locate minima whose positions depend on a
 * surface's parameters. Returns null when the Hessian is singular, the iteration wanders more
 * than `maxMove` from its start, or it does not settle.
 */
export function newtonStationary(
  obj: Objective2D,
  x: number,
  y: number,
  maxMove = 0.5,
): { x: number; y: number } | null {
  const x0 = x;
  const y0 = y;
  for (let it = 0; it < 100; it++) {
    obj.grad(x, y, g);
    obj.hess(x, y, h);
    const det = h[0] * h[2] - h[1] * h[1];
    if (!Number.isFinite(det) || det === 0) return null;
    // Solve H·d = −g (2×2, Cramer's rule).
    const dx = -(h[2] * g[0] - h[1] * g[1]) / det;
    const dy = -(h[0] * g[1] - h[1] * g[0]) / det;
    x += dx;
    y += dy;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    if (Math.hypot(x - x0, y - y0) > maxMove) return null;
    if (Math.hypot(dx, dy) <= 1e-15 * (1 + Math.hypot(x, y))) return { x, y };
  }
  // Rounding can leave the last step bouncing in the final ulp: accept a tiny gradient.
  obj.grad(x, y, g);
  return Math.hypot(g[0], g[1]) < 1e-9 ? { x, y } : null;
}

/** 'local-min' / 'saddle' from the Hessian's signs at a stationary point, or null (maximum, flat). */
export function stationaryKind(
  obj: Objective2D,
  x: number,
  y: number,
): 'local-min' | 'saddle' | null {
  obj.hess(x, y, h);
  const det = h[0] * h[2] - h[1] * h[1];
  if (det < 0) return 'saddle';
  if (det > 0 && h[0] > 0) return 'local-min';
  return null;
}

/**
 * A published critical point: position and value exactly as the table prints them, plus the
 * stationary point itself refined by Newton from the printed position (tables round, and a
 * display of f − f_min needs the true minimum).
 */
export function publishedPoint(
  obj: Objective2D,
  x: number,
  y: number,
  f: number,
  kind: CriticalPoint['kind'],
): CriticalPoint {
  const p = newtonStationary(obj, x, y, 1e-3);
  const point: CriticalPoint = { x, y, f, kind };
  if (p) point.exact = { x: p.x, y: p.y, f: obj.f(p.x, p.y) };
  return point;
}

/** A stationary point found by Newton from a seed, classified by its Hessian; null if none. */
export function computedPoint(
  obj: Objective2D,
  seedX: number,
  seedY: number,
  maxMove = 0.5,
): CriticalPoint | null {
  const p = newtonStationary(obj, seedX, seedY, maxMove);
  if (!p) return null;
  const kind = stationaryKind(obj, p.x, p.y);
  if (!kind) return null;
  return { x: p.x, y: p.y, f: obj.f(p.x, p.y), kind };
}

/**
 * The stationary points Newton finds from each seed (rough positions from a table or a plot),
 * keeping those of `kind` (any kind when omitted).
 */
export function computedPoints(
  obj: Objective2D,
  seeds: readonly Point[],
  maxMove: number,
  kind?: CriticalPoint['kind'],
): CriticalPoint[] {
  return seeds
    .map(([x, y]) => computedPoint(obj, x, y, maxMove))
    .filter((p): p is CriticalPoint => p !== null && (kind === undefined || p.kind === kind));
}

export function insideDomain(d: Domain, x: number, y: number): boolean {
  return x >= d.xMin && x <= d.xMax && y >= d.yMin && y <= d.yMax;
}

/** Drop points closer than `tol` to an earlier one (several seeds can converge to one point). */
export function distinctPoints(points: readonly CriticalPoint[], tol = 1e-6): CriticalPoint[] {
  const out: CriticalPoint[] = [];
  for (const p of points) if (!out.some((q) => Math.hypot(p.x - q.x, p.y - q.y) < tol)) out.push(p);
  return out;
}
