import type { RunResult } from '../../engine/run.ts';
import type { Domain } from '../../surfaces/surface.ts';

/** A basin map cell whose run diverged. */
export const BASIN_DIVERGED = -1;
/** A basin map cell whose run ended away from every known minimum (still moving, or stuck). */
export const BASIN_MOVING = -2;

/**
 * How close to a minimum a run must end to count as in its basin: this share of the domain's
 * diagonal (1% is a pixel or two of the map at its usual size).
 */
export const BASIN_TOLERANCE = 0.01;

/**
 * Where a run ends: the index of the nearest known minimum within BASIN_TOLERANCE of the
 * domain's diagonal, BASIN_DIVERGED, or BASIN_MOVING.
 */
export function basinOf(
  r: RunResult,
  minima: readonly (readonly [number, number])[],
  domain: Domain,
): number {
  if (r.divergedAt !== null) return BASIN_DIVERGED;
  const k = r.points - 1;
  const x = r.trajectory[2 * k];
  const y = r.trajectory[2 * k + 1];
  const tol = BASIN_TOLERANCE * Math.hypot(domain.xMax - domain.xMin, domain.yMax - domain.yMin);
  let best = BASIN_MOVING;
  let bestD = tol;
  for (let i = 0; i < minima.length; i++) {
    const d = Math.hypot(x - minima[i][0], y - minima[i][1]);
    if (d <= bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}
