import type { OptimizerDef } from '../optimizer.ts';
import { epsParam, L2_HELP, lrParam, weightDecayParam } from './commonParams.ts';
import { withL2 } from './torchOps.ts';

/**
 * torch.optim.Adagrad (single-tensor path, torch 1.13):
 *   g ← g + λw;  s ← s + g²;  w ← w − η/(1 + (t−1)·lr_decay) · g / (√s + ε)
 * s starts at initial_accumulator_value; t counts steps from 1. In torch's operation order
 * (torchOps.ts).
 */
export const adagrad: OptimizerDef = {
  id: 'adagrad',
  label: 'Adagrad',
  reference: 'torch.optim.Adagrad',
  rule: 's ← s + g²;  w ← w − η·g / (√s + ε)',
  summary:
    'Gives every weight its own step size, shrinking it by the total squared gradient seen so far: steep directions slow down at once, but the steps keep shrinking and can stall on long plateaus.',
  params: [
    lrParam(1e-2),
    {
      kind: 'number',
      name: 'lr_decay',
      label: 'lr decay',
      help: 'Extra 1/(1 + (t−1)·decay) shrinking of the learning rate over steps, on top of the accumulated-gradient scaling.',
      default: 0,
      min: 0,
      max: 1e3,
      sliderMin: 0,
      sliderMax: 1,
    },
    weightDecayParam(L2_HELP),
    {
      kind: 'number',
      name: 'initial_accumulator_value',
      label: 'initial accumulator',
      help: 'Starting value of the squared-gradient sum: a larger value tempers the very first steps, which would otherwise be about lr in size whatever the gradient.',
      default: 0,
      min: 0,
      max: 1e6,
      sliderMin: 0,
      sliderMax: 1,
    },
    epsParam(1e-10),
  ],
  cycledMomentum: null,
  run(loop, group) {
    const { p, g } = loop;
    // torch fills the sum in the constructor, from the group's value at that moment.
    const sum = new Float64Array(2).fill(group.initial_accumulator_value as number);
    while (loop.next(null)) {
      const { lr, lr_decay: lrDecay, weight_decay: wd, eps } = group as Record<string, number>;
      // (t − 1) for torch's 1-based step is the loop's 0-based index.
      const clr = lr / (1 + loop.t * lrDecay);
      for (let i = 0; i < 2; i++) {
        const d = withL2(g[i], p[i], wd);
        sum[i] = d * d + sum[i];
        const std = Math.sqrt(sum[i]) + eps;
        p[i] = p[i] + (-clr * d) / std;
      }
    }
  },
};
