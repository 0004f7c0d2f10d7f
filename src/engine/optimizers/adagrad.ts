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
  create(groups) {
    // torch fills the sum in the constructor, from the group's value at that moment.
    const sum: Float64Array[] = [];
    for (const group of groups)
      for (const p of group.params)
        sum.push(new Float64Array(p.data.length).fill(group.initial_accumulator_value as number));
    let step = 0;
    return {
      step() {
        step++;
        let j = 0;
        for (const group of groups) {
          const {
            lr,
            lr_decay: lrDecay,
            weight_decay: wd,
            eps,
          } = group as unknown as Record<string, number>;
          const clr = lr / (1 + (step - 1) * lrDecay);
          for (let pi = 0; pi < group.params.length; pi++, j++) {
            const { data: w, grad } = group.params[pi];
            const s = sum[j];
            for (let i = 0; i < w.length; i++) {
              const d = withL2(grad[i], w[i], wd);
              s[i] = d * d + s[i];
              const std = Math.sqrt(s[i]) + eps;
              w[i] = w[i] + (-clr * d) / std;
            }
          }
        }
      },
    };
  },
};
