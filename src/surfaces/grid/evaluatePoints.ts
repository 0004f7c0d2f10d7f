import type { Objective2D } from '../../engine/objective2d.ts';

const grad = new Float64Array(2);

/**
 * f and ∇f at every vertex of xs × ys (vertex k = j·xs.length + i) through the objective's point
 * functions: the grid path for objectives without a grid loop of their own (Objective2D.fgGrid).
 */
export function evaluatePoints(
  objective: Objective2D,
  xs: Float64Array,
  ys: Float64Array,
  f: Float64Array,
  gx: Float64Array,
  gy: Float64Array,
): void {
  for (let j = 0, k = 0; j < ys.length; j++) {
    const y = ys[j];
    for (let i = 0; i < xs.length; i++, k++) {
      f[k] = objective.f(xs[i], y);
      objective.grad(xs[i], y, grad);
      gx[k] = grad[0];
      gy[k] = grad[1];
    }
  }
}
