import { LIMITS } from '../scenario/scenario.ts';

/**
 * Decimals to round a picked point to: enough that rounding moves it by under half a pixel,
 * so a start point dragged on the map reads "(-1.25, 2.4)" in a link, not 17 digits.
 */
export function pickDecimals(unitsPerPx: number): number {
  if (!(unitsPerPx > 0) || !Number.isFinite(unitsPerPx)) return 6;
  return Math.max(0, Math.min(12, Math.ceil(-Math.log10(unitsPerPx / 2))));
}

export const roundTo = (v: number, decimals: number): number => {
  const p = 10 ** decimals;
  return Math.round(v * p) / p;
};

/**
 * A point the user picked on the map or the 3D surface, as it is stored (and shared in links):
 * clamped to the scenario's coordinate limit and rounded to what one pixel there resolves.
 * Both views call this, so a start picked in 3D reads like one picked on the map.
 */
export function pickedPoint(x: number, y: number, unitsPerPx: number): [number, number] {
  const d = pickDecimals(unitsPerPx);
  const c = (v: number) =>
    Math.max(-LIMITS.maxCoordinate, Math.min(LIMITS.maxCoordinate, roundTo(v, d)));
  return [c(x), c(y)];
}
