/**
 * What an optimizer runs on: a scalar loss of a list of parameter tensors, with its exact
 * gradient. The weights are one flat vector in the order of `shapes` (torch's
 * `model.parameters()` order, each tensor row-major); the run loop makes the tensors views of it
 * (tensor.ts). A 2D surface is the case of one tensor of shape [2] (surfaceObjective.ts).
 *
 * Everything is float64 and allocation-free: gradients are written into caller-owned arrays.
 */
export interface Objective {
  /** The parameter tensors' shapes, in order; their sizes sum to the weight vector's length. */
  readonly shapes: readonly (readonly number[])[];
  /** The loss at w (non-finite outside the domain), its gradient written into `grad`. */
  lossGrad(w: Float64Array, grad: Float64Array): number;
  /**
   * The same loss without its gradient, on objectives where that is much cheaper (a network's
   * forward pass without backpropagation). Its presence tells the run loop the exact gradient
   * is dear: it records the exact gradient norm only every GRAD_NORM_EVERY iterates (run.ts)
   * when the steps train on mini-batches or noise and would not compute it anyway.
   */
  loss?(w: Float64Array): number;
  /**
   * The mini-batch loss and gradient for optimizer step `t` (0-based): present only on data
   * objectives. The batch is a pure function of (seed, t), so every run of a scenario sees the
   * same batches and every evaluation inside one step (SAM's two, LBFGS's line search) shares one.
   */
  batchLossGrad?(w: Float64Array, t: number, grad: Float64Array): number;
  /** The Hessian-vector product H(w)·v into out, for views and optimizers that need curvature. */
  hvp?(w: Float64Array, v: Float64Array, out: Float64Array): void;
}

/** The total number of weights an objective takes. */
export const weightCount = (o: Objective): number =>
  o.shapes.reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0);
