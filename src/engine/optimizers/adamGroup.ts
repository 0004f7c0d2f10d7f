import type { ParamGroup } from '../optimizer.ts';

/** The hyperparameters every Adam-family optimizer reads from its param_group. */
export interface AdamGroup {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
}

export const adamGroup = (): AdamGroup => ({ lr: 0, beta1: 0, beta2: 0, eps: 0, weightDecay: 0 });

/**
 * Read into `out` on every step, never cached: the run loop writes lr and OneCycleLR writes
 * betas[0] into the group between steps, as torch's schedulers do. (Into a reused object, so a
 * step allocates nothing.)
 */
export function readAdamGroup(group: ParamGroup, out: AdamGroup): AdamGroup {
  const betas = group.betas as readonly number[];
  out.lr = group.lr;
  out.beta1 = betas[0];
  out.beta2 = betas[1];
  out.eps = group.eps as number;
  out.weightDecay = group.weight_decay as number;
  return out;
}
