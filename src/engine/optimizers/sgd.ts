import type { OptimizerDef } from '../optimizer.ts';
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
  run(loop, group) {
    const { p, g } = loop;
    const buf = new Float64Array(2);
    let hasBuf = false;
    while (loop.next(hasBuf ? buf : null)) {
      const { lr, momentum, dampening, weight_decay: wd } = group as Record<string, number>;
      const nesterov = group.nesterov as boolean;
      for (let i = 0; i < 2; i++) {
        let d = withL2(g[i], p[i], wd);
        if (momentum !== 0) {
          if (!hasBuf) buf[i] = d;
          else buf[i] = (1 - dampening) * d + buf[i] * momentum;
          d = nesterov ? momentum * buf[i] + d : buf[i];
        }
        p[i] = -lr * d + p[i];
      }
      if (momentum !== 0) hasBuf = true;
    }
  },
};
