/** The per-vertex arrays of an n × n grid (see GridSample for what each holds). */
export interface GridArrays {
  f: Float64Array;
  gx: Float64Array;
  gy: Float64Array;
  scratch: Float64Array;
  z: Float32Array;
  positions: Float32Array;
  normals: Float32Array;
  mask: Uint8Array;
}

/** Bytes the arrays of n2 vertices take: four float64, one float32, two float32 × 3, one byte. */
export const gridArraysBytes = (n2: number): number => (4 * 8 + 4 + 2 * 12 + 1) * n2;

/**
 * The arrays of n2 vertices laid out one after another from byte `start` of `buffer` (a multiple
 * of 8): the float64 ones first, so each view is aligned to its element size (the WebAssembly
 * kernels rely on it).
 */
export function gridArraysIn(buffer: ArrayBuffer, n2: number, start = 0): GridArrays {
  let at = start;
  const next = <T extends { byteLength: number }>(view: T): T => {
    at += view.byteLength;
    return view;
  };
  return {
    f: next(new Float64Array(buffer, at, n2)),
    gx: next(new Float64Array(buffer, at, n2)),
    gy: next(new Float64Array(buffer, at, n2)),
    scratch: next(new Float64Array(buffer, at, n2)),
    z: next(new Float32Array(buffer, at, n2)),
    positions: next(new Float32Array(buffer, at, 3 * n2)),
    normals: next(new Float32Array(buffer, at, 3 * n2)),
    mask: next(new Uint8Array(buffer, at, n2)),
  };
}
