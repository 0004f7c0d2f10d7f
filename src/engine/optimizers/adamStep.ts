import type { Optimizer, ParamGroup } from '../optimizer.ts';
import { adamGroup, readAdamGroup } from './adamGroup.ts';
import { stateLike } from './paramState.ts';
import { biasCorrection, runningAvg, runningSqAvg, withL2 } from './torchOps.ts';

/**
 * The Adam step shared by torch.optim.Adam and torch.optim.AdamW (single-tensor path); they
 * differ only in where weight decay goes: into the gradient (Adam, `decoupled` false) or as a
 * shrink of the weights before the update (AdamW). addcdiv is (value·a)/b, as torch computes
 * it; the other operations are in torchOps.ts.
 */
export function createAdam(groups: readonly ParamGroup[], decoupled: boolean): Optimizer {
  const expAvg = stateLike(groups);
  const expAvgSq = stateLike(groups);
  const maxExpAvgSq = stateLike(groups);
  const h = adamGroup();
  // torch's state['step'], the same for every param here (all step together).
  let step = 0;
  return {
    step() {
      step++;
      let j = 0;
      for (let gi = 0; gi < groups.length; gi++) {
        const group = groups[gi];
        const { lr, beta1, beta2, eps, weightDecay } = readAdamGroup(group, h);
        const amsgrad = group.amsgrad === true;
        const stepSize = lr / biasCorrection(beta1, step);
        const bias2Sqrt = Math.sqrt(biasCorrection(beta2, step));
        // AdamW shrinks the weights (×1 is exact, so Adam's x is w); Adam folds decay into g.
        const shrink = decoupled ? 1 - lr * weightDecay : 1;
        const l2 = decoupled ? 0 : weightDecay;
        for (let pi = 0; pi < group.params.length; pi++, j++) {
          const { data: w, grad } = group.params[pi];
          const m = expAvg[j];
          const v = expAvgSq[j];
          const vmax = maxExpAvgSq[j];
          for (let i = 0; i < w.length; i++) {
            // Each moment read once and written once (locals, not repeated typed-array loads).
            const x = w[i] * shrink;
            const d = withL2(grad[i], x, l2);
            const mi = runningAvg(m[i], d, beta1);
            const vi = runningSqAvg(v[i], d, beta2);
            m[i] = mi;
            v[i] = vi;
            let s = vi;
            if (amsgrad) s = vmax[i] = Math.max(vmax[i], vi);
            w[i] = x + (-stepSize * mi) / (Math.sqrt(s) / bias2Sqrt + eps);
          }
        }
      }
    },
    momentum: (i) => (step > 0 ? expAvg[i] : null),
  };
}
