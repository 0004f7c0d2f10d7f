import type { Domain } from '../surface.ts';
import type { HeightMode } from './heightTransform.ts';

/**
 * What the grid sampler produces: ready-made vertex attributes for a height-field mesh, plus the
 * values and ranges the colouring and the contours need.
 *
 * Layout (shared by every per-vertex array):
 *   - n × n vertices, row-major: vertex k = j·n + i, with i the column (x) and j the row (y);
 *   - x_i = xs[i], y_j = ys[j], evenly spaced from the domain's min to its max (both included);
 *   - world position (X, Y, Z) = (sx·(x − cx), sy·(y − cy), sz·z): right-handed, Z is up.
 *     A three.js scene with its default Y-up camera either sets `camera.up = (0, 0, 1)` or rotates
 *     the mesh by −π/2 about X (a rotation, so the normals stay valid).
 *
 * Every number in every buffer is finite, whatever the objective returns.
 */
export interface GridSample {
  /** Vertices per side. */
  readonly n: number;
  /** The domain sampled (a copy, updated in place on reuse). */
  readonly domain: Domain;
  heightMode: HeightMode;
  /** Grid coordinates: xs[i], ys[j]; xs[0] = xMin and xs[n−1] = xMax exactly. */
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** f at each vertex in float64; masked vertices hold the clamp value (see `mask`). */
  readonly f: Float64Array;
  /** ∇f at each vertex in float64 (∂f/∂x, ∂f/∂y), which the normals are computed from. */
  readonly gx: Float64Array;
  readonly gy: Float64Array;
  /** Display height z at each vertex (float32 of the transform of f). */
  readonly z: Float32Array;
  /** 3n² world positions (X, Y, Z): a BufferGeometry 'position' attribute. */
  readonly positions: Float32Array;
  /** 3n² unit normals from the analytic gradient: a BufferGeometry 'normal' attribute. */
  readonly normals: Float32Array;
  /**
   * 1 where f is not usable: NaN, ±Infinity, or beyond float32's range (|f| > 3.4e38, which the
   * height buffer cannot hold). Such vertices are clamped: NaN and +∞ to the highest valid
   * height, −∞ to the lowest, with normal (0, 0, 1).
   */
  readonly mask: Uint8Array;
  readonly stats: GridStats;
  /** Scratch for the percentile selection (reused between samples). */
  readonly scratch: Float64Array;
}

/** Ranges over the valid (unmasked) vertices. All zero when no vertex is valid. */
export interface GridStats {
  fMin: number;
  fMax: number;
  zMin: number;
  zMax: number;
  /** Robust colour range: the 2nd and 98th nearest-rank percentiles of z. */
  zLo: number;
  zHi: number;
  /** The same percentiles in f (z is monotone in f, so these are the same vertices). */
  fLo: number;
  fHi: number;
  /** How many vertices are masked. */
  nonFinite: number;
}

export interface GridOptions {
  /** Display height transform; default 'linear'. */
  heightMode?: HeightMode;
  /** World scale factors (sx, sy, sz); default 1. The normals are those of the scaled mesh. */
  scaleX?: number;
  scaleY?: number;
  scaleZ?: number;
  /** The domain point drawn at world X = Y = 0; default the domain's centre. */
  centerX?: number;
  centerY?: number;
}

/** Buffers for an n × n grid. */
export function allocGridSample(n: number): GridSample {
  const n2 = n * n;
  return {
    n,
    domain: { xMin: 0, xMax: 0, yMin: 0, yMax: 0 },
    heightMode: 'linear',
    xs: new Float64Array(n),
    ys: new Float64Array(n),
    f: new Float64Array(n2),
    gx: new Float64Array(n2),
    gy: new Float64Array(n2),
    scratch: new Float64Array(n2),
    z: new Float32Array(n2),
    positions: new Float32Array(3 * n2),
    normals: new Float32Array(3 * n2),
    mask: new Uint8Array(n2),
    stats: { fMin: 0, fMax: 0, zMin: 0, zMax: 0, zLo: 0, zHi: 0, fLo: 0, fHi: 0, nonFinite: 0 },
  };
}

/**
 * n evenly spaced coordinates from min to max into out. Both ends are exact, and the contour
 * tracer uses the same function, so contour endpoints land on the mesh's own grid lines.
 */
export function fillGridCoords(min: number, max: number, n: number, out: Float64Array): void {
  const span = max - min;
  for (let i = 0; i < n - 1; i++) out[i] = min + (span * i) / (n - 1);
  out[n - 1] = max;
}
