import type { OptimizerDef } from '../optimizer.ts';
import { stateLike } from './paramState.ts';
import { adamGroup, readAdamGroup } from './adamGroup.ts';
import { adamFamilyParams } from './commonParams.ts';
import { biasCorrection, runningAvg, runningSqAvg, withL2 } from './torchOps.ts';

/**
 * torch.optim.NAdam (torch 1.13 single-tensor path with torch 2.x’s mu_product fix, below):
 *   μₜ = β1(1 − ½·0.96^(tψ));  m ← β1m + (1−β1)g;  v ← β2v + (1−β2)g²;  d = √(v/(1−β2ᵗ)) + ε
 *   w ← w − η(1−μₜ)/(1−Πμ) · g/d − η·μₜ₊₁/(1−Πμ·μₜ₊₁) · m/d
 * In torch's operation order (torchOps.ts), powers as Python's `**` (Math.pow).
 */
export const nadam: OptimizerDef = {
  id: 'nadam',
  label: 'NAdam',
  reference: 'torch.optim.NAdam',
  rule: 'w ← w − η·[(1−μₜ)·ĝ + μₜ₊₁·m̂] / (√v̂ + ε)',
  summary:
    'Adam with Nesterov’s look-ahead: the step uses the momentum it is about to have, so it reacts sooner when a ravine bends and overshoots less.',
  params: [
    ...adamFamilyParams(2e-3),
    {
      kind: 'number',
      name: 'momentum_decay',
      label: 'momentum decay',
      help: 'ψ in Dozat’s momentum schedule μₜ = β1(1 − ½·0.96^(tψ)): how quickly the effective momentum warms up from β1/2 towards β1.',
      default: 4e-3,
      min: 0,
      max: 1e3,
      sliderMin: 0,
      sliderMax: 0.1,
    },
  ],
  cycledMomentum: 'beta1',
  create(groups) {
    const expAvg = stateLike(groups);
    const expAvgSq = stateLike(groups);
    const h = adamGroup();
    let step = 0;
    let decayNext = NaN;
    let lastPsi = NaN;
    // torch keeps mu_product per param; every param steps together here, so one serves all.
    let muProduct = 1;
    return {
      step() {
        step++;
        let j = 0;
        for (const group of groups) {
          const { lr, beta1, beta2, eps, weightDecay } = readAdamGroup(group, h);
          const psi = group.momentum_decay as number;
          const bias2 = biasCorrection(beta2, step);
          // torch: `0.96 ** (step * momentum_decay)`, the product rounded before the power. With
          // ψ unchanged, last step's (t+1)·ψ is this step's t·ψ bit for bit, so its power is reused.
          const decay = psi === lastPsi ? decayNext : Math.pow(0.96, step * psi);
          decayNext = Math.pow(0.96, (step + 1) * psi);
          lastPsi = psi;
          const mu = beta1 * (1 - 0.5 * decay);
          const muNext = beta1 * (1 - 0.5 * decayNext);
          muProduct = muProduct * mu;
          // Π μ only shrinks (μ < 1) and is only used as 1 − Πμ, which is exactly 1 long before
          // it turns subnormal; flushing it then keeps x86 off its slow subnormal path.
          if (muProduct < 1e-290) muProduct = 0;
          // torch 1.13 has mu_product·mu·mu_next here (μₜ counted twice), a bug torch 2.0 fixed;
          // we follow the fix, as the fixtures (scripts/make_torch_fixtures.py) do.
          const muProductNext = muProduct * muNext;
          const gradScale = (-lr * (1 - mu)) / (1 - muProduct);
          const avgScale = (-lr * muNext) / (1 - muProductNext);
          for (let pi = 0; pi < group.params.length; pi++, j++) {
            const { data: w, grad } = group.params[pi];
            const m = expAvg[j];
            const v = expAvgSq[j];
            for (let i = 0; i < w.length; i++) {
              const d = withL2(grad[i], w[i], weightDecay);
              m[i] = runningAvg(m[i], d, beta1);
              v[i] = runningSqAvg(v[i], d, beta2);
              const denom = Math.sqrt(v[i] / bias2) + eps;
              w[i] = w[i] + (gradScale * d) / denom;
              w[i] = w[i] + (avgScale * m[i]) / denom;
            }
          }
        }
      },
      momentum: (i) => (step > 0 ? expAvg[i] : null),
    };
  },
};
