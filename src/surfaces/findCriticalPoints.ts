import type { Objective2D } from '../engine/objective2d.ts';
import { insideDomain, newtonStationary, stationaryKind } from './catalog/criticalPoints.ts';
import type { CriticalPoint, Domain } from './surface.ts';

/**
 * The minima and saddles of a surface nobody tabulated (a typed expression), found numerically:
 * from every start of a coarse grid over the domain, gradient descent with a backtracking
 * (Armijo) line search walks downhill into a basin, then Newton's method on ∇f = 0 polishes the
 * point to full precision; Newton alone from the grid also lands on saddles, which the Hessian
 * tells apart. Points are deduplicated, kept only inside the domain, and the lowest minima are
 * labelled global. Deterministic and pure; a 12 × 12 grid costs a few thousand f/∇f calls.
 */
export interface FindOptions {
  /** Starts per side of the grid. */
  grid?: number;
  /** Gradient-descent steps from each start before Newton takes over. */
  descentSteps?: number;
}

const g = new Float64Array(2);

/** Backtracking gradient descent from (x, y); returns where it stopped, or null on a non-finite value. */
function descend(obj: Objective2D, x: number, y: number, steps: number, scale: number) {
  let fx = obj.f(x, y);
  if (!Number.isFinite(fx)) return null;
  // The first trial step moves a tenth of the domain; each accepted step may grow it again.
  let t = 0.1 * scale;
  for (let k = 0; k < steps; k++) {
    obj.grad(x, y, g);
    const norm = Math.hypot(g[0], g[1]);
    if (!Number.isFinite(norm)) return null;
    if (norm < 1e-12) break;
    const dx = -g[0] / norm;
    const dy = -g[1] / norm;
    let accepted = false;
    for (let tries = 0; tries < 40; tries++) {
      const nx = x + t * dx;
      const ny = y + t * dy;
      const nf = obj.f(nx, ny);
      // Armijo: a decrease of at least 1e-4 of what the slope promises.
      if (Number.isFinite(nf) && nf <= fx - 1e-4 * t * norm) {
        x = nx;
        y = ny;
        fx = nf;
        accepted = true;
        t *= 2;
        break;
      }
      t *= 0.5;
    }
    if (!accepted || t < 1e-14 * scale) break;
  }
  return { x, y };
}

const key = (p: { x: number; y: number }) => [p.x, p.y] as const;

export function findCriticalPoints(
  obj: Objective2D,
  domain: Domain,
  { grid = 12, descentSteps = 200 }: FindOptions = {},
): CriticalPoint[] {
  const w = domain.xMax - domain.xMin;
  const hgt = domain.yMax - domain.yMin;
  const scale = Math.hypot(w, hgt);
  // Newton may travel anywhere inside the view, not across half the plane.
  const maxMove = scale;
  const found: CriticalPoint[] = [];
  const add = (p: { x: number; y: number } | null) => {
    if (!p || !insideDomain(domain, p.x, p.y)) return;
    const kind = stationaryKind(obj, p.x, p.y);
    if (!kind) return;
    const f = obj.f(p.x, p.y);
    if (!Number.isFinite(f)) return;
    const tol = 1e-6 * scale;
    if (found.some((q) => Math.hypot(q.x - p.x, q.y - p.y) < tol)) return;
    found.push({ x: p.x, y: p.y, f, kind });
  };
  for (let i = 0; i < grid; i++) {
    for (let j = 0; j < grid; j++) {
      // Cell centres, so no start sits on the domain's edge (or on a symmetric surface's axis).
      const x = domain.xMin + ((i + 0.5) / grid) * w;
      const y = domain.yMin + ((j + 0.5) / grid) * hgt;
      const low = descend(obj, x, y, descentSteps, scale);
      if (low) add(newtonStationary(obj, ...key(low), maxMove));
      add(newtonStationary(obj, x, y, maxMove));
    }
  }
  const minima = found.filter((p) => p.kind === 'local-min');
  if (minima.length > 0) {
    const lowest = Math.min(...minima.map((p) => p.f));
    // Equal up to rounding (Himmelblau's four zeros): all of them are global.
    const tie = 1e-9 * Math.max(1, Math.abs(lowest));
    for (const p of minima) if (p.f - lowest <= tie) p.kind = 'global-min';
  }
  // Minima first (lowest first), then saddles: the order the legend and the markers want.
  const rank = (p: CriticalPoint) => (p.kind === 'saddle' ? 1 : 0);
  return found.sort((a, b) => rank(a) - rank(b) || a.f - b.f);
}
