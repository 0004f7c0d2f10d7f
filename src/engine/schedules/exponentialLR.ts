import type { ScheduleDef } from '../schedule.ts';
import { gammaParam } from './commonParams.ts';

/**
 * torch.optim.lr_scheduler.ExponentialLR, recursive form:
 *   η_0 = η;  η_t = γ·η_{t−1}
 */
export const exponentialLR: ScheduleDef = {
  id: 'ExponentialLR',
  label: 'Exponential decay',
  reference: 'torch.optim.lr_scheduler.ExponentialLR',
  rule: 'η_t = η · γ^t',
  summary:
    'Shrink the learning rate by the same factor every step: a smooth cool-down that trades early exploration for late precision.',
  params: [
    {
      ...gammaParam(
        0.99,
        'The factor applied every step. Close to 1 matters: 0.99 leaves about 5% of the learning rate after 300 steps, 0.9 leaves almost nothing after 50.',
      ),
      sliderMin: 0.9,
      sliderMax: 1,
    },
  ],
  compute(params, { baseLr, steps }) {
    const gamma = params.gamma as number;
    const lrs = new Float64Array(steps);
    let lr = baseLr;
    for (let t = 0; t < steps; t++) {
      if (t !== 0) lr = lr * gamma;
      lrs[t] = lr;
    }
    return { lrs };
  },
};
