/**
 * What an optimizer runs on: a scalar function of two weights with exact derivatives.
 *
 * Everything is float64 and allocation-free on the hot path: derivatives are written into
 * caller-owned arrays so the run loop and the grid sampler allocate nothing per point.
 */
export interface Objective2D {
  /** f(x, y). May return a non-finite number outside its domain. */
  f(x: number, y: number): number;
  /** ∇f at (x, y) into out[0], out[1]. */
  grad(x: number, y: number, out: Float64Array): void;
  /** Hessian at (x, y) into out[0] = f_xx, out[1] = f_xy, out[2] = f_yy. */
  hess(x: number, y: number, out: Float64Array): void;
  /**
   * A stochastic (mini-batch) gradient for optimizer step `t` (0-based). Present only on
   * data-driven surfaces; the batch for a step is a pure function of (seed, t), so every run of
   * a scenario sees the same batches and SAM's two evaluations in one step share a batch.
   */
  stochasticGrad?(x: number, y: number, t: number, out: Float64Array): void;
  /**
   * f and ∇f at every vertex of the grid xs × ys into f, gx and gy, vertex k = j·xs.length + i
   * holding (xs[i], ys[j]): the grid sampler's batch path. Optional. It must agree with f and
   * grad at every vertex up to rounding. The expression compiler generates it for every analytic
   * surface (src/surfaces/expression/generateJs.ts); the data surface writes its own.
   *
   * Why it exists: the sampler calls whatever surface is shown, so its per-vertex calls are
   * megamorphic (V8 can neither inline nor cheaply dispatch them); one call per grid into a
   * loop of the surface's own runs at the speed of hand-written code.
   */
  fgGrid?(
    xs: Float64Array,
    ys: Float64Array,
    f: Float64Array,
    gx: Float64Array,
    gy: Float64Array,
  ): void;
}
