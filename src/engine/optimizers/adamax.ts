import type { OptimizerDef } from '../optimizer.ts';
import { stateLike } from './paramState.ts';
import { adamGroup, readAdamGroup } from './adamGroup.ts';
import { adamFamilyParams } from './commonParams.ts';
import { biasCorrection, runningAvg, withL2 } from './torchOps.ts';

/**
 * torch.optim.Adamax (single-tensor path, torch 1.13):
 *   g ← g + λw;  m ← β1m + (1−β1)g;  u ← max(β2u, |g| + ε);  w ← w − η/(1−β1ᵗ) · m/u
 * In torch's operation order (torchOps.ts).
 */
export const adamax: OptimizerDef = {
  id: 'adamax',
  label: 'Adamax',
  reference: 'torch.optim.Adamax',
  rule: 'm ← β1m + (1−β1)g;  u ← max(β2u, |g|+ε);  w ← w − η/(1−β1ᵗ)·m/u',
  summary:
    'Adam with the RMS replaced by a decaying maximum of the gradient’s size, so one large gradient keeps that weight’s steps small for a while: a steadier per-weight scale on spiky landscapes.',
  params: adamFamilyParams(2e-3),
  cycledMomentum: 'beta1',
  create(groups) {
    const expAvg = stateLike(groups);
    const expInf = stateLike(groups);
    const h = adamGroup();
    let step = 0;
    return {
      step() {
        step++;
        let j = 0;
        for (const group of groups) {
          const { lr, beta1, beta2, eps, weightDecay } = readAdamGroup(group, h);
          const clr = lr / biasCorrection(beta1, step);
          for (let pi = 0; pi < group.params.length; pi++, j++) {
            const { data: w, grad } = group.params[pi];
            const m = expAvg[j];
            const u = expInf[j];
            for (let i = 0; i < w.length; i++) {
              const d = withL2(grad[i], w[i], weightDecay);
              m[i] = runningAvg(m[i], d, beta1);
              // torch.amax propagates NaN, as Math.max does.
              u[i] = Math.max(u[i] * beta2, Math.abs(d) + eps);
              w[i] = w[i] + (-clr * m[i]) / u[i];
            }
          }
        }
      },
      momentum: (i) => (step > 0 ? expAvg[i] : null),
    };
  },
};
