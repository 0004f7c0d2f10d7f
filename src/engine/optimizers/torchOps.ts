/**
 * The tensor operations torch's optimizers are written in, for one weight at a time, each with
 * its operands in the order torch's kernel takes them, so every result rounds as torch's does.
 *
 * torch's AVX2 kernels also contract `add(alpha=…)` / `addcmul` into fused multiply-adds, which
 * JavaScript lacks. Emulating them in software would cost far more than the arithmetic itself
 * and moves no fixture by more than rounding noise, orders of magnitude inside the 1e-9 budget,
 * so each operation here rounds twice.
 */

/** `grad.add(param, alpha=weight_decay)`: an L2 penalty folded into the gradient. */
export const withL2 = (grad: number, w: number, weightDecay: number): number =>
  weightDecay !== 0 ? weightDecay * w + grad : grad;

/** `avg.mul_(β).add_(x, alpha=1 − β)`: the running average of x. */
export const runningAvg = (avg: number, x: number, beta: number): number =>
  (1 - beta) * x + avg * beta;

/** `avg.mul_(β).addcmul_(x, x, value=1 − β)`: the running average of x². */
export const runningSqAvg = (avg: number, x: number, beta: number): number =>
  (1 - beta) * x * x + avg * beta;

/** 1 − βᵗ, Adam's bias correction, with βᵗ as torch's Python float power `beta ** step`. */
export const biasCorrection = (beta: number, step: number): number => 1 - Math.pow(beta, step);

/**
 * `start.lerp_(end, weight)`: torch's CPU kernel switches formula at weight 0.5 so that the
 * ends are exact (weight 1 gives `end`, not start + (end − start)).
 */
export const lerp = (start: number, end: number, weight: number): number =>
  weight < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight);
