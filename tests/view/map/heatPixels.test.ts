import { describe, expect, it } from 'vitest';
import { MASK_RGB, fillHeatPixels } from '../../../src/view/map/heatPixels.ts';

describe('fillHeatPixels', () => {
  // A 2 × 2 grid: vertex k = j·n + i; row j = 0 is the bottom (y min).
  const z = new Float32Array([0, 1, 2, 3]);
  const mask = new Uint8Array(4);

  it('maps lo and hi to the ends of viridis and flips rows so y points up', () => {
    const out = new Uint8ClampedArray(16);
    fillHeatPixels(z, mask, 2, 0, 3, out);
    // Image row 0 (top) holds grid row j = 1: z = 2 then z = 3 (viridis’s bright end).
    expect(Array.from(out.subarray(4, 8))).toEqual([0xfd, 0xe7, 0x25, 255]);
    // Image row 1 (bottom) starts with z = 0: viridis’s dark end.
    expect(Array.from(out.subarray(8, 12))).toEqual([0x44, 0x01, 0x54, 255]);
  });

  it('clamps values outside [lo, hi] and greys out masked vertices', () => {
    const out = new Uint8ClampedArray(16);
    const m = new Uint8Array([0, 0, 1, 0]);
    fillHeatPixels(new Float32Array([-100, 100, 0, 0]), m, 2, 0, 1, out);
    expect(Array.from(out.subarray(8, 11))).toEqual([0x44, 0x01, 0x54]);
    expect(Array.from(out.subarray(12, 15))).toEqual([0xfd, 0xe7, 0x25]);
    expect(Array.from(out.subarray(0, 3))).toEqual([...MASK_RGB]);
  });
});
