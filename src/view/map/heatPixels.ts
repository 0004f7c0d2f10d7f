import { VIRIDIS_LUT, LUT_SIZE } from '../colormap.ts';

/** Grey for grid points where f is not finite: "undefined here", not a height. */
export const MASK_RGB = [70, 72, 80] as const;

/**
 * Colour an n × n grid of display heights into RGBA pixels (one pixel per grid vertex) through
 * the viridis LUT, with [lo, hi] mapped to the ends of the colour map (values outside clamp).
 *
 * Grid row j is y_j, increasing upwards; image row 0 is the top, so row j goes to n − 1 − j.
 */
export function fillHeatPixels(
  z: ArrayLike<number>,
  mask: ArrayLike<number>,
  n: number,
  lo: number,
  hi: number,
  out: Uint8ClampedArray,
): void {
  fillHeatPixelsRect(z, mask, n, n, lo, hi, out);
}

/** fillHeatPixels for an nx × ny grid (x fastest: z[j·nx + i] is x_i, y_j), e.g. a sweep's map. */
export function fillHeatPixelsRect(
  z: ArrayLike<number>,
  mask: ArrayLike<number>,
  nx: number,
  ny: number,
  lo: number,
  hi: number,
  out: Uint8ClampedArray,
): void {
  const span = hi > lo ? hi - lo : 1;
  const k = (LUT_SIZE - 1) / span;
  for (let j = 0; j < ny; j++) {
    let o = 4 * (ny - 1 - j) * nx;
    for (let i = 0, v = j * nx; i < nx; i++, v++, o += 4) {
      if (mask[v]) {
        out[o] = MASK_RGB[0];
        out[o + 1] = MASK_RGB[1];
        out[o + 2] = MASK_RGB[2];
        out[o + 3] = 255;
        continue;
      }
      const t = (z[v] - lo) * k;
      const c = 4 * (t > 0 ? (t < LUT_SIZE - 1 ? Math.round(t) : LUT_SIZE - 1) : 0);
      out[o] = VIRIDIS_LUT[c];
      out[o + 1] = VIRIDIS_LUT[c + 1];
      out[o + 2] = VIRIDIS_LUT[c + 2];
      out[o + 3] = 255;
    }
  }
}
