import type { OptimizerInstance } from '../optimizer.ts';
import { PowerSequence } from './powerSequence.ts';

/**
 * The Adam step shared by torch.optim.Adam and torch.optim.AdamW (single-tensor path, torch
 * 1.13); they differ only in where weight decay goes: into the gradient (Adam, `decoupled`
 * false) or as a shrink of the weights before the update (AdamW).
 *
 * The arithmetic follows torch's kernels operation by operation: β^t as C's pow rounds it
 * (powerSequence.ts, which is also faster than V8's Math.pow), addcdiv as (value·a)/b. torch's
 * AVX2 kernels also contract `add(alpha=…)` / `addcmul` into fused multiply-adds, which
 * JavaScript lacks; emulating them in software made every step ~5× slower and moved no fixture
 * by more than 1e-15 relative (worst case 1.15e-14 without, 1.0e-14 with, against the 1e-9
 * budget), so we round twice.
 */
export function createAdam(dim: number, decoupled: boolean): OptimizerInstance {
  const expAvg = new Float64Array(dim);
  const expAvgSq = new Float64Array(dim);
  const maxExpAvgSq = new Float64Array(dim);
  const beta1Pow = new PowerSequence();
  const beta2Pow = new PowerSequence();
  let step = 0;
  return {
    step(p, g, group) {
      const lr = group.lr;
      const betas = group.betas as readonly number[];
      const beta1 = betas[0];
      const beta2 = betas[1];
      const eps = group.eps as number;
      const wd = group.weight_decay as number;
      const amsgrad = group.amsgrad as boolean;
      step++;
      const bias1 = 1 - beta1Pow.at(beta1, 1, step);
      const bias2 = 1 - beta2Pow.at(beta2, 1, step);
      const stepSize = lr / bias1;
      const bias2Sqrt = Math.sqrt(bias2);
      const shrink = 1 - lr * wd;
      for (let i = 0; i < dim; i++) {
        let d = g[i];
        if (decoupled) p[i] = p[i] * shrink;
        else if (wd !== 0) d = wd * p[i] + d;
        expAvg[i] = (1 - beta1) * d + expAvg[i] * beta1;
        expAvgSq[i] = (1 - beta2) * d * d + expAvgSq[i] * beta2;
        let second = expAvgSq[i];
        if (amsgrad) {
          maxExpAvgSq[i] = Math.max(maxExpAvgSq[i], second);
          second = maxExpAvgSq[i];
        }
        const denom = Math.sqrt(second) / bias2Sqrt + eps;
        p[i] = p[i] + (-stepSize * expAvg[i]) / denom;
      }
    },
    momentum(out) {
      if (step === 0) return false;
      out.set(expAvg);
      return true;
    },
  };
}
