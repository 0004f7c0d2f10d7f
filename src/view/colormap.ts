/**
 * The landscape's colour map: viridis (van der Walt & Smith, matplotlib 2.0). It is perceptually
 * uniform and its lightness rises monotonically, so height reads correctly in greyscale and for
 * colour-blind viewers. Shared by the 2D map and the 3D mesh.
 *
 * Built from nine anchors of matplotlib's viridis (t = 0, 1/8, …, 1), interpolated linearly in
 * sRGB; between anchors this is within a few units of the published 256-entry table.
 */
export const VIRIDIS_ANCHORS = [
  '#440154',
  '#472c7a',
  '#3b518b',
  '#2c718e',
  '#21908d',
  '#27ad81',
  '#5cc863',
  '#aadc32',
  '#fde725',
] as const;

export const LUT_SIZE = 256;

const anchorRgb = VIRIDIS_ANCHORS.map((hex) => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
]);

/**
 * The colour at t ∈ [0, 1] as sRGB bytes 0..255 (not rounded), written into out.
 * t is clamped; NaN gives the low end.
 */
export function viridisBytes(t: number, out: { [i: number]: number }): void {
  const last = anchorRgb.length - 1;
  const s = t > 0 ? (t < 1 ? t * last : last) : 0;
  const i = Math.min(last - 1, Math.floor(s));
  const u = s - i;
  const a = anchorRgb[i];
  const b = anchorRgb[i + 1];
  out[0] = a[0] + (b[0] - a[0]) * u;
  out[1] = a[1] + (b[1] - a[1]) * u;
  out[2] = a[2] + (b[2] - a[2]) * u;
}

/** 256 RGBA entries (alpha 255), ready to copy into ImageData: entry i is the colour at i/255. */
export const VIRIDIS_LUT: Uint8Array = (() => {
  const lut = new Uint8Array(4 * LUT_SIZE);
  const c = [0, 0, 0];
  for (let i = 0; i < LUT_SIZE; i++) {
    viridisBytes(i / (LUT_SIZE - 1), c);
    lut[4 * i] = Math.round(c[0]);
    lut[4 * i + 1] = Math.round(c[1]);
    lut[4 * i + 2] = Math.round(c[2]);
    lut[4 * i + 3] = 255;
  }
  return lut;
})();

/** The LUT entry for t ∈ [0, 1] (clamped; NaN → 0). */
export function colormapIndex(t: number): number {
  return t > 0 ? (t < 1 ? Math.round(t * (LUT_SIZE - 1)) : LUT_SIZE - 1) : 0;
}

/**
 * The colour at t as floats 0..1 (sRGB) into out[0..2], from the LUT: what a three.js colour
 * attribute or a shader uniform takes. No allocation, for per-vertex loops.
 */
export function colormapRGB(t: number, out: { [i: number]: number }): void {
  const k = 4 * colormapIndex(t);
  out[0] = VIRIDIS_LUT[k] / 255;
  out[1] = VIRIDIS_LUT[k + 1] / 255;
  out[2] = VIRIDIS_LUT[k + 2] / 255;
}

/** The colour at t as a CSS hex string (legends, swatches). */
export function colormapCss(t: number): string {
  const k = 4 * colormapIndex(t);
  const hex = (v: number) => v.toString(16).padStart(2, '0');
  return `#${hex(VIRIDIS_LUT[k])}${hex(VIRIDIS_LUT[k + 1])}${hex(VIRIDIS_LUT[k + 2])}`;
}
