import type { ParamGroup } from '../optimizer.ts';
import type { RunLoop } from '../runLoop.ts';
import { readAdamGroup } from './adamGroup.ts';
import { biasCorrection, runningAvg, runningSqAvg, withL2 } from './torchOps.ts';

/**
 * The Adam step shared by torch.optim.Adam and torch.optim.AdamW (single-tensor path, torch
 * 1.13); they differ only in where weight decay goes: into the gradient (Adam, `decoupled`
 * false) or as a shrink of the weights before the update (AdamW). addcdiv is (value·a)/b, as
 * torch computes it; the other operations are in torchOps.ts.
 */
export function runAdam(loop: RunLoop, group: ParamGroup, decoupled: boolean): void {
  const { p, g } = loop;
  // Moments per weight in locals (registers): this loop is the engine's hottest code.
  let m0 = 0;
  let m1 = 0;
  let v0 = 0;
  let v1 = 0;
  let vmax0 = 0;
  let vmax1 = 0;
  const momentum = new Float64Array(2);
  while (loop.next(momentum)) {
    const { lr, beta1, beta2, eps, weightDecay } = readAdamGroup(group);
    const amsgrad = group.amsgrad as boolean;
    // torch's state['step'], counting this step.
    const step = loop.t + 1;
    const stepSize = lr / biasCorrection(beta1, step);
    const bias2Sqrt = Math.sqrt(biasCorrection(beta2, step));
    let x = p[0];
    let y = p[1];
    let d0 = g[0];
    let d1 = g[1];
    if (decoupled) {
      const shrink = 1 - lr * weightDecay;
      x = x * shrink;
      y = y * shrink;
    } else {
      d0 = withL2(d0, x, weightDecay);
      d1 = withL2(d1, y, weightDecay);
    }
    m0 = runningAvg(m0, d0, beta1);
    m1 = runningAvg(m1, d1, beta1);
    v0 = runningSqAvg(v0, d0, beta2);
    v1 = runningSqAvg(v1, d1, beta2);
    let s0 = v0;
    let s1 = v1;
    if (amsgrad) {
      s0 = vmax0 = Math.max(vmax0, v0);
      s1 = vmax1 = Math.max(vmax1, v1);
    }
    p[0] = x + (-stepSize * m0) / (Math.sqrt(s0) / bias2Sqrt + eps);
    p[1] = y + (-stepSize * m1) / (Math.sqrt(s1) / bias2Sqrt + eps);
    momentum[0] = m0;
    momentum[1] = m1;
  }
}
