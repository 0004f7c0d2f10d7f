import type { Objective2D } from '../../engine/objective2d.ts';
import type { Domain } from '../../surfaces/surface.ts';
import { displayHeight, type LandscapeFrame } from './landscapeFrame.ts';

/** How far outside the domain a trail may wander before it is pinned to the view's edge. */
const MARGIN = 0.25;

/**
 * World position of the point (x, y) on the landscape, `lift` world units above the surface,
 * written into out[o..o+2]. Always finite: far-away points are pinned to the edge of the view.
 */
export function toWorld(
  frame: LandscapeFrame,
  domain: Domain,
  objective: Objective2D,
  x: number,
  y: number,
  lift: number,
  out: Float32Array | number[],
  o = 0,
): void {
  const mx = MARGIN * (domain.xMax - domain.xMin);
  const my = MARGIN * (domain.yMax - domain.yMin);
  const cxp = Math.min(Math.max(x, domain.xMin - mx), domain.xMax + mx);
  const cyp = Math.min(Math.max(y, domain.yMin - my), domain.yMax + my);
  const px = Number.isFinite(cxp) ? cxp : frame.cx;
  const py = Number.isFinite(cyp) ? cyp : frame.cy;
  const z = displayHeight(frame, objective.f(px, py));
  out[o] = frame.k * (px - frame.cx);
  out[o + 1] = frame.k * (py - frame.cy);
  out[o + 2] = frame.kz * (z - frame.zBase) + lift;
}

/** The domain point under a world position (inverse of toWorld in x and y). */
export function toDomain(frame: LandscapeFrame, X: number, Y: number): [number, number] {
  return [frame.cx + X / frame.k, frame.cy + Y / frame.k];
}
