import type { OptimizerDef } from '../optimizer.ts';
import {
  decayRateParam,
  epsParam,
  L2_HELP,
  lrParam,
  momentumParam,
  weightDecayParam,
} from './commonParams.ts';
import { runningAvg, runningSqAvg, withL2 } from './torchOps.ts';

/**
 * torch.optim.RMSprop (single-tensor path, torch 1.13):
 *   v ← αv + (1−α)g²;  d ← √(v − ḡ²) (centered, ḡ ← αḡ + (1−α)g) or √v;  d ← d + ε
 *   b ← μb + g/d, w ← w − ηb (momentum > 0), else w ← w − η g/d
 * In torch's operation order (torchOps.ts).
 */
export const rmsprop: OptimizerDef = {
  id: 'rmsprop',
  label: 'RMSprop',
  reference: 'torch.optim.RMSprop',
  rule: 'v ← αv + (1−α)g²;  w ← w − η·g / (√v + ε)',
  summary:
    'Divides each weight’s step by a running RMS of its recent gradients, so steep and shallow directions move at similar speeds and it does not stall the way Adagrad does.',
  params: [
    lrParam(1e-2),
    decayRateParam(
      'alpha',
      'alpha',
      0.99,
      'Smoothing of the running average of squared gradients: close to 1 remembers a long history, small values react to the latest gradients.',
    ),
    epsParam(1e-8),
    weightDecayParam(L2_HELP),
    momentumParam(
      'Velocity kept from step to step, applied to the already-rescaled step (a heavy ball on top of the per-weight scaling).',
    ),
    {
      kind: 'boolean',
      name: 'centered',
      label: 'centered',
      help: 'Divide by an estimate of the gradient’s variance (subtracting the squared running mean) instead of its raw second moment.',
      default: false,
    },
  ],
  cycledMomentum: 'momentum',
  run(loop, group) {
    const { p, g } = loop;
    const squareAvg = new Float64Array(2);
    const gradAvg = new Float64Array(2);
    const buf = new Float64Array(2);
    let hasBuf = false;
    while (loop.next(hasBuf ? buf : null)) {
      const { lr, alpha, eps, weight_decay: wd, momentum } = group as Record<string, number>;
      const centered = group.centered as boolean;
      for (let i = 0; i < 2; i++) {
        const d = withL2(g[i], p[i], wd);
        squareAvg[i] = runningSqAvg(squareAvg[i], d, alpha);
        let avg: number;
        if (centered) {
          gradAvg[i] = runningAvg(gradAvg[i], d, alpha);
          avg = Math.sqrt(-gradAvg[i] * gradAvg[i] + squareAvg[i]);
        } else {
          avg = Math.sqrt(squareAvg[i]);
        }
        avg = avg + eps;
        if (momentum > 0) {
          buf[i] = buf[i] * momentum + d / avg;
          p[i] = -lr * buf[i] + p[i];
        } else {
          p[i] = p[i] + (-lr * d) / avg;
        }
      }
      if (momentum > 0) hasBuf = true;
    }
  },
};
