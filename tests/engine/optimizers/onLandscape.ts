import type { Closure, Optimizer, ParamGroup } from '../../../src/engine/optimizer.ts';
import { OPTIMIZERS } from '../../../src/engine/optimizers/index.ts';
import { resolveParams, specsOf } from '../../../src/engine/validateParams.ts';

type Grad = (x: number, y: number) => readonly [number, number];
type Hess = (x: number, y: number) => readonly [number, number, number];

/**
 * One optimizer on a 2-D landscape given by its gradient (and Hessian), as a torch test drives
 * one: set `p` (the start), change `group` between `step()` calls, and each `step()` writes
 * p.grad = ∇f(p) and calls `optimizer.step(closure)` — the closure re-evaluating the gradient
 * at wherever the optimizer has moved the weights. The optimizer is created with the group as
 * first resolved, as torch's constructor sees it.
 */
export function onLandscape(
  id: string,
  raw: Record<string, unknown>,
  grad: Grad,
  hess: Hess = () => [0, 0, 0],
) {
  const def = OPTIMIZERS[id];
  const p = new Float64Array(2);
  const g = new Float64Array(2);
  const group = {
    ...(resolveParams(specsOf(def, raw), raw, 'params') as { lr: number }),
    params: [{ shape: def.matrices ? [1, 2] : [2], data: p, grad: g }],
  } as ParamGroup;
  /** Every point the gradient was evaluated at during the last step. */
  const gradCalls: [number, number][] = [];
  const evaluate = () => {
    gradCalls.push([p[0], p[1]]);
    const d = grad(p[0], p[1]);
    g[0] = d[0];
    g[1] = d[1];
  };
  const closure: Closure = () => {
    evaluate();
    return 0;
  };
  const opt: Optimizer = def.create([group], {
    hvp(v, out) {
      const h = hess(p[0], p[1]);
      out[0] = h[0] * v[0] + h[1] * v[1];
      out[1] = h[1] * v[0] + h[2] * v[1];
    },
  });
  let stepped = false;
  return {
    def,
    group,
    p,
    gradCalls,
    /** One step as the run loop takes it: g = ∇f(p), then the optimizer's update. */
    step() {
      gradCalls.length = 0;
      if (!def.usesClosure) evaluate();
      opt.step(closure);
      stepped = true;
    },
    /** The optimizer's momentum / first moment after the last step (null when it has none). */
    momentum(): number[] | null {
      const m = stepped && opt.momentum ? opt.momentum(0) : null;
      return m ? Array.from(m) : null;
    },
  };
}
