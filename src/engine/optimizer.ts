import type { Objective } from './objective.ts';
import type { ParamSpec, ParamValues } from './params.ts';

/**
 * The hyperparameters an optimizer reads on every step, like one of torch's `param_groups`.
 * The run loop writes `lr` (from the schedule) before each step, and OneCycleLR's momentum
 * cycling writes `momentum` or `betas[0]` exactly as torch does. Optimizers must read their
 * hyperparameters from here on every step, never cache them at creation.
 */
export interface ParamGroup {
  lr: number;
  [name: string]: unknown;
}

/** What a step may ask of the landscape beyond the gradient the loop already evaluated. */
export interface StepContext {
  /** 0-based step index. */
  t: number;
  /**
   * Gradient at an arbitrary point, with the same noise model and mini-batch as the loop's own
   * evaluation for this step (used by SAM for the ascent point).
   */
  gradAt(p: Float64Array, out: Float64Array): void;
  /** Exact Hessian at p, [f_xx, f_xy, f_yy] (used by Newton). */
  hessAt(p: Float64Array, out: Float64Array): void;
}

/** One optimizer's state for one run. */
export interface OptimizerInstance {
  /**
   * Update p in place. g is the (possibly noisy) gradient at p for this step and may be
   * overwritten. Returns nothing; a non-finite result is detected by the loop.
   * Throwing a `StepError` stops the run with its message (e.g. a singular Newton system).
   */
  step(p: Float64Array, g: Float64Array, group: ParamGroup, ctx: StepContext): void;
  /**
   * The optimizer's current first-moment / momentum direction, if it keeps one (for the
   * "momentum arrow" readout): written into out, returns false when there is none.
   */
  momentum?(out: Float64Array): boolean;
}

export interface OptimizerDef {
  /** Stable id stored in scenarios and links, e.g. 'adamw'. */
  id: string;
  /** Display name, e.g. 'AdamW'. */
  label: string;
  /** The reference it matches, e.g. 'torch.optim.AdamW' or 'Lion (Chen et al. 2023)'. */
  reference: string;
  /** The update rule in one or two lines (plain text / light LaTeX), shown in the UI. */
  rule: string;
  /** One sentence from the course material: what this optimizer is for. */
  summary: string;
  params: readonly ParamSpec[];
  /**
   * The hyperparameter OneCycleLR's `cycle_momentum` writes: 'momentum' (SGD, RMSprop),
   * 'beta1' (Adam family: betas[0]), or null when torch would raise for this optimizer.
   */
  cycledMomentum: 'momentum' | 'beta1' | null;
  /**
   * For optimizers whose parameter list depends on a choice (SAM's `base`): the full list for
   * the given raw values. Validation and the generated UI use it instead of `params` when present.
   */
  specsFor?(raw: Readonly<Record<string, unknown>>): readonly ParamSpec[];
  /** Likewise for `cycledMomentum` (SAM cycles whatever its base optimizer cycles). */
  cycledMomentumFor?(params: ParamValues): 'momentum' | 'beta1' | null;
  /**
   * Cross-parameter checks torch makes at construction (e.g. nesterov needs momentum > 0 and
   * dampening = 0). Returns an error message naming the parameter, or null.
   */
  check?(params: ParamValues): string | null;
  /** Build the optimizer state for a run. `group` holds the initial hyperparameters (e.g. Adagrad's initial_accumulator_value); the same object is passed to every step. */
  create(group: ParamGroup, dim: number): OptimizerInstance;
}

/** Thrown by a step to stop the run with a message rather than produce NaN. */
export class StepError extends Error {}

/** Optional helper used by optimizers: landscape access for the loop. */
export type { Objective };
