import type { OptimizerDef } from '../optimizer.ts';
import { stateLike } from './paramState.ts';
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
  create(groups) {
    const squareAvg = stateLike(groups);
    const accDelta = stateLike(groups);
    return {
      step() {
        let j = 0;
        for (const group of groups) {
          const { lr, rho, eps, weight_decay: wd } = group as unknown as Record<string, number>;
          for (let pi = 0; pi < group.params.length; pi++, j++) {
            const { data: w, grad } = group.params[pi];
            const sq = squareAvg[j];
            const acc = accDelta[j];
            for (let i = 0; i < w.length; i++) {
              const d = withL2(grad[i], w[i], wd);
              sq[i] = runningSqAvg(sq[i], d, rho);
              const std = Math.sqrt(sq[i] + eps);
              const delta = (Math.sqrt(acc[i] + eps) / std) * d;
              acc[i] = runningSqAvg(acc[i], delta, rho);
              w[i] = -lr * delta + w[i];
            }
          }
        }
      },
    };
  },
};
