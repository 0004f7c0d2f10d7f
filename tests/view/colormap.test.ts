import { describe, expect, it } from 'vitest';
import {
  VIRIDIS_ANCHORS,
  VIRIDIS_LUT,
  LUT_SIZE,
  colormapCss,
  colormapIndex,
  colormapRGB,
  viridisBytes,
} from '../../src/view/colormap.ts';

// matplotlib's published viridis table (_cm_listed.py, _viridis_data), entries 0, 64, 128, 192, 255.
const MATPLOTLIB: Record<number, [number, number, number]> = {
  0: [0.267004, 0.004874, 0.329415],
  64: [0.229739, 0.322361, 0.545706],
  128: [0.127568, 0.566949, 0.550556],
  192: [0.369214, 0.788888, 0.382914],
  255: [0.993248, 0.906157, 0.143936],
};

const entry = (i: number) => [VIRIDIS_LUT[4 * i], VIRIDIS_LUT[4 * i + 1], VIRIDIS_LUT[4 * i + 2]];

describe('viridis colour map', () => {
  it('has 256 opaque RGBA entries', () => {
    expect(VIRIDIS_LUT.length).toBe(4 * LUT_SIZE);
    for (let i = 0; i < LUT_SIZE; i++) expect(VIRIDIS_LUT[4 * i + 3]).toBe(255);
  });

  it('ends exactly on viridis’s endpoints #440154 and #fde725', () => {
    expect(entry(0)).toEqual([0x44, 0x01, 0x54]);
    expect(entry(255)).toEqual([0xfd, 0xe7, 0x25]);
    expect(colormapCss(0)).toBe('#440154');
    expect(colormapCss(1)).toBe('#fde725');
  });

  it('is within 2/255 of matplotlib’s table at sampled entries', () => {
    for (const [i, rgb] of Object.entries(MATPLOTLIB)) {
      const got = entry(Number(i));
      rgb.forEach((c, j) => expect(Math.abs(got[j] - c * 255)).toBeLessThanOrEqual(2));
    }
  });

  it('passes through every anchor at t = i/8', () => {
    const out = [0, 0, 0];
    VIRIDIS_ANCHORS.forEach((hex, i) => {
      viridisBytes(i / 8, out);
      const want = [1, 3, 5].map((o) => parseInt(hex.slice(o, o + 2), 16));
      expect(out.map((v) => Math.round(v))).toEqual(want);
    });
  });

  it('rises monotonically in luminance (viridis reads correctly in greyscale)', () => {
    // Relative luminance (Rec. 709 weights on linearised sRGB).
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    let prev = -1;
    for (let i = 0; i < LUT_SIZE; i++) {
      const [r, g, b] = entry(i);
      const y = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      expect(y).toBeGreaterThanOrEqual(prev);
      prev = y;
    }
  });

  it('clamps t outside [0, 1] and maps NaN to the low end', () => {
    expect(colormapIndex(-3)).toBe(0);
    expect(colormapIndex(7)).toBe(255);
    expect(colormapIndex(Number.NaN)).toBe(0);
    expect(colormapIndex(0.5)).toBe(128);
    const out = new Float32Array(3);
    colormapRGB(2, out);
    expect(Array.from(out).map((v) => Math.round(v * 255))).toEqual([0xfd, 0xe7, 0x25]);
  });
});
