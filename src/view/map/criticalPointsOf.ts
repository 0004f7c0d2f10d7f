import { SURFACES } from '../../surfaces/catalog/index.ts';
import type { CriticalPoint } from '../../surfaces/surface.ts';
import type { SurfaceRef } from '../../scenario/scenario.ts';

/**
 * The known minima and saddles of a scenario's surface (none for a typed expression). Some
 * surfaces locate them by Newton iterations, so the list is cached per surface reference: the
 * store replaces that object only when the surface or its parameters change.
 */
const cache = new WeakMap<SurfaceRef, readonly CriticalPoint[]>();

export function criticalPointsOf(surface: SurfaceRef): readonly CriticalPoint[] {
  let points = cache.get(surface);
  if (points) return points;
  points = [];
  if ('id' in surface) {
    const def = SURFACES[surface.id];
    try {
      if (def) points = def.criticalPoints(surface.params);
    } catch {
      // A surface that cannot locate its points for these parameters simply shows none.
      points = [];
    }
  }
  cache.set(surface, points);
  return points;
}

/** The minima (global and local) as positions, preferring the refined stationary point. */
export function minimaPositions(
  points: readonly CriticalPoint[],
): Array<readonly [number, number]> {
  return points
    .filter((p) => p.kind !== 'saddle')
    .map((p) => (p.exact ? ([p.exact.x, p.exact.y] as const) : ([p.x, p.y] as const)));
}
