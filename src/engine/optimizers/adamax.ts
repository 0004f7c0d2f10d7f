import type { OptimizerDef } from '../optimizer.ts';
import { betasParam, epsParam, L2_HELP, lrParam, weightDecayParam } from './commonParams.ts';

/**
 * torch.optim.Adamax (single-tensor path, torch 1.13):
 *   g ← g + λw;  m ← β1m + (1−β1)g;  u ← max(β2u, |g| + ε);  w ← w − η/(1−β1ᵗ) · m/u
 * Arithmetic as in adamStep.ts: torch's operation order, β1ᵗ as `beta1 ** step`.
 */
export const adamax: OptimizerDef = {
  id: 'adamax',
  label: 'Adamax',
  reference: 'torch.optim.Adamax',
  rule: 'm ← β1m + (1−β1)g;  u ← max(β2u, |g|+ε);  w ← w − η/(1−β1ᵗ)·m/u',
  summary:
    'Adam with the RMS replaced by a decaying maximum of the gradient’s size, so one large gradient keeps that weight’s steps small for a while: a steadier per-weight scale on spiky landscapes.',
  params: [lrParam(2e-3), betasParam([0.9, 0.999]), epsParam(1e-8), weightDecayParam(L2_HELP)],
  cycledMomentum: 'beta1',
  run(loop, group) {
    const p = loop.p;
    const g = loop.g;
    const expAvg = new Float64Array(2);
    const expInf = new Float64Array(2);
    let step = 0;
    while (loop.next(step === 0 ? null : expAvg)) {
      const lr = group.lr;
      const betas = group.betas as readonly number[];
      const beta1 = betas[0];
      const beta2 = betas[1];
      const eps = group.eps as number;
      const wd = group.weight_decay as number;
      step++;
      const clr = lr / (1 - Math.pow(beta1, step));
      for (let i = 0; i < 2; i++) {
        let d = g[i];
        if (wd !== 0) d = wd * p[i] + d;
        expAvg[i] = (1 - beta1) * d + expAvg[i] * beta1;
        // torch.amax propagates NaN, as Math.max does.
        expInf[i] = Math.max(expInf[i] * beta2, Math.abs(d) + eps);
        p[i] = p[i] + (-clr * expAvg[i]) / expInf[i];
      }
    }
  },
};
