import type { OptimizerDef } from '../optimizer.ts';
import { decayRateParam, epsParam, L2_HELP, lrParam, weightDecayParam } from './commonParams.ts';
import { runningSqAvg, withL2 } from './torchOps.ts';

/**
 * torch.optim.Adadelta (single-tensor path, torch 1.13):
 *   v ← ρv + (1−ρ)g²;  Δ ← √(u + ε)/√(v + ε) · g;  u ← ρu + (1−ρ)Δ²;  w ← w − ηΔ
 * In torch's operation order (torchOps.ts).
 */
export const adadelta: OptimizerDef = {
  id: 'adadelta',
  label: 'Adadelta',
  reference: 'torch.optim.Adadelta',
  rule: 'v ← ρv + (1−ρ)g²;  Δ ← √(u+ε)/√(v+ε)·g;  u ← ρu + (1−ρ)Δ²;  w ← w − ηΔ',
  summary:
    'Scales each weight’s step by the ratio of recent update size to recent gradient size, so steps carry the units of the weights and need almost no learning-rate tuning, though they start tiny (about √ε).',
  params: [
    lrParam(1.0),
    decayRateParam(
      'rho',
      'rho',
      0.9,
      'Smoothing of the running averages of squared gradients and squared updates: close to 1 remembers a long history.',
    ),
    epsParam(1e-6),
    weightDecayParam(L2_HELP),
  ],
  cycledMomentum: null,
  run(loop, group) {
    const { p, g } = loop;
    const squareAvg = new Float64Array(2);
    const accDelta = new Float64Array(2);
    while (loop.next(null)) {
      const { lr, rho, eps, weight_decay: wd } = group as Record<string, number>;
      for (let i = 0; i < 2; i++) {
        const d = withL2(g[i], p[i], wd);
        squareAvg[i] = runningSqAvg(squareAvg[i], d, rho);
        const std = Math.sqrt(squareAvg[i] + eps);
        const delta = (Math.sqrt(accDelta[i] + eps) / std) * d;
        accDelta[i] = runningSqAvg(accDelta[i], delta, rho);
        p[i] = -lr * delta + p[i];
      }
    }
  },
};
