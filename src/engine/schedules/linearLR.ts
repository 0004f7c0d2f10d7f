import type { ScheduleDef } from '../schedule.ts';

/**
 * torch.optim.lr_scheduler.LinearLR, recursive form:
 *   η_0 = η·s;  η_t = η_{t−1}·(1 + (e − s) / (n·s + (t − 1)(e − s)))  for 1 ≤ t ≤ n;  then held
 * (s = start_factor, e = end_factor, n = total_iters), i.e. η·(s + (e − s)·min(t, n)/n).
 */
export const linearLR: ScheduleDef = {
  id: 'LinearLR',
  label: 'Linear warmup / decay',
  reference: 'torch.optim.lr_scheduler.LinearLR',
  rule: 'η_t = η · (s + (e − s) · min(t, n) / n)',
  summary:
    'Scale the learning rate linearly from start_factor to end_factor over total_iters steps. As a warmup it starts gently so the first, least reliable gradients cannot fling the optimizer off before it finds its footing.',
  params: [
    {
      kind: 'number',
      name: 'start_factor',
      label: 'start factor',
      help: 'Fraction of the learning rate used at the first step. Small values are a warmup: tiny first steps that cannot blow up.',
      default: 1 / 3,
      // torch ≥ 2.0 rejects 0 (1.13 accepts it and then divides by zero at the first step).
      min: 0,
      max: 1,
      exclusiveMin: true,
      sliderMin: 0.01,
      sliderMax: 1,
    },
    {
      kind: 'number',
      name: 'end_factor',
      label: 'end factor',
      help: 'Fraction of the learning rate reached after total_iters steps and kept afterwards.',
      default: 1,
      min: 0,
      max: 1,
    },
    {
      kind: 'number',
      name: 'total_iters',
      label: 'total iters',
      help: 'How many steps the linear change takes.',
      default: 5,
      min: 0,
      max: 1e6,
      sliderMin: 0,
      sliderMax: 200,
      integer: true,
    },
  ],
  check(params) {
    const s = params.start_factor as number;
    const e = params.end_factor as number;
    if (!(s > 0 && s <= 1))
      return `start_factor: starting multiplicative factor expected to be greater than 0 and less or equal to 1 (got ${s}); torch rejects it`;
    if (!(e >= 0 && e <= 1))
      return `end_factor: ending multiplicative factor expected to be between 0 and 1 (got ${e}; torch raises ValueError)`;
    return null;
  },
  compute(params, { baseLr, steps }) {
    const s = params.start_factor as number;
    const e = params.end_factor as number;
    const n = params.total_iters as number;
    const lrs = new Float64Array(steps);
    let lr = baseLr;
    for (let t = 0; t < steps; t++) {
      if (t === 0) lr = lr * s;
      else if (t <= n) lr = lr * (1 + (e - s) / (n * s + (t - 1) * (e - s)));
      lrs[t] = lr;
    }
    return { lrs };
  },
};
