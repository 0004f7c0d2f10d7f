import type { ParamGroup } from '../optimizer.ts';

/** The hyperparameters every Adam-family optimizer reads from its param_group. */
export interface AdamGroup {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
}

/**
 * Read on every step, never cached: the run loop writes lr and OneCycleLR writes betas[0] into
 * the group between steps, as torch's schedulers do.
 */
export function readAdamGroup(group: ParamGroup): AdamGroup {
  const betas = group.betas as readonly number[];
  return {
    lr: group.lr,
    beta1: betas[0],
    beta2: betas[1],
    eps: group.eps as number,
    weightDecay: group.weight_decay as number,
  };
}
