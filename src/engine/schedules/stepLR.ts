import type { ScheduleDef } from '../schedule.ts';
import { gammaParam } from './commonParams.ts';

/**
 * torch.optim.lr_scheduler.StepLR, in torch's recursive (chainable) form:
 *   η_0 = η;  η_t = γ·η_{t−1} when t is a multiple of step_size, else η_{t−1}
 * (the same as η·γ^⌊t/step_size⌋ up to rounding; torch multiplies the group's lr in place).
 */
export const stepLR: ScheduleDef = {
  id: 'StepLR',
  label: 'Step decay',
  reference: 'torch.optim.lr_scheduler.StepLR',
  rule: 'η_t = η · γ^⌊t / step_size⌋',
  summary:
    'The classic staircase: cruise at one learning rate, then drop it by γ every step_size steps so the optimizer can settle deeper into the valley it has found.',
  params: [
    {
      kind: 'number',
      name: 'step_size',
      label: 'step size',
      help: 'How many steps between drops. Each drop shrinks the steps abruptly; watch the path stop bouncing across the valley right after it.',
      default: 100,
      // torch takes last_epoch % step_size, so 0 would divide by zero.
      min: 1,
      max: 1e6,
      sliderMin: 1,
      sliderMax: 500,
      integer: true,
    },
    gammaParam(
      0.1,
      'The factor the learning rate is multiplied by at each drop (0.1 = ten times smaller).',
    ),
  ],
  compute(params, { baseLr, steps }) {
    const stepSize = params.step_size as number;
    const gamma = params.gamma as number;
    const lrs = new Float64Array(steps);
    let lr = baseLr;
    for (let t = 0; t < steps; t++) {
      if (t !== 0 && t % stepSize === 0) lr = lr * gamma;
      lrs[t] = lr;
    }
    return { lrs };
  },
};
