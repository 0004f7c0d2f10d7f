import type { OptimizerDef } from '../optimizer.ts';
import { stateLike } from './paramState.ts';
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
  create(groups) {
    const squareAvg = stateLike(groups);
    const gradAvg = stateLike(groups);
    const buf = stateLike(groups);
    let hasBuf = false;
    return {
      step() {
        let j = 0;
        for (const group of groups) {
          const {
            lr,
            alpha,
            eps,
            weight_decay: wd,
            momentum,
          } = group as unknown as Record<string, number>;
          const centered = group.centered === true;
          for (let pi = 0; pi < group.params.length; pi++, j++) {
            const { data: w, grad } = group.params[pi];
            const sq = squareAvg[j];
            const ga = gradAvg[j];
            const b = buf[j];
            for (let i = 0; i < w.length; i++) {
              const d = withL2(grad[i], w[i], wd);
              sq[i] = runningSqAvg(sq[i], d, alpha);
              let avg: number;
              if (centered) {
                ga[i] = runningAvg(ga[i], d, alpha);
                avg = Math.sqrt(-ga[i] * ga[i] + sq[i]);
              } else {
                avg = Math.sqrt(sq[i]);
              }
              avg = avg + eps;
              if (momentum > 0) {
                b[i] = b[i] * momentum + d / avg;
                w[i] = -lr * b[i] + w[i];
              } else {
                w[i] = w[i] + (-lr * d) / avg;
              }
            }
          }
          if (momentum > 0) hasBuf = true;
        }
      },
      momentum: (i) => (hasBuf ? buf[i] : null),
    };
  },
};
