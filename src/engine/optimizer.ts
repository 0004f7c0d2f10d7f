import type { ParamSpec, ParamValues } from './params.ts';
import type { RegistryEntry } from './registryEntry.ts';
import type { Param } from './tensor.ts';

/**
 * One of torch's `param_groups`: its tensors and the hyperparameters an optimizer reads on every
 * step. The run loop writes `lr` (from the schedule) before each step, and OneCycleLR's momentum
 * cycling writes `momentum` or `betas[0]` exactly as torch does, so optimizers read their
 * hyperparameters from here on every step and never cache them at creation.
 */
export interface ParamGroup {
  params: readonly Param[];
  lr: number;
  [name: string]: unknown;
}

/**
 * torch's closure: evaluates the loss at the current weights and rewrites every `param.grad`
 * (the same mini-batch as the step's, fresh gradient noise). Each call is one evaluation, which
 * the run counts and, for optimizers that search (LBFGS), records.
 */
export type Closure = () => number;

/** An iterate an optimizer keeps beside the weights it steps (ASGD's ax, Schedule-Free's x). */
export interface SidePath {
  id: string;
  label: string;
  /** The path's current values for param i (the same length as its data). */
  read(param: number): Float64Array;
}

/** A constructed optimizer over its groups, like a `torch.optim.Optimizer` instance. */
export interface Optimizer {
  /**
   * torch's `optimizer.step(closure)`: update every param's data from its grad (the loop has
   * already evaluated it at the current weights, unless the def says `usesClosure`). Throw a
   * `StepError` to stop the run with a message rather than produce NaN. Allocates nothing.
   */
  step(closure: Closure): void;
  /** Param i's momentum / first-moment buffer, for the momentum arrows; null while it has none. */
  momentum?(param: number): Float64Array | null;
  /** Iterates kept beside the weights, each drawn as its own path. */
  readonly sidePaths?: readonly SidePath[];
  /**
   * Optimizers that scale each tensor's step by its own trust ratio (LARS, LAMB): the ratio each
   * param got in the last step, in param order (the same array each time, rewritten by step).
   */
  trustRatios?(): Float64Array;
}

/** Second-order access for optimizers that use it (Newton): always at the current weights. */
export interface Curvature {
  /** H·v into out, both flat over every param in order. */
  hvp(v: Float64Array, out: Float64Array): void;
}

/** Where an optimizer that torch.optim lacks comes from, for "Copy as PyTorch". */
export interface OptimizerPackage {
  /** `pip install …` name. */
  pip: string;
  /** The Python import line, e.g. `from torch_optimizer import Lamb`. */
  importLine: string;
  /** The class the import provides, constructed with our parameter names. */
  className: string;
  /** A line the script needs after constructing it, e.g. `optimizer.train()` (Schedule-Free). */
  afterConstruct?: string;
  /** Our keyword → the package's, where it spells one differently (timm's `trust_coeff`). */
  keywords?: Readonly<Record<string, string>>;
  /** Arguments the package needs to compute our rule, e.g. `always_adapt=True`. */
  extraArgs?: readonly string[];
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
   * torch's constructor: state for every param of the groups, allocated here, once. Each group
   * starts as the validated parameters (e.g. Adagrad's initial_accumulator_value) plus its params.
   */
  create(groups: readonly ParamGroup[], curvature?: Curvature): Optimizer;
  /**
   * The optimizer evaluates the loss itself through the closure (LBFGS): the loop then does not
   * compute the step's gradient first, and counts and records every closure evaluation.
   */
  usesClosure?: true;
  /** Every param must be a matrix, as torch.optim.Muon requires: a surface's [2] becomes [1, 2]. */
  matrices?: true;
  /** Set for optimizers torch.optim lacks: the package that provides them. */
  package?: OptimizerPackage;
}

/** Thrown by a step to stop the run with a message rather than produce NaN. */
export class StepError extends Error {}
