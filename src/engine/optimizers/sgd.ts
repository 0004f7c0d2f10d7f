import type { Optimizer, OptimizerDef, ParamGroup } from '../optimizer.ts';
import type { Param } from '../tensor.ts';
import { stateLike } from './paramState.ts';
import { L2_HELP, lrParam, momentumParam, weightDecayParam } from './commonParams.ts';
import { withL2 } from './torchOps.ts';

/**
 * torch.optim.SGD (single-tensor path, torch 1.13 / 2.x):
 *   g ← g + λw;  b ← g at the first step, else μb + (1−τ)g;  g ← g + μb (nesterov) or b;  w ← w − η g
 * Note torch's first momentum step copies g into the buffer without dampening.
 * In torch's operation order (torchOps.ts).
 */
export const sgd: OptimizerDef = {
  id: 'sgd',
  label: 'SGD',
  reference: 'torch.optim.SGD',
  rule: 'b ← μb + (1−τ)g (b₁ = g);  w ← w − η·(g + μb if nesterov else b)',
  summary:
    'Plain gradient descent steps straight downhill; with momentum it accumulates velocity, running down ravines instead of zigzagging across them.',
  params: [
    lrParam(1e-3),
    momentumParam(
      'How much of the previous velocity is kept: a heavy ball that rolls through small bumps and down long valleys.',
    ),
    {
      kind: 'number',
      name: 'dampening',
      label: 'dampening',
      help: 'Scales down the new gradient added to the velocity (1 − dampening).',
      default: 0,
      min: 0,
      max: 1,
    },
    {
      kind: 'boolean',
      name: 'nesterov',
      label: 'nesterov',
      help: 'Look ahead: take the gradient step along where momentum is about to carry you, which corrects overshoot earlier.',
      default: false,
    },
    weightDecayParam(L2_HELP),
  ],
  cycledMomentum: 'momentum',
  check(p) {
    if (p.nesterov && ((p.momentum as number) <= 0 || p.dampening !== 0))
      return 'nesterov: Nesterov momentum requires a momentum and zero dampening (torch raises ValueError)';
    return null;
  },
  create: (groups) => createSgd(groups),
};

/**
 * SGD's step over the groups, each tensor's (L2-decayed) gradient first multiplied by
 * `scaleOf(group, param)`: 1 for SGD itself (exact), LARS's trust ratio for LARS.
 */
export function createSgd(
  groups: readonly ParamGroup[],
  scaleOf: ((group: ParamGroup, p: Param) => number) | null = null,
): Optimizer {
  const buf = stateLike(groups);
  const ratios = new Float64Array(buf.length);
  let hasBuf = false;
  return {
    step() {
      let j = 0;
      let usedMomentum = false;
      for (const group of groups) {
        const {
          lr,
          momentum,
          dampening,
          weight_decay: wd,
        } = group as unknown as Record<string, number>;
        const nesterov = group.nesterov === true;
        for (let pi = 0; pi < group.params.length; pi++, j++) {
          const p = group.params[pi];
          const { data: w, grad } = p;
          const scale = scaleOf ? scaleOf(group, p) : 1;
          ratios[j] = scale;
          const b = buf[j];
          for (let i = 0; i < w.length; i++) {
            let d = withL2(grad[i], w[i], wd) * scale;
            if (momentum !== 0) {
              if (!hasBuf) b[i] = d;
              else b[i] = (1 - dampening) * d + b[i] * momentum;
              d = nesterov ? momentum * b[i] + d : b[i];
            }
            w[i] = -lr * d + w[i];
          }
        }
        if (momentum !== 0) usedMomentum = true;
      }
      if (usedMomentum) hasBuf = true;
    },
    momentum: (i) => (hasBuf ? buf[i] : null),
    ...(scaleOf && { trustRatios: () => ratios }),
  };
}
