import type { Objective } from '../../src/engine/objective.ts';

/**
 * The fixtures' multi-tensor problem (scripts/make_torch_fixtures.py, run_tensor_case): least
 * squares with a weight W [m, d] and, when `bias`, a bias b [m], flat in torch's parameter order
 * (W row-major, then b); loss = mean((X Wᵀ + b − Y)²) over all n·m entries, exact gradient:
 * ∂/∂W = (2/nm)·Rᵀ X, ∂/∂b = (2/nm)·Σᵢ Rᵢ with residuals R = X Wᵀ + b − Y.
 */
export function leastSquares(X: number[][], Y: number[][], bias: boolean): Objective {
  const n = X.length;
  const d = X[0].length;
  const m = Y[0].length;
  const r = new Float64Array(m);
  const scale = 2 / (n * m);
  return {
    shapes: bias ? [[m, d], [m]] : [[m, d]],
    lossGrad(w, grad) {
      grad.fill(0);
      let loss = 0;
      for (let i = 0; i < n; i++) {
        for (let o = 0; o < m; o++) {
          let pred = bias ? w[m * d + o] : 0;
          for (let j = 0; j < d; j++) pred += X[i][j] * w[o * d + j];
          r[o] = pred - Y[i][o];
          loss += r[o] * r[o];
        }
        for (let o = 0; o < m; o++) {
          for (let j = 0; j < d; j++) grad[o * d + j] += scale * r[o] * X[i][j];
          if (bias) grad[m * d + o] += scale * r[o];
        }
      }
      return loss / (n * m);
    },
  };
}
