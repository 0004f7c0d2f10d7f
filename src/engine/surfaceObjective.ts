import type { Objective } from './objective.ts';
import type { Objective2D } from './objective2d.ts';

/**
 * A 2D surface as the engine's objective: one tensor of shape [2], as a user writes
 * `torch.tensor([x, y], requires_grad=True)` (or, for an optimizer that works on matrices
 * only, shape [1, 2]).
 */
export function surfaceObjective(s: Objective2D, shape: readonly number[] = [2]): Objective {
  const h = new Float64Array(3);
  const batch = s.stochasticGrad;
  return {
    shapes: [shape],
    lossGrad(w, grad) {
      s.grad(w[0], w[1], grad);
      return s.f(w[0], w[1]);
    },
    // A 2D data surface has a mini-batch gradient but no mini-batch loss; the full loss is
    // what the closure reports (only LBFGS reads it, and it then runs on the full batch's loss).
    batchLossGrad: batch
      ? (w, t, grad) => {
          batch.call(s, w[0], w[1], t, grad);
          return s.f(w[0], w[1]);
        }
      : undefined,
    hvp(w, v, out) {
      s.hess(w[0], w[1], h);
      out[0] = h[0] * v[0] + h[1] * v[1];
      out[1] = h[1] * v[0] + h[2] * v[1];
    },
  };
}
