import type { Objective2D } from '../../engine/objective2d.ts';
import type { Domain } from '../surface.ts';
import { allocGridSample, fillGridCoords } from './gridSample.ts';
import type { GridOptions, GridSample } from './gridSample.ts';
import { evaluatePoints } from './evaluatePoints.ts';
import { heightOf } from './heightTransform.ts';
import { percentileRank, ranksOfValid } from './select.ts';
import { scanValid, writeVertices, type Transform } from './gridPasses.ts';

/** The robust colour range: one spike must not flatten the colouring of everything else. */
const P_LO = 0.02;
const P_HI = 0.98;

// Module scratch: sampling allocates nothing unless the resolution changes.
const range = new Float64Array(2);
const transform: Transform = { sx: 1, sy: 1, sz: 1, cx: 0, cy: 0 };

/**
 * Sample an objective on an n × n grid over a domain: heights, world positions, analytic normals,
 * a non-finite mask and the value ranges (see GridSample for the layout and conventions).
 *
 * Pass `out` (a previous result) to reuse its buffers: when out.n === n it is rewritten in place
 * and returned; otherwise new buffers are allocated.
 *
 * Normals: the scene draws Z = sz·z over X = sx·(x − cx), Y = sy·(y − cy), whose upward normal is
 * (−∂Z/∂X, −∂Z/∂Y, 1) = (−(sz/sx)·z′(f)·∂f/∂x, −(sz/sy)·z′(f)·∂f/∂y, 1), normalized, with z′ the
 * height transform's slope. ∇f is the objective's exact gradient, never mesh differencing, so the
 * shading is smooth at any resolution.
 */
export function sampleGrid(
  objective: Objective2D,
  domain: Domain,
  n: number,
  options: GridOptions = {},
  out?: GridSample,
): GridSample {
  if (!Number.isInteger(n) || n < 2)
    throw new RangeError(`grid size must be an integer ≥ 2 (got ${n})`);
  const { xMin, xMax, yMin, yMax } = domain;
  if (
    !(xMax > xMin) ||
    !(yMax > yMin) ||
    !Number.isFinite(xMax - xMin) ||
    !Number.isFinite(yMax - yMin)
  )
    throw new RangeError('domain must have finite xMin < xMax and yMin < yMax');
  const mode = options.heightMode ?? 'linear';
  const sx = options.scaleX ?? 1;
  const sy = options.scaleY ?? 1;
  const sz = options.scaleZ ?? 1;
  if (!usableScale(sx) || !usableScale(sy) || !usableScale(sz))
    throw new RangeError('scale factors must be finite and non-zero');
  const cx = options.centerX ?? (xMin + xMax) / 2;
  const cy = options.centerY ?? (yMin + yMax) / 2;

  const g = out && out.n === n ? out : allocGridSample(n);
  const d = g.domain;
  d.xMin = xMin;
  d.xMax = xMax;
  d.yMin = yMin;
  d.yMax = yMax;
  g.heightMode = mode;
  fillGridCoords(xMin, xMax, n, g.xs);
  fillGridCoords(yMin, yMax, n, g.ys);

  transform.sx = sx;
  transform.sy = sy;
  transform.sz = sz;
  transform.cx = cx;
  transform.cy = cy;
  writePlane(g, transform);

  if (objective.fgGrid) objective.fgGrid(g.xs, g.ys, g.f, g.gx, g.gy);
  else evaluatePoints(objective, g.xs, g.ys, g.f, g.gx, g.gy);
  const valid = scanValid(g, range);
  const fMin = valid > 0 ? range[0] : 0;
  const fMax = valid > 0 ? range[1] : 0;
  const zMin = Math.fround(heightOf(fMin, mode, fMin));
  const zMax = Math.fround(heightOf(fMax, mode, fMin));
  if (valid < n * n) clampInvalid(g, fMin, fMax);
  writeVertices(g, mode, fMin, transform);

  const { stats } = g;
  stats.fMin = fMin;
  stats.fMax = fMax;
  stats.zMin = zMin;
  stats.zMax = zMax;
  stats.nonFinite = n * n - valid;
  if (valid === 0) {
    stats.fLo = stats.fHi = stats.zLo = stats.zHi = 0;
    return g;
  }
  // Robust range over the valid f; z is monotone in f, so it is z of the same vertices.
  const kLo = percentileRank(P_LO, valid);
  const kHi = percentileRank(P_HI, valid);
  ranksOfValid(g.f, g.mask, n * n, kLo, kHi, g.scratch, range);
  stats.fLo = range[0];
  stats.fHi = range[1];
  stats.zLo = Math.fround(heightOf(range[0], mode, fMin));
  stats.zHi = Math.fround(heightOf(range[1], mode, fMin));
  return g;
}

/**
 * Masked vertices get finite stand-ins: NaN and +∞ (and overflow) sit at the top, so an
 * undefined region reads as a wall rather than a pit an optimizer might seem to fall into;
 * −∞ sits at the bottom.
 */
function clampInvalid(g: GridSample, fMin: number, fMax: number): void {
  const { f, mask } = g;
  for (let k = 0; k < f.length; k++) if (mask[k] !== 0) f[k] = f[k] < 0 ? fMin : fMax;
}

/** World X and Y of every vertex. */
function writePlane(g: GridSample, t: Transform): void {
  const { n, xs, ys, positions } = g;
  for (let j = 0, v = 0; j < n; j++) {
    const Y = t.sy * (ys[j] - t.cy);
    for (let i = 0; i < n; i++, v++) {
      positions[3 * v] = t.sx * (xs[i] - t.cx);
      positions[3 * v + 1] = Y;
    }
  }
}

const usableScale = (s: number) => Number.isFinite(s) && s !== 0;
