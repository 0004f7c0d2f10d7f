import type { ParamGroup } from '../optimizer.ts';

/**
 * One buffer per param of every group (in group order, then param order), shaped like its data
 * and filled with `fill`: torch's `torch.zeros_like(p)` (or `full_like`) for one piece of
 * per-parameter state. Optimizers index it with a running param counter, so `momentum(i)` and
 * side paths read the i-th param's buffer directly.
 */
export function stateLike(groups: readonly ParamGroup[], fill = 0): Float64Array[] {
  const out: Float64Array[] = [];
  for (const group of groups)
    for (const p of group.params) out.push(new Float64Array(p.data.length).fill(fill));
  return out;
}
