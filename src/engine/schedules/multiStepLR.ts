import type { ScheduleDef } from '../schedule.ts';
import { gammaParam } from './commonParams.ts';

/**
 * torch.optim.lr_scheduler.MultiStepLR, recursive form:
 *   η_0 = η (times γ if 0 is a milestone);  η_t = γ·η_{t−1} when t is a milestone, else η_{t−1}
 * Our milestones are strictly increasing, so torch's Counter exponent is always 1.
 */
export const multiStepLR: ScheduleDef = {
  id: 'MultiStepLR',
  label: 'Multi-step decay',
  reference: 'torch.optim.lr_scheduler.MultiStepLR',
  rule: 'η_t = η · γ^(number of milestones ≤ t)',
  summary:
    'Drop the learning rate by γ at hand-picked steps: big steps to cross the landscape, then smaller ones to refine inside the basin.',
  params: [
    {
      kind: 'list',
      name: 'milestones',
      label: 'milestones',
      help: 'The steps at which the learning rate is multiplied by γ (increasing step indices).',
      default: [100, 200],
      min: 0,
      max: 1e6,
      maxLength: 16,
      integer: true,
    },
    gammaParam(
      0.1,
      'The factor the learning rate is multiplied by at each milestone (0.1 = ten times smaller).',
    ),
  ],
  compute(params, { baseLr, steps }) {
    const milestones = new Set(params.milestones as readonly number[]);
    const gamma = params.gamma as number;
    const lrs = new Float64Array(steps);
    let lr = baseLr;
    for (let t = 0; t < steps; t++) {
      // torch checks the milestone at the constructor's step too (last_epoch = 0).
      if (milestones.has(t)) lr = lr * gamma;
      lrs[t] = lr;
    }
    return { lrs };
  },
};
