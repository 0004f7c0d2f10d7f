import type { OptimizerDef } from '../optimizer.ts';
import { numberParam } from '../params.ts';
import { sumSquares } from '../tensor.ts';
import { lrParam, momentumParam } from './commonParams.ts';
import { createSgd, sgd } from './sgd.ts';

/**
 * LARS (You et al. 2017, "Large Batch Training of Convolutional Networks"), as timm's `Lars`
 * with `always_adapt=True` (the paper's rule at any weight decay), per tensor:
 *   r = η_trust·‖w‖/(‖g‖ + λ‖w‖ + ε)  (1 if ‖w‖ or ‖g‖ is 0; with trust_clip, min(r/lr, 1))
 *   g ← r·(g + λw);  then SGD with momentum: b ← g (first step) or μb + (1−τ)g;  w ← w − η·b
 * (nesterov: w ← w − η·(g + μb)).
 */
export const lars: OptimizerDef = {
  id: 'lars',
  label: 'LARS',
  reference: 'LARS (You et al. 2017)',
  rule: 'r = η_t‖w‖/(‖g‖ + λ‖w‖);  b ← μb + r(g + λw);  w ← w − η·b   (per tensor)',
  summary:
    'SGD whose step for each tensor is scaled by the ratio of its weight norm to its gradient norm: each layer moves a fixed fraction (trust coefficient × lr) of its own size, whatever its gradient scale. On one tensor the step length is proportional to ‖w‖ — it slows down near the origin.',
  params: [
    lrParam(1.0),
    momentumParam(
      'How much of the previous velocity is kept (SGD momentum, applied after the trust ratio).',
    ),
    numberParam(
      'dampening',
      'dampening',
      'Scales down the new gradient added to the velocity (1 − dampening).',
      0,
      0,
      1,
    ),
    numberParam(
      'weight_decay',
      'weight decay',
      'L2 decay added to the gradient before the trust ratio scales it, and counted in its denominator (‖g‖ + λ‖w‖).',
      0,
      0,
      1e3,
      { sliderMin: 0, sliderMax: 1 },
    ),
    {
      kind: 'boolean',
      name: 'nesterov',
      label: 'nesterov',
      help: 'Look-ahead momentum: step along g + μb instead of b.',
      default: false,
    },
    numberParam(
      'trust_coefficient',
      'trust coefficient',
      'η_trust: the fraction of a tensor’s norm one step may move it (times lr). The paper uses 0.001.',
      0.001,
      0,
      1e3,
      { exclusiveMin: true, sliderMin: 1e-4, sliderMax: 1, log: true },
    ),
    numberParam(
      'eps',
      'eps',
      'Added to the trust ratio’s denominator so a zero gradient cannot divide by zero.',
      1e-8,
      0,
      1,
      {
        sliderMin: 1e-12,
        sliderMax: 1,
        log: true,
      },
    ),
    {
      kind: 'boolean',
      name: 'trust_clip',
      label: 'trust clip (LARC)',
      help: 'Clip the local rate to at most the global one (r ← min(r/lr, 1)), NVIDIA’s LARC variant: LARS can then only slow a layer down.',
      default: false,
    },
  ],
  cycledMomentum: 'momentum',
  // Nesterov needs a momentum and no dampening, as for SGD.
  check: (p) => sgd.check!(p),
  package: {
    pip: 'timm',
    importLine: 'from timm.optim import Lars',
    className: 'Lars',
    keywords: { trust_coefficient: 'trust_coeff' },
    extraArgs: ['always_adapt=True'],
  },
  // SGD on each tensor's decayed gradient scaled by its trust ratio r.
  create: (groups) =>
    createSgd(groups, (group, p) => {
      const {
        lr,
        weight_decay: wd,
        trust_coefficient: trust,
        eps,
      } = group as unknown as Record<string, number>;
      const wNorm = Math.sqrt(sumSquares(p.data));
      const gNorm = Math.sqrt(sumSquares(p.grad));
      const ratio = wNorm > 0 && gNorm > 0 ? (trust * wNorm) / (gNorm + wNorm * wd + eps) : 1;
      return group.trust_clip ? Math.min(ratio / lr, 1) : ratio;
    }),
};
