import type { OptimizerInstance, ParamGroup, StepContext } from '../../../src/engine/optimizer.ts';
import { OPTIMIZERS } from '../../../src/engine/optimizers/index.ts';
import { resolveParams, specsOf } from '../../../src/engine/validateParams.ts';

type Grad = (x: number, y: number) => readonly [number, number];
type Hess = (x: number, y: number) => readonly [number, number, number];

/** One optimizer instance on a 2-D landscape given by its gradient (and Hessian). */
export function onLandscape(
  id: string,
  raw: Record<string, unknown>,
  grad: Grad,
  hess: Hess = () => [0, 0, 0],
) {
  const def = OPTIMIZERS[id];
  const group = resolveParams(specsOf(def, raw), raw, 'params') as ParamGroup;
  const opt: OptimizerInstance = def.create(group, 2);
  const gradAtCalls: [number, number][] = [];
  const ctx: StepContext = {
    t: 0,
    gradAt(p, out) {
      gradAtCalls.push([p[0], p[1]]);
      const g = grad(p[0], p[1]);
      out[0] = g[0];
      out[1] = g[1];
    },
    hessAt(p, out) {
      const h = hess(p[0], p[1]);
      out[0] = h[0];
      out[1] = h[1];
      out[2] = h[2];
    },
  };
  const p = new Float64Array(2);
  const g = new Float64Array(2);
  return {
    def,
    group,
    opt,
    p,
    gradAtCalls,
    /** One step as the run loop takes it: g = ∇f(p), then opt.step. */
    step() {
      const v = grad(p[0], p[1]);
      g[0] = v[0];
      g[1] = v[1];
      opt.step(p, g, group, ctx);
      ctx.t++;
    },
    momentum(): number[] | null {
      const out = new Float64Array(2);
      return opt.momentum && opt.momentum(out) ? [out[0], out[1]] : null;
    },
  };
}
