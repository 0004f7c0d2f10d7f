import type { ScheduleDef } from '../schedule.ts';
import { orSteps, runLengthParam } from './commonParams.ts';

/**
 * The LR range test / LR finder (Smith 2017; ours, = torch.optim.lr_scheduler.LambdaLR with the
 * optimizer's lr set to start_lr): an exponential sweep that ignores the optimizer's lr,
 *   η_t = start_lr · (end_lr / start_lr)^(min(t, N − 1) / (N − 1)).
 */
export const lrRangeTest: ScheduleDef = {
  id: 'LRRangeTest',
  label: 'LR range test',
  reference: 'torch.optim.lr_scheduler.LambdaLR (exponential LR range test)',
  rule: 'η_t = start_lr · (end_lr / start_lr)^(min(t, N−1) / (N−1))',
  summary:
    'The LR finder: sweep the learning rate exponentially from tiny to huge and watch the loss. Pick the lr where the loss falls fastest (the steepest slope), not the one at its minimum: by then the lr is already too large to train with.',
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
      'Steps the sweep takes to reach end_lr; it holds end_lr afterwards.',
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
    return { lrs };
  },
};
