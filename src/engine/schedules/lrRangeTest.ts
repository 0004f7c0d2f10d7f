import type { ScheduleDef } from '../schedule.ts';
import { formatNumber } from '../formatNumber.ts';
import { orSteps, runLengthParam } from './commonParams.ts';

/**
 * The LR range test / LR finder (Smith 2017, "Cyclical Learning Rates"; the exponential sweep of
 * fastai's `lr_find`). It is an experiment, not a torch scheduler: train for N steps with an lr
 * that grows by the same factor every step, from start_lr to end_lr (the optimizer's own lr is
 * ignored), then stop, and read the lr off the loss-vs-lr curve:
 *   η_t = start_lr · (end_lr / start_lr)^(t / (N − 1)),  t = 0..N−1; the run stops after step N − 1.
 * In torch that is the optimizer built with lr=start_lr, a
 * `LambdaLR(optimizer, lambda t: (end_lr / start_lr) ** (min(t, N−1) / (N−1)))` (the same as
 * `ExponentialLR(optimizer, gamma=(end_lr / start_lr) ** (1 / (N−1)))` for t < N), and a training
 * loop of N steps: "Copy as PyTorch" writes exactly that (src/scenario/exportTorch.ts). `lrs` past
 * step N − 1, which a longer scenario still asks for, hold end_lr; the run never uses them.
 */
export const lrRangeTest: ScheduleDef = {
  id: 'LRRangeTest',
  label: 'LR range test',
  reference:
    'torch.optim.lr_scheduler.LambdaLR (exponential LR range test, stopped after num_iter steps)',
  rule: 'η_t = start_lr · (end_lr / start_lr)^(t / (N−1)) for t < N; the run stops after N steps',
  summary:
    'The LR finder: sweep the learning rate exponentially from tiny to huge for num_iter steps, then stop. On the loss-vs-lr plot, pick the lr where the loss falls fastest (the steepest slope), not the one at its minimum: by then the lr is already too large to train with.',
  params: [
    {
      kind: 'number',
      name: 'start_lr',
      label: 'start lr',
      help: 'Where the sweep starts: small enough that the loss barely moves. Replaces the optimizer’s lr.',
      default: 1e-7,
      min: 0,
      max: 1e6,
      exclusiveMin: true,
      sliderMin: 1e-10,
      sliderMax: 1,
      log: true,
    },
    {
      kind: 'number',
      name: 'end_lr',
      label: 'end lr',
      help: 'Where the sweep ends: large enough that the loss blows up, which marks the upper limit.',
      default: 10,
      min: 0,
      max: 1e6,
      exclusiveMin: true,
      sliderMin: 1e-4,
      sliderMax: 1e3,
      log: true,
    },
    // At least 2: N − 1 is a divisor.
    runLengthParam(
      'num_iter',
      'num iter',
      'Steps the sweep takes to reach end_lr; the run stops there, as an LR finder does.',
      2,
    ),
  ],
  compute(params, { steps }) {
    const a = params.start_lr as number;
    const b = params.end_lr as number;
    const N = orSteps(params.num_iter, steps);
    const lrs = new Float64Array(steps);
    // A one-step sweep (a 1-step run with num_iter empty) has nowhere to go: it stays at start_lr.
    const last = Math.max(N - 1, 1);
    for (let t = 0; t < steps; t++) lrs[t] = a * (b / a) ** (Math.min(t, N - 1) / last);
    return {
      lrs,
      end: {
        steps: N,
        message: `the LR range test is over: its last step used end_lr = ${formatNumber(b)}`,
      },
    };
  },
};
