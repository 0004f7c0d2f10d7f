import type { Objective } from './objective.ts';
import { weightCount } from './objective.ts';
import type { Closure, OptimizerDef, ParamGroup } from './optimizer.ts';
import { StepError } from './optimizer.ts';
import type { ParamValues } from './params.ts';
import type { ScheduleDef } from './schedule.ts';
import { NormalStream } from './noise.ts';
import { cycledMomentumOf } from './cycledMomentum.ts';
import { createPartner, type PartnerSpec } from './partnerOptimizer.ts';
import { paramViews } from './tensor.ts';
import { RunRecorder, type RunResult, type RunStop } from './runRecorder.ts';

export type { RunResult, RunStop, SidePathResult, StopReason } from './runRecorder.ts';

/** One fully-resolved run: every parameter validated and defaulted (see src/scenario). */
export interface RunSpec {
  optimizer: OptimizerDef;
  params: ParamValues;
  schedule: { def: ScheduleDef; params: ParamValues } | null;
  /** The initial weights, flat in the objective's order ([x, y] on a surface). */
  start: readonly number[];
  steps: number;
  /** Gradient noise g + σξ on every weight; σ = 0 for none. */
  noise: { sigma: number; seed: number };
  /** Stochastic weight averaging: average the iterates x_k for k ≥ start. */
  swa: { start: number } | null;
  /** Record the optimizer's momentum / first-moment vector at each iterate (for arrows). */
  recordMomentum?: boolean;
  /** A second optimizer over some tensors (Muon's AdamW); the run's optimizer takes the rest. */
  partner?: PartnerSpec | null;
}

/**
 * How often a run on an objective with a cheap `loss` (a network) that steps on mini-batches or
 * noise records the exact gradient norm: at iterates 0, GRAD_NORM_EVERY, 2·GRAD_NORM_EVERY, …
 * and the last, NaN between. Every iterate's exact loss is recorded all the same. The full
 * gradient costs about three forward passes; taking it at every iterate was 80% of training.
 */
export const GRAD_NORM_EVERY = 10;

/**
 * Run one optimizer from its start for `steps` steps, as a torch training loop does:
 *
 *   for t in range(steps):
 *       set each group's lr (and OneCycleLR's momentum) for step t
 *       loss = f(w); loss.backward()           # a mini-batch gradient on data, plus noise
 *       optimizer.step(closure)
 *       scheduler.step()
 *
 * recording every iterate's weights, exact loss and exact gradient norm (runRecorder.ts; the
 * norm every GRAD_NORM_EVERY iterates only, on a network trained on mini-batches or noise).
 * Stops at the first non-finite iterate or loss (distill's convention), and when the gradient
 * is not finite at a point where f is (a kink or a pole the user typed).
 */
export function runOptimizer(objective: Objective, spec: RunSpec): RunResult {
  const dim = weightCount(objective);
  if (spec.start.length !== dim)
    throw new Error(`the start has ${spec.start.length} weights, the objective takes ${dim}`);
  const baseLr = spec.params.lr as number;
  const cycled = cycledMomentumOf(spec.optimizer, spec.params);
  const track = spec.schedule
    ? spec.schedule.def.compute(spec.schedule.params, {
        baseLr,
        baseMomentum: cycled?.value ?? null,
        steps: spec.steps,
      })
    : null;
  const lrs = track ? track.lrs : new Float64Array(spec.steps).fill(baseLr);
  const momenta = track?.momenta ?? null;
  // A schedule with an end (the LR range test) takes only its own steps; lrs stays `steps` long.
  const end = track?.end && track.end.steps < spec.steps ? track.end : null;
  const steps = end ? end.steps : spec.steps;

  const def = spec.optimizer;
  const searches = def.usesClosure === true;
  const w = Float64Array.from(spec.start);
  const grad = new Float64Array(dim);
  const exact = new Float64Array(dim);
  const views = paramViews(objective.shapes, w, grad);
  const theirs = spec.partner ? new Set(spec.partner.tensors) : null;
  const group: ParamGroup = {
    ...(structuredClone(spec.params) as { lr: number }),
    params: theirs ? views.filter((_, i) => !theirs.has(i)) : views,
  };
  const hvp = objective.hvp;
  const own = def.create(
    [group],
    hvp ? { hvp: (v, out) => hvp.call(objective, w, v, out) } : undefined,
  );
  const partner = spec.partner
    ? createPartner(spec.partner, spec.schedule, spec.steps, views, own)
    : null;
  const opt = partner ? partner.optimizer : own;
  const rec = new RunRecorder(dim, steps, spec, opt, searches);

  const sigma = spec.noise.sigma;
  const rng = sigma > 0 ? new NormalStream(spec.noise.seed) : null;
  const batch = objective.batchLossGrad;
  // Whether the step's gradient differs from the exact one at the same weights.
  const special = rng !== null || batch !== undefined;
  let t = 0;
  /** The gradient an optimizer sees at the current weights in step t: its batch, fresh noise. */
  const stepGradient = (): number => {
    const loss = batch ? batch.call(objective, w, t, grad) : objective.lossGrad(w, grad);
    if (rng !== null) for (let i = 0; i < dim; i++) grad[i] += sigma * rng.nextNormal();
    return loss;
  };
  const closure: Closure = searches
    ? () => {
        rec.evaluation(t, w);
        return stepGradient();
      }
    : stepGradient;

  const lossOnly = objective.loss;
  for (let k = 0; ; k++) {
    // Iterate k's exact loss and gradient: straight into the params' grad when that is also
    // the gradient step k takes. Where the gradient is dear and the step takes another one,
    // only every GRAD_NORM_EVERY-th iterate (and the last) pays for it.
    const g = special || searches ? exact : grad;
    const norm = g === grad || lossOnly === undefined || k % GRAD_NORM_EVERY === 0 || k === steps;
    const loss = norm ? objective.lossGrad(w, g) : lossOnly.call(objective, w);
    if (!rec.iterate(k, w, loss, norm ? g : null) || k === steps) break;
    t = k;
    group.lr = lrs[k];
    if (momenta !== null) {
      if (cycled!.kind === 'momentum') group.momentum = momenta[k];
      else (group.betas as number[])[0] = momenta[k];
    }
    partner?.setStep(k);
    if (special && !searches) stepGradient();
    try {
      opt.step(closure);
    } catch (e) {
      if (!(e instanceof StepError)) throw e;
      rec.stop = { reason: 'step', step: k, message: `stopped at step ${k}: ${e.message}` };
      break;
    }
  }
  if (end && rec.stop === null)
    rec.stop = {
      reason: 'schedule',
      step: end.steps,
      message: `stopped at step ${end.steps}: ${end.message}`,
    } satisfies RunStop;
  return rec.result(lrs);
}
