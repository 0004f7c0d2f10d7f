import type { Objective2D } from '../../engine/objective2d.ts';
import type { Domain } from '../surface.ts';

/**
 * Whether a typed surface is usable where the runs go: f finite at the start point, and over
 * most of the view. `1/0`, `log(-1 - x^2)` or `sqrt(-1)` parse and differentiate fine but are
 * ∞ or NaN everywhere, so every run would stop at step 0 and the view would be blank; that is
 * said at the box instead. Sampled on a grid (the view's own is finer, but a 25 × 25 grid is
 * enough to tell "most of the domain") plus the start; returns the message, or null.
 */
export const FINITE_GRID = 25;
/** Below this share of finite grid values the surface is refused. */
export const MIN_FINITE_SHARE = 0.5;

const fmt = (v: number) => String(Number(v.toPrecision(3)));

export function checkFinite(
  obj: Objective2D,
  domain: Domain,
  start: readonly [number, number],
): string | null {
  let finite = 0;
  let sample = NaN;
  for (let i = 0; i < FINITE_GRID; i++) {
    for (let j = 0; j < FINITE_GRID; j++) {
      const x = domain.xMin + (i / (FINITE_GRID - 1)) * (domain.xMax - domain.xMin);
      const y = domain.yMin + (j / (FINITE_GRID - 1)) * (domain.yMax - domain.yMin);
      const f = obj.f(x, y);
      if (Number.isFinite(f)) finite++;
      else if (Number.isNaN(sample) || Number.isNaN(f)) sample = f;
    }
  }
  const share = finite / (FINITE_GRID * FINITE_GRID);
  const what = (f: number) => (Number.isNaN(f) ? 'not a number (NaN)' : f > 0 ? '∞' : '−∞');
  if (finite === 0)
    return `f is ${what(sample)} everywhere in the view, so there is nothing to descend`;
  if (share < MIN_FINITE_SHARE)
    return `f is not finite over most of the view (${Math.round(100 * (1 - share))}% of it), so runs would stop there`;
  const f0 = obj.f(start[0], start[1]);
  if (!Number.isFinite(f0))
    return `f is ${what(f0)} at the start point (${fmt(start[0])}, ${fmt(start[1])}), so every run would stop at step 0`;
  return null;
}
