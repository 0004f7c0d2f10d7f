import type { Objective } from '../../../src/engine/objective.ts';
import type { ParamGroup } from '../../../src/engine/optimizer.ts';
import { OPTIMIZERS } from '../../../src/engine/optimizers/index.ts';
import { RunLoop, type RunLoopSetup } from '../../../src/engine/runLoop.ts';
import { resolveParams, specsOf } from '../../../src/engine/validateParams.ts';

type Grad = (x: number, y: number) => readonly [number, number];
type Hess = (x: number, y: number) => readonly [number, number, number];

/** The real run loop, with a hook after it has prepared each step (and written the group). */
class HookedLoop extends RunLoop {
  constructor(
    setup: RunLoopSetup,
    private readonly beforeStep: (t: number) => void,
  ) {
    super(setup);
  }

  override next(m: Float64Array | null): boolean {
    const go = super.next(m);
    if (go) this.beforeStep(this.t);
    return go;
  }
}

/**
 * One optimizer on a 2-D landscape given by its gradient (and Hessian), stepped one step at a
 * time as a test reads best: set `p` (the start) and change `group` between `step()` calls.
 *
 * Optimizers own their loop (src/engine/runLoop.ts), so each `step()` replays the run from the
 * start through the real RunLoop, giving step t the group exactly as the test left it before
 * its t-th `step()` call. The optimizer is created with the group as first resolved, as torch's
 * constructor sees it.
 */
export function onLandscape(
  id: string,
  raw: Record<string, unknown>,
  grad: Grad,
  hess: Hess = () => [0, 0, 0],
) {
  const def = OPTIMIZERS[id];
  const group = resolveParams(specsOf(def, raw), raw, 'params') as ParamGroup;
  const initial = structuredClone(group);
  /** Every point the gradient was evaluated at during the last replay. */
  const gradCalls: [number, number][] = [];
  const objective: Objective = {
    f: () => 0,
    grad(x, y, out) {
      gradCalls.push([x, y]);
      const g = grad(x, y);
      out[0] = g[0];
      out[1] = g[1];
    },
    hess(x, y, out) {
      const h = hess(x, y);
      out[0] = h[0];
      out[1] = h[1];
      out[2] = h[2];
    },
  };
  const p = new Float64Array(2);
  let start: [number, number] | null = null;
  const groups: ParamGroup[] = [];
  let momentum: number[] | null = null;
  return {
    def,
    group,
    p,
    gradCalls,
    /** One more step as the run loop takes it: g = ∇f(p), then the optimizer's update. */
    step() {
      start ??= [p[0], p[1]];
      groups.push(structuredClone(group));
      const steps = groups.length;
      const live = structuredClone(initial);
      gradCalls.length = 0;
      const loop = new HookedLoop(
        {
          objective,
          group: live,
          start,
          steps,
          lrs: new Float64Array(steps).fill(initial.lr),
          momenta: null,
          cycled: null,
          sigma: 0,
          rng: null,
          swaStart: Infinity,
          recordMomentum: true,
        },
        (t) => Object.assign(live, structuredClone(groups[t])),
      );
      def.run(loop, live);
      if (loop.points !== steps + 1) throw new Error(`${id} stopped: ${loop.stop?.message}`);
      p[0] = loop.trajectory[2 * steps];
      p[1] = loop.trajectory[2 * steps + 1];
      const m = loop.momentum!;
      momentum = Number.isNaN(m[2 * steps]) ? null : [m[2 * steps], m[2 * steps + 1]];
    },
    /** The optimizer's momentum / first moment after the last step (null when it has none). */
    momentum(): number[] | null {
      return momentum;
    },
  };
}
