import type { OptimizerDef } from '../optimizer.ts';
import { decayRateParam, epsParam, L2_HELP, lrParam, weightDecayParam } from './commonParams.ts';

/**
 * torch.optim.Adadelta (single-tensor path, torch 1.13):
 *   v ← ρv + (1−ρ)g²;  Δ ← √(u + ε)/√(v + ε) · g;  u ← ρu + (1−ρ)Δ²;  w ← w − ηΔ
 * Operations follow torch's kernels in order (see adamStep.ts on rounding).
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
    const p = loop.p;
    const g = loop.g;
    const squareAvg = new Float64Array(2);
    const accDelta = new Float64Array(2);
    while (loop.next(null)) {
      const lr = group.lr;
      const rho = group.rho as number;
      const eps = group.eps as number;
      const wd = group.weight_decay as number;
      for (let i = 0; i < 2; i++) {
        let d = g[i];
        if (wd !== 0) d = wd * p[i] + d;
        squareAvg[i] = (1 - rho) * d * d + squareAvg[i] * rho;
        const std = Math.sqrt(squareAvg[i] + eps);
        const delta = (Math.sqrt(accDelta[i] + eps) / std) * d;
        accDelta[i] = (1 - rho) * delta * delta + accDelta[i] * rho;
        p[i] = -lr * delta + p[i];
      }
    }
  },
};
