import type { OptimizerDef } from '../optimizer.ts';
import { numberParam } from '../params.ts';
import { sumSquares } from '../tensor.ts';
import { adamGroup, readAdamGroup } from './adamGroup.ts';
import { betasParam, epsParam, lrParam, weightDecayParam } from './commonParams.ts';
import { stateLike } from './paramState.ts';
import { biasCorrection, runningAvg, runningSqAvg } from './torchOps.ts';

/**
 * LAMB (You et al. 2020, "Large Batch Optimization for Deep Learning"), as torch-optimizer's
 * `Lamb` (after cybertronai/pytorch-lamb; the paper's v3 without bias correction by default):
 *   m ← β1m + (1−β1)g;  v ← β2v + (1−β2)g²;  u = m/(√v + ε) + λw
 *   w ← w − η·r·u,  r = min(‖w‖, clamp_value)/‖u‖ per tensor (1 if either norm is 0)
 * With debias, η is scaled by √(1−β2ᵗ)/(1−β1ᵗ); with adam, r = 1 (Adam with L2 in the update).
 */
export const lamb: OptimizerDef = {
  id: 'lamb',
  label: 'LAMB',
  reference: 'LAMB (You et al. 2020)',
  rule: 'u = m/(√v + ε) + λw;  w ← w − η·(‖w‖/‖u‖)·u   (per tensor)',
  summary:
    'Adam’s direction rescaled per tensor so each step moves a layer by a fixed fraction (lr) of its own norm: every layer learns at the same relative speed, which keeps very large batches stable. On one tensor, step lengths are lr·‖w‖ — relative to how far the weights are from the origin.',
  params: [
    lrParam(1e-3),
    betasParam([0.9, 0.999]),
    epsParam(1e-6),
    weightDecayParam(
      'Decay added to the Adam direction before the trust ratio (λw in u), so it is rescaled with it.',
    ),
    numberParam(
      'clamp_value',
      'clamp value',
      'The weight norm in the trust ratio is clamped to at most this, so a large layer cannot take huge steps.',
      10,
      0,
      1e6,
      { sliderMin: 0, sliderMax: 20 },
    ),
    {
      kind: 'boolean',
      name: 'adam',
      label: 'adam (no trust ratio)',
      help: 'Turn the trust ratio off (r = 1): plain Adam without bias correction, with the decay inside the update — the baseline LAMB improves on.',
      default: false,
    },
    {
      kind: 'boolean',
      name: 'debias',
      label: 'debias',
      help: 'Apply Adam’s bias correction √(1−β2ᵗ)/(1−β1ᵗ) to the step size (the paper’s v3 leaves it out).',
      default: false,
    },
  ],
  cycledMomentum: 'beta1',
  package: {
    pip: 'torch-optimizer',
    importLine: 'from torch_optimizer import Lamb',
    className: 'Lamb',
  },
  create(groups) {
    const expAvg = stateLike(groups);
    const expAvgSq = stateLike(groups);
    const update = stateLike(groups);
    const ratios = new Float64Array(update.length);
    const h = adamGroup();
    let step = 0;
    return {
      step() {
        step++;
        let j = 0;
        for (const group of groups) {
          const { lr, beta1, beta2, eps, weightDecay } = readAdamGroup(group, h);
          const clamp = group.clamp_value as number;
          const bc = group.debias
            ? Math.sqrt(biasCorrection(beta2, step)) / biasCorrection(beta1, step)
            : 1;
          const stepSize = lr * bc;
          for (let pi = 0; pi < group.params.length; pi++, j++) {
            const { data: w, grad } = group.params[pi];
            const m = expAvg[j];
            const v = expAvgSq[j];
            const u = update[j];
            for (let i = 0; i < w.length; i++) {
              m[i] = runningAvg(m[i], grad[i], beta1);
              v[i] = runningSqAvg(v[i], grad[i], beta2);
            }
            const wNorm = Math.min(Math.max(Math.sqrt(sumSquares(w)), 0), clamp);
            for (let i = 0; i < w.length; i++) {
              u[i] = m[i] / (Math.sqrt(v[i]) + eps);
              if (weightDecay !== 0) u[i] = weightDecay * w[i] + u[i];
            }
            const uNorm = Math.sqrt(sumSquares(u));
            const ratio = group.adam || wNorm === 0 || uNorm === 0 ? 1 : wNorm / uNorm;
            ratios[j] = ratio;
            const scale = -stepSize * ratio;
            for (let i = 0; i < w.length; i++) w[i] = w[i] + scale * u[i];
          }
        }
      },
      momentum: (i) => (step > 0 ? expAvg[i] : null),
      trustRatios: () => ratios,
    };
  },
};
