import type { Objective } from './objective.ts';
import type { OptimizerDef, ParamGroup, StepContext } from './optimizer.ts';
import { StepError } from './optimizer.ts';
import type { ParamValues } from './params.ts';
import type { ScheduleDef } from './schedule.ts';
import { NormalStream } from './noise.ts';
import { cycledMomentumOf } from './cycledMomentum.ts';

/** One fully-resolved run: every parameter validated and defaulted (see src/scenario). */
export interface RunSpec {
  optimizer: OptimizerDef;
  params: ParamValues;
  schedule: { def: ScheduleDef; params: ParamValues } | null;
  start: readonly [number, number];
  steps: number;
  /** Gradient noise g + σξ; σ = 0 for none. */
  noise: { sigma: number; seed: number };
  /** Stochastic weight averaging: average the iterates x_k for k ≥ start. */
  swa: { start: number } | null;
  /** Record the optimizer's momentum / first-moment vector at each iterate (for arrows). */
  recordMomentum?: boolean;
}

export type StopReason = 'diverged' | 'gradient' | 'step';

export interface RunResult {
  /** Iterates x_0..x_n interleaved [x0, y0, x1, y1, ...]; n = `points - 1`. */
  trajectory: Float64Array;
  /** losses[k] = f(x_k). */
  losses: Float64Array;
  /** lrs[t] = the lr step t used. Always `steps` long (the schedule, even past a stop). */
  lrs: Float64Array;
  /** ‖∇f(x_k)‖ of the exact (noise-free, full-batch) gradient. */
  gradNorms: Float64Array;
  /** How many iterates were produced (steps + 1 unless the run stopped early). */
  points: number;
  /** The index of the first non-finite iterate (or iterate with a non-finite loss), or null. */
  divergedAt: number | null;
  /** Why the run stopped early, for the user: null when it ran all its steps. */
  stop: { reason: StopReason; step: number; message: string } | null;
  /** SWA running average at each iterate k ≥ swa.start (NaN before), interleaved like trajectory. */
  swa: Float64Array | null;
  /** Momentum vectors per iterate when requested (NaN where the optimizer keeps none). */
  momentum: Float64Array | null;
}

const fmt = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(6)).toString() : String(v));

/**
 * Run one optimizer from its start for `steps` steps.
 *
 * Mirrors a torch training loop: for t in 0..steps-1: set the group's lr (and OneCycleLR's
 * momentum) for step t; g = ∇f(x_t) (+ noise, or a mini-batch gradient); optimizer.step();
 * scheduler.step(). Stops at the first non-finite iterate or loss (distill's convention) and
 * when the gradient is not finite at a point where f is (a kink or a pole the user typed).
 */
export function runOptimizer(objective: Objective, spec: RunSpec): RunResult {
  const { steps } = spec;
  const dim = 2;
  const trajectory = new Float64Array(2 * (steps + 1));
  const losses = new Float64Array(steps + 1);
  const gradNorms = new Float64Array(steps + 1);
  const swa = spec.swa ? new Float64Array(2 * (steps + 1)).fill(NaN) : null;
  const momentumRec = spec.recordMomentum ? new Float64Array(2 * (steps + 1)).fill(NaN) : null;

  const baseLr = spec.params.lr as number;
  const cycledInfo = cycledMomentumOf(spec.optimizer, spec.params);
  const cycled = cycledInfo?.kind ?? null;
  const baseMomentum = cycledInfo?.value ?? null;
  const track = spec.schedule
    ? spec.schedule.def.compute(spec.schedule.params, { baseLr, baseMomentum, steps })
    : null;
  const lrs = track ? track.lrs : new Float64Array(steps).fill(baseLr);
  const momenta = track?.momenta ?? null;

  const group: ParamGroup = structuredClone(spec.params) as ParamGroup;
  const opt = spec.optimizer.create(group, dim);
  const p = new Float64Array(dim);
  const g = new Float64Array(dim);
  const exact = new Float64Array(dim);
  const mbuf = new Float64Array(dim);
  const sigma = spec.noise.sigma;
  const rng = sigma > 0 ? new NormalStream(spec.noise.seed) : null;
  const stochastic = objective.stochasticGrad ? objective.stochasticGrad.bind(objective) : null;
  let stepIndex = 0;

  // The gradient the optimizer sees: mini-batch when the surface has data, plus noise.
  const gradAt = (q: Float64Array, out: Float64Array) => {
    if (stochastic) stochastic(q[0], q[1], stepIndex, out);
    else objective.grad(q[0], q[1], out);
    if (rng) {
      out[0] += sigma * rng.nextNormal();
      out[1] += sigma * rng.nextNormal();
    }
  };
  const hessAt = (q: Float64Array, out: Float64Array) => objective.hess(q[0], q[1], out);
  const ctx: StepContext = { t: 0, gradAt, hessAt };

  // The loop below keeps its state in locals (registers), not in variables a closure shares:
  // V8 would keep those in a heap context and load/store them on every step.
  let x = spec.start[0];
  let y = spec.start[1];
  let swaN = 0;
  let ax = 0;
  let ay = 0;
  let points = 0;
  let divergedAt: number | null = null;
  let stop: RunResult['stop'] = null;
  const swaStart = spec.swa ? spec.swa.start : Infinity;
  const recordMomentum = momentumRec !== null && opt.momentum !== undefined;

  for (let k = 0; ; k++) {
    // Record iterate k: its loss, exact gradient, SWA average and momentum.
    const loss = objective.f(x, y);
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(loss))) {
      const what = Number.isFinite(x) && Number.isFinite(y) ? 'the loss' : 'the weights';
      divergedAt = k;
      stop = {
        reason: 'diverged',
        step: k,
        message: `diverged at step ${k}: ${what} became non-finite`,
      };
      break;
    }
    trajectory[2 * k] = x;
    trajectory[2 * k + 1] = y;
    losses[k] = loss;
    objective.grad(x, y, exact);
    const gx = exact[0];
    const gy = exact[1];
    // Math.hypot is slow in V8; fall back to it only where the squares overflow.
    const n2 = gx * gx + gy * gy;
    const gradNorm = n2 < Infinity ? Math.sqrt(n2) : Math.hypot(gx, gy);
    gradNorms[k] = gradNorm;
    if (k >= swaStart) {
      // torch.optim.swa_utils.AveragedModel: avg += (p − avg) / (n + 1)
      if (swaN === 0) {
        ax = x;
        ay = y;
      } else {
        ax += (x - ax) / (swaN + 1);
        ay += (y - ay) / (swaN + 1);
      }
      swaN++;
      swa![2 * k] = ax;
      swa![2 * k + 1] = ay;
    }
    if (recordMomentum && opt.momentum!(mbuf)) {
      momentumRec![2 * k] = mbuf[0];
      momentumRec![2 * k + 1] = mbuf[1];
    }
    points = k + 1;
    if (k === steps) break;

    // Step t = k.
    if (!Number.isFinite(gradNorm)) {
      stop = {
        reason: 'gradient',
        step: k,
        message: `stopped at step ${k}: the gradient is not finite at (${fmt(x)}, ${fmt(y)}) although the loss is`,
      };
      break;
    }
    stepIndex = k;
    ctx.t = k;
    group.lr = lrs[k];
    if (momenta) {
      if (cycled === 'momentum') group.momentum = momenta[k];
      else (group.betas as number[])[0] = momenta[k];
    }
    // The exact gradient at x_t is reused unless the surface draws mini-batches (then the
    // optimizer must see the batch gradient); noise is added on top.
    if (stochastic) stochastic(x, y, k, g);
    else {
      g[0] = gx;
      g[1] = gy;
    }
    if (rng) {
      g[0] += sigma * rng.nextNormal();
      g[1] += sigma * rng.nextNormal();
    }
    p[0] = x;
    p[1] = y;
    try {
      opt.step(p, g, group, ctx);
    } catch (e) {
      if (!(e instanceof StepError)) throw e;
      stop = { reason: 'step', step: k, message: `stopped at step ${k}: ${e.message}` };
      break;
    }
    x = p[0];
    y = p[1];
  }

  return {
    trajectory,
    losses,
    lrs,
    gradNorms,
    points,
    divergedAt,
    stop,
    swa,
    momentum: momentumRec,
  };
}
