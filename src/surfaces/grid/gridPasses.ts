import type { GridSample } from './gridSample.ts';
import { heightOf, type HeightMode } from './heightTransform.ts';

/** Largest finite float32: beyond it a height cannot be stored, so the vertex is masked. */
export const F32_MAX = 3.4028234663852886e38;
/** Whether f can be a height: finite and within float32's range (false for NaN and ±∞ too). */
const storable = (v: number): boolean => v >= -F32_MAX && v <= F32_MAX;

/** World scale and centre: X = sx·(x − cx), Y = sy·(y − cy), Z = sz·z. */
export interface Transform {
  sx: number;
  sy: number;
  sz: number;
  cx: number;
  cy: number;
}

/** The mask, the valid count (returned) and the valid min and max (into range). */
export function scanValid(g: GridSample, range: Float64Array): number {
  const { f, mask } = g;
  let fMin = Infinity;
  let fMax = -Infinity;
  let valid = 0;
  for (let k = 0; k < f.length; k++) {
    const v = f[k];
    if (storable(v)) {
      mask[k] = 0;
      valid++;
      if (v < fMin) fMin = v;
      if (v > fMax) fMax = v;
    } else mask[k] = 1;
  }
  range[0] = fMin;
  range[1] = fMax;
  return valid;
}

/**
 * Heights z = heightOf(f, mode, fMin) (the stats, contour heights and paths use the same
 * function, so they land exactly on the mesh), world Z and normals, after the scan and the clamp.
 * Normal: (−kx·z′·f_x, −ky·z′·f_y, 1)/‖·‖ with kx = sz/sx, ky = sz/sy and z′ = dz/df (1, or 1/u
 * for log heights, u = 1 + f − fMin, computed as (−kx·f_x, −ky·f_y, u)/‖·‖: the same direction,
 * two divisions fewer); (0, 0, 1) where masked.
 */
export function writeVertices(g: GridSample, mode: HeightMode, fMin: number, t: Transform): void {
  const { f, gx, gy, z, mask, positions, normals } = g;
  const { sz } = t;
  const kx = sz / t.sx;
  const ky = sz / t.sy;
  const log = mode === 'log';
  for (let k = 0; k < f.length; k++) {
    const zk = heightOf(f[k], mode, fMin);
    const p = 3 * k;
    z[k] = zk;
    positions[p + 2] = sz * zk;
    if (mask[k] !== 0) {
      normals[p] = 0;
      normals[p + 1] = 0;
      normals[p + 2] = 1;
    } else writeNormal(normals, p, -kx * gx[k], -ky * gy[k], log ? 1 + (f[k] - fMin) : 1);
  }
}

/** The unit normal (nx, ny, nz)/‖·‖ at p, for nz ≥ 1. */
function writeNormal(normals: Float32Array, p: number, nx: number, ny: number, nz: number): void {
  const len2 = nx * nx + ny * ny + nz * nz;
  // NaN < ∞ is false, so non-finite gradients take the slow path.
  if (len2 < Infinity) {
    const inv = 1 / Math.sqrt(len2);
    normals[p] = nx * inv;
    normals[p + 1] = ny * inv;
    normals[p + 2] = nz * inv;
  } else steepNormal(nx, ny, nz, normals, p);
}

/**
 * The normal (nx, ny, nz) where the gradient overflowed or is infinite (a cusp such as ∛x at 0):
 * the surface is vertical there, so the normal is horizontal, against the gradient. A NaN
 * gradient gives (0, 0, 1): nothing better is known. nz is finite and ≥ 1.
 */
function steepNormal(nx: number, ny: number, nz: number, out: Float32Array, p: number): void {
  let a = 0;
  let b = 0;
  let c = 0;
  if (Number.isNaN(nx) || Number.isNaN(ny)) c = 1;
  else if (Number.isFinite(nx) && Number.isFinite(ny)) {
    // Finite but a square overflowed: rescale before normalizing.
    const s = Math.max(Math.abs(nx), Math.abs(ny), nz);
    a = nx / s;
    b = ny / s;
    c = nz / s;
  } else {
    a = Number.isFinite(nx) ? 0 : Math.sign(nx);
    b = Number.isFinite(ny) ? 0 : Math.sign(ny);
  }
  const inv = 1 / Math.sqrt(a * a + b * b + c * c);
  out[p] = a * inv;
  out[p + 1] = b * inv;
  out[p + 2] = c * inv;
}
