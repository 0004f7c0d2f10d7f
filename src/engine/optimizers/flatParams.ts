import type { Param } from '../tensor.ts';

/**
 * A list of params as one flat vector, as torch.optim.LBFGS sees its parameters
 * (`_gather_flat_grad`, `_add_grad`, `_clone_param`, `_set_param`): every tensor's elements in
 * order, row-major.
 */
export class FlatParams {
  readonly n: number;

  constructor(private readonly params: readonly Param[]) {
    this.n = params.reduce((k, p) => k + p.data.length, 0);
  }

  /** torch's `_gather_flat_grad()`, into out. */
  gatherGrad(out: Float64Array): void {
    let k = 0;
    for (const p of this.params) {
      out.set(p.grad, k);
      k += p.grad.length;
    }
  }

  /** torch's `_clone_param()`, into out. */
  gatherData(out: Float64Array): void {
    let k = 0;
    for (const p of this.params) {
      out.set(p.data, k);
      k += p.data.length;
    }
  }

  /** torch's `_set_param(x)`: the weights become x. */
  setData(x: Float64Array): void {
    let k = 0;
    for (const p of this.params) {
      p.data.set(x.subarray(k, k + p.data.length));
      k += p.data.length;
    }
  }

  /** torch's `_add_grad(t, d)`: w ← w + t·d, as `p.add_(d, alpha=t)`. */
  addScaled(t: number, d: Float64Array): void {
    let k = 0;
    for (const p of this.params) {
      const w = p.data;
      for (let i = 0; i < w.length; i++) w[i] = w[i] + t * d[k++];
    }
  }
}

/** Σ aᵢbᵢ, torch's `a.dot(b)`. */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** max |xᵢ|, torch's `x.abs().max()` (NaN if any element is). */
export function absMax(x: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}

/** Σ |xᵢ|, torch's `x.abs().sum()`. */
export function absSum(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.abs(x[i]);
  return s;
}
