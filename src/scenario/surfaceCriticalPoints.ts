import { SURFACES } from '../surfaces/catalog/index.ts';
import { compileExpression } from '../surfaces/expression/index.ts';
import { findCriticalPoints } from '../surfaces/findCriticalPoints.ts';
import type { CriticalPoint } from '../surfaces/surface.ts';
import type { SurfaceRef } from './scenario.ts';

/**
 * The minima and saddles of a scenario's surface: a catalog entry's own (published or located
 * by Newton), and for a typed expression those found numerically (findCriticalPoints). Cached
 * per surface reference: the store replaces that object only when the surface changes.
 */
const cache = new WeakMap<SurfaceRef, readonly CriticalPoint[]>();

export function surfaceCriticalPoints(surface: SurfaceRef): readonly CriticalPoint[] {
  let points = cache.get(surface);
  if (points) return points;
  try {
    if ('id' in surface) points = SURFACES[surface.id]?.criticalPoints(surface.params) ?? [];
    else {
      const [xMin, xMax, yMin, yMax] = surface.domain;
      const { objective } = compileExpression(surface.expression);
      points = findCriticalPoints(objective, { xMin, xMax, yMin, yMax });
    }
  } catch {
    // A surface whose points cannot be located for these parameters simply shows none.
    points = [];
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
