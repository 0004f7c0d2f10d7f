import type { Objective } from './objective.ts';
import type { OptimizerDef, ParamGroup } from './optimizer.ts';
import { StepError } from './optimizer.ts';
import { RunLoop, type RunStop } from './runLoop.ts';
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
  stop: RunStop | null;
  /** SWA running average at each iterate k ≥ swa.start (NaN before), interleaved like trajectory. */
  swa: Float64Array | null;
  /** Momentum vectors per iterate when requested (NaN where the optimizer keeps none). */
  momentum: Float64Array | null;
}

/**
 * Run one optimizer from its start for `steps` steps.
 *
 * Mirrors a torch training loop: for t in 0..steps-1: set the group's lr (and OneCycleLR's
 * momentum) for step t; g = ∇f(x_t) (+ noise, or a mini-batch gradient); optimizer.step();
 * scheduler.step(). Stops at the first non-finite iterate or loss (distill's convention) and
 * when the gradient is not finite at a point where f is (a kink or a pole the user typed).
 * The loop itself is RunLoop (runLoop.ts), driven by the optimizer's own `run`.
 */
export function runOptimizer(objective: Objective, spec: RunSpec): RunResult {
  const { steps } = spec;
  const baseLr = spec.params.lr as number;
  const cycledInfo = cycledMomentumOf(spec.optimizer, spec.params);
  const track = spec.schedule
    ? spec.schedule.def.compute(spec.schedule.params, {
        baseLr,
        baseMomentum: cycledInfo?.value ?? null,
        steps,
      })
    : null;
  const group: ParamGroup = structuredClone(spec.params) as ParamGroup;
  // A schedule with an end (the LR range test) takes only its own steps; lrs stays `steps` long.
  const end = track?.end && track.end.steps < steps ? track.end : null;
  const loop = new RunLoop({
    objective,
    group,
    start: spec.start,
    steps: end ? end.steps : steps,
    lrs: track ? track.lrs : new Float64Array(steps).fill(baseLr),
    momenta: track?.momenta ?? null,
    cycled: cycledInfo?.kind ?? null,
    sigma: spec.noise.sigma,
    rng: spec.noise.sigma > 0 ? new NormalStream(spec.noise.seed) : null,
    swaStart: spec.swa ? spec.swa.start : Infinity,
    recordMomentum: spec.recordMomentum === true,
  });
  try {
    spec.optimizer.run(loop, group);
  } catch (e) {
    if (!(e instanceof StepError)) throw e;
    loop.stepFailed(e.message);
  }
  if (end && loop.stop === null)
    loop.stop = {
      reason: 'schedule',
      step: end.steps,
      message: `stopped at step ${end.steps}: ${end.message}`,
    };
  return {
    trajectory: loop.trajectory,
    losses: loop.losses,
    lrs: loop.lrs,
    gradNorms: loop.gradNorms,
    points: loop.points,
    divergedAt: loop.stop?.reason === 'diverged' ? loop.stop.step : null,
    stop: loop.stop,
    swa: loop.swa,
    momentum: loop.momentum,
  };
}
