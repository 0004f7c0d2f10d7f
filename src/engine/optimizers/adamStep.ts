import type { ParamGroup } from '../optimizer.ts';
import type { RunLoop } from '../runLoop.ts';

/**
 * The Adam step shared by torch.optim.Adam and torch.optim.AdamW (single-tensor path, torch
 * 1.13); they differ only in where weight decay goes: into the gradient (Adam, `decoupled`
 * false) or as a shrink of the weights before the update (AdamW).
 *
 * The arithmetic follows torch's kernels operation by operation: β^t as torch's Python float
 * power `beta ** step` (here Math.pow), addcdiv as (value·a)/b. torch's
 * AVX2 kernels also contract `add(alpha=…)` / `addcmul` into fused multiply-adds, which
 * JavaScript lacks; emulating them in software made every step ~5× slower and moved no fixture
 * by more than 1e-15 relative (worst case 1.15e-14 without, 1.0e-14 with, against the 1e-9
 * budget), so we round twice.
 */
export function runAdam(loop: RunLoop, group: ParamGroup, decoupled: boolean): void {
  const p = loop.p;
  const g = loop.g;
  // Moments per weight in locals (registers): this loop is the engine's hottest code.
  let m0 = 0;
  let m1 = 0;
  let v0 = 0;
  let v1 = 0;
  let vmax0 = 0;
  let vmax1 = 0;
  const momentum = new Float64Array(2);
  let step = 0;
  while (loop.next(step === 0 ? null : momentum)) {
    const lr = group.lr;
    const betas = group.betas as readonly number[];
    const beta1 = betas[0];
    const beta2 = betas[1];
    const eps = group.eps as number;
    const wd = group.weight_decay as number;
    const amsgrad = group.amsgrad as boolean;
    step++;
    const bias1 = 1 - Math.pow(beta1, step);
    const bias2 = 1 - Math.pow(beta2, step);
    const stepSize = lr / bias1;
    const bias2Sqrt = Math.sqrt(bias2);
    let x = p[0];
    let y = p[1];
    let d0 = g[0];
    let d1 = g[1];
    if (decoupled) {
      const shrink = 1 - lr * wd;
      x = x * shrink;
      y = y * shrink;
    } else if (wd !== 0) {
      d0 = wd * x + d0;
      d1 = wd * y + d1;
    }
    m0 = (1 - beta1) * d0 + m0 * beta1;
    m1 = (1 - beta1) * d1 + m1 * beta1;
    v0 = (1 - beta2) * d0 * d0 + v0 * beta2;
    v1 = (1 - beta2) * d1 * d1 + v1 * beta2;
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
