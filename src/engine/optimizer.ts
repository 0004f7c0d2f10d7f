import type { RunLoop } from './runLoop.ts';
import type { ParamSpec, ParamValues } from './params.ts';
import type { RegistryEntry } from './registryEntry.ts';

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

export interface OptimizerDef extends RegistryEntry {
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
  /**
   * Run the optimizer over the loop: create its state, then `while (loop.next(momentum))` update
   * `loop.p` from `loop.g`, reading hyperparameters from `group` on every step (the run loop and
   * OneCycleLR write lr and momentum there, as into a torch param_group). `group` starts as the
   * validated parameters (e.g. Adagrad's initial_accumulator_value). Throw a `StepError` to stop
   * the run with a message (see runLoop.ts for why the optimizer owns the loop).
   */
  run(loop: RunLoop, group: ParamGroup): void;
}

/** Thrown by a step to stop the run with a message rather than produce NaN. */
export class StepError extends Error {}
