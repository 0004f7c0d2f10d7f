/**
 * The display height of a loss value. A display transform only: it never changes f, the
 * optimizers, or the numbers the UI reports.
 *
 *   'linear': z = f
 *   'log':    z = ln(1 + f − fMin), fMin the grid's minimum finite f
 *
 * The log transform uses the natural log (not log10) so that dz/df = 1/(1 + f − fMin) is 1 at
 * the minimum: the basin floor looks the same as in linear mode, and only the walls are
 * compressed (Goldstein–Price's 3..1e6 becomes 0..13.8). It is the transform SurfaceView.logHeight
 * names.
 */
export type HeightMode = 'linear' | 'log';

/**
 * z for a finite f (fMin ≤ f). ln(1 + d) rather than log1p(d): log1p is slower in V8, and
 * ln(1 + d) is off by at most ~1e-16 in absolute terms, far below anything drawn. The grid's
 * log-height pass calls this same function, so the stats, contour heights and paths land
 * exactly on the mesh.
 */
export function heightOf(f: number, mode: HeightMode, fMin: number): number {
  return mode === 'log' ? Math.log(1 + (f - fMin)) : f;
}

/** The inverse of heightOf: the loss value drawn at height z (for labels and level lookups). */
export function lossAtHeight(z: number, mode: HeightMode, fMin: number): number {
  return mode === 'log' ? fMin + Math.expm1(z) : z;
}
