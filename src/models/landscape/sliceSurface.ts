import type { Objective2D } from '../../engine/objective2d.ts';

/**
 * A computed slice of a network's loss (planeLosses: losses[i·m + j] at (alphas[i], betas[j]))
 * as a surface of (α, β), so the same mesh, map and path drawing that show the 2-D surfaces
 * show it. Each full-loss evaluation costs a pass over the whole training set, so the views
 * cannot sample the network themselves; they sample this interpolant of the grid instead.
 *
 * Catmull–Rom (cubic Hermite with central-difference slopes) in each axis: it passes through
 * every computed loss exactly, and unlike bilinear interpolation its first derivatives are
 * continuous, so contour lines and mesh shading show no facets at the grid's cells. Outside the
 * grid the edge values extend flat. The axes must be evenly spaced (gridAxis).
 */
export function sliceSurface(
  alphas: Float64Array,
  betas: Float64Array,
  losses: Float64Array,
): Objective2D {
  const n = alphas.length;
  const m = betas.length;
  if (n < 2 || m < 2 || losses.length !== n * m)
    throw new Error(
      `a slice needs at least 2 × 2 losses, one per grid point (got ${losses.length})`,
    );
  const a0 = alphas[0];
  const b0 = betas[0];
  const ha = (alphas[n - 1] - a0) / (n - 1);
  const hb = (betas[m - 1] - b0) / (m - 1);
  const at = (i: number, j: number) =>
    losses[Math.max(0, Math.min(n - 1, i)) * m + Math.max(0, Math.min(m - 1, j))];

  // Per axis: the cell index, the offset u ∈ [0, 1] in it, and the cubic's weights and their
  // derivatives in u for the four neighbouring values p₋₁, p₀, p₁, p₂.
  const wa = new Float64Array(4);
  const da = new Float64Array(4);
  const wb = new Float64Array(4);
  const db = new Float64Array(4);
  const g0 = new Float64Array(2);
  const g1 = new Float64Array(2);
  const cell = (
    v: number,
    v0: number,
    h: number,
    count: number,
    w: Float64Array,
    d: Float64Array,
  ) => {
    const s = Math.max(0, Math.min(count - 1, (v - v0) / h));
    const i = Math.min(count - 2, Math.floor(s));
    const u = s - i;
    const u2 = u * u;
    const u3 = u2 * u;
    w[0] = 0.5 * (-u3 + 2 * u2 - u);
    w[1] = 0.5 * (3 * u3 - 5 * u2 + 2);
    w[2] = 0.5 * (-3 * u3 + 4 * u2 + u);
    w[3] = 0.5 * (u3 - u2);
    // Flat outside the grid: no slope beyond the edge.
    const inside = (v - v0) / h >= 0 && (v - v0) / h <= count - 1;
    const k = inside ? 1 / h : 0;
    d[0] = k * 0.5 * (-3 * u2 + 4 * u - 1);
    d[1] = k * 0.5 * (9 * u2 - 10 * u);
    d[2] = k * 0.5 * (-9 * u2 + 8 * u + 1);
    d[3] = k * 0.5 * (3 * u2 - 2 * u);
    return i;
  };
  const blend = (i: number, j: number, x: Float64Array, y: Float64Array) => {
    let sum = 0;
    for (let p = 0; p < 4; p++)
      for (let q = 0; q < 4; q++) sum += x[p] * y[q] * at(i - 1 + p, j - 1 + q);
    return sum;
  };
  return {
    f(x, y) {
      const i = cell(x, a0, ha, n, wa, da);
      const j = cell(y, b0, hb, m, wb, db);
      return blend(i, j, wa, wb);
    },
    grad(x, y, out) {
      const i = cell(x, a0, ha, n, wa, da);
      const j = cell(y, b0, hb, m, wb, db);
      out[0] = blend(i, j, da, wb);
      out[1] = blend(i, j, wa, db);
    },
    hess(x, y, out) {
      // The readouts that use curvature are the surfaces' own; a slice's second derivatives
      // come from the network's exact Hessian (sharpness), not from this interpolant.
      const e = 1e-4 * Math.max(Math.abs(ha), Math.abs(hb));
      this.grad(x - e, y, g0);
      this.grad(x + e, y, g1);
      out[0] = (g1[0] - g0[0]) / (2 * e);
      out[1] = (g1[1] - g0[1]) / (2 * e);
      this.grad(x, y - e, g0);
      this.grad(x, y + e, g1);
      out[2] = (g1[1] - g0[1]) / (2 * e);
    },
  };
}
