import type { OptimizerDef } from '../optimizer.ts';
import { readAdamGroup } from './adamGroup.ts';
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
  run(loop, group) {
    const { p, g } = loop;
    const expAvg = new Float64Array(2);
    const expInf = new Float64Array(2);
    while (loop.next(expAvg)) {
      const { lr, beta1, beta2, eps, weightDecay } = readAdamGroup(group);
      const step = loop.t + 1;
      const clr = lr / biasCorrection(beta1, step);
      for (let i = 0; i < 2; i++) {
        const d = withL2(g[i], p[i], weightDecay);
        expAvg[i] = runningAvg(expAvg[i], d, beta1);
        // torch.amax propagates NaN, as Math.max does.
        expInf[i] = Math.max(expInf[i] * beta2, Math.abs(d) + eps);
        p[i] = p[i] + (-clr * expAvg[i]) / expInf[i];
      }
    }
  },
};
