import type { OptimizerDef } from '../optimizer.ts';
import { stateLike } from './paramState.ts';
import { adamGroup, readAdamGroup } from './adamGroup.ts';
import { adamFamilyParams } from './commonParams.ts';
import { biasCorrection, runningAvg, runningSqAvg, withL2 } from './torchOps.ts';

/**
 * torch.optim.RAdam (single-tensor path, torch 1.13):
 *   m, v as in Adam;  ρₜ = ρ∞ − 2tβ2ᵗ/(1−β2ᵗ), ρ∞ = 2/(1−β2) − 1
 *   ρₜ > 5: w ← w − η·r·m̂·√(1−β2ᵗ)/(√v + ε), r = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ));  else w ← w − η·m̂
 * In torch's operation order (torchOps.ts).
 */
export const radam: OptimizerDef = {
  id: 'radam',
  label: 'RAdam',
  reference: 'torch.optim.RAdam',
  rule: 'ρₜ > 5: w ← w − η·r(ρₜ)·m̂ / (√v̂ + ε);  else w ← w − η·m̂',
  summary:
    'Rectified Adam: while the second-moment estimate is still based on a handful of gradients it takes plain momentum steps, then phases in the per-weight scaling, a built-in warmup.',
  params: adamFamilyParams(1e-3),
  cycledMomentum: 'beta1',
  create(groups) {
    const expAvg = stateLike(groups);
    const expAvgSq = stateLike(groups);
    const h = adamGroup();
    let step = 0;
    return {
      step() {
        step++;
        let j = 0;
        for (const group of groups) {
          const { lr, beta1, beta2, eps, weightDecay } = readAdamGroup(group, h);
          const bias1 = biasCorrection(beta1, step);
          // ρₜ needs β2ᵗ itself, so the correction is formed from it here.
          const beta2t = Math.pow(beta2, step);
          const bias2 = 1 - beta2t;
          const rhoInf = 2 / (1 - beta2) - 1;
          const rhoT = rhoInf - (2 * step * beta2t) / bias2;
          const rectified = rhoT > 5;
          const rect = rectified
            ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
            : 0;
          const bias2Sqrt = Math.sqrt(bias2);
          for (let pi = 0; pi < group.params.length; pi++, j++) {
            const { data: w, grad } = group.params[pi];
            const m = expAvg[j];
            const v = expAvgSq[j];
            for (let i = 0; i < w.length; i++) {
              const d = withL2(grad[i], w[i], weightDecay);
              m[i] = runningAvg(m[i], d, beta1);
              v[i] = runningSqAvg(v[i], d, beta2);
              const corrected = m[i] / bias1;
              if (rectified) {
                // Python's `float / tensor` is `tensor.reciprocal() * float` in torch.
                const adaptiveLr = (1 / (Math.sqrt(v[i]) + eps)) * bias2Sqrt;
                w[i] = w[i] - corrected * lr * adaptiveLr * rect;
              } else {
                w[i] = w[i] - corrected * lr;
              }
            }
          }
        }
      },
      momentum: (i) => (step > 0 ? expAvg[i] : null),
    };
  },
};
