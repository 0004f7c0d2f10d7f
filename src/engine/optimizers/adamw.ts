import type { OptimizerDef } from '../optimizer.ts';
import { createAdam } from './adamStep.ts';
import {
  adamFamilyParams,
  amsgradParam,
  DECOUPLED_HELP,
  weightDecayParam,
} from './commonParams.ts';

/**
 * torch.optim.AdamW (single-tensor path, torch 1.13):
 *   w ← w·(1 − ηλ);  then Adam's update with the raw gradient (m, v, bias corrections as in Adam)
 */
export const adamw: OptimizerDef = {
  id: 'adamw',
  label: 'AdamW',
  reference: 'torch.optim.AdamW',
  rule: 'w ← w·(1 − ηλ);  m ← β1m + (1−β1)g;  v ← β2v + (1−β2)g²;  w ← w − η·m̂ / (√v̂ + ε)',
  summary:
    'Adam with decoupled weight decay: the pull toward zero is applied to the weights directly instead of being rescaled by the per-weight step sizes, so every weight decays at the same rate.',
  params: [...adamFamilyParams(1e-3, weightDecayParam(DECOUPLED_HELP, 1e-2)), amsgradParam],
  cycledMomentum: 'beta1',
  create: (groups) => createAdam(groups, true),
};
