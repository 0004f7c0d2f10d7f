import type { Objective2D } from '../engine/objective2d.ts';
import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import { defaultParams, specsOf } from '../engine/validateParams.ts';
import type { ParamValues } from '../engine/params.ts';
import type { Domain } from '../surfaces/surface.ts';
import { runStart, type BuiltSurface } from './runScenario.ts';
import type { Scenario, ScenarioRun } from './scenario.ts';
import { minimaPositions, surfaceCriticalPoints } from './surfaceCriticalPoints.ts';

/**
 * A learning rate that visibly moves a new run on the surface shown. PyTorch's defaults
 * (Adam's 0.001, Lion's 1e-4) are tuned for networks with millions of weights, where a step of
 * 0.001 per weight adds up; on a two-weight surface a few units across, 200 such steps travel
 * 0.2 and the run seems not to leave its start marker.
 *
 * How an lr turns into distance depends on the optimizer's family:
 * - step-size optimizers (Adam and its relatives, Lion, RMSprop): each step moves every weight
 *   by about lr whatever the gradient's size (Lion exactly lr·sign(·)), so lr = the distance to
 *   travel / the steps to travel it in;
 * - RMSprop: like them, but its running average of g² has no bias correction and starts at 0,
 *   so step t is about lr/√(1 − αᵗ) (10·lr at first with α = 0.99): T steps travel
 *   lr·Σ 1/√(1 − αᵗ);
 * - Adagrad: its steps shrink like lr/√t, so T steps travel about 2·lr·√T;
 * - RAdam: a step-size optimizer, except that its first few steps (while the variance of the
 *   adaptive term is not yet tractable, ρ_t ≤ 5) are plain momentum steps lr·m̂, which must
 *   also be stable: the step-size lr, capped as for SGD;
 * - gradient-scaled optimizers (SGD, SAM over SGD): the step is lr·∇f, and gradient descent on
 *   the local quadratic is stable only for lr < 2/λmax (λmax the sharpest curvature at the start
 *   and at the known minima); a quarter of that limit is aimed for and half of it never
 *   exceeded, both divided by 1/(1 − momentum); torch's default is kept where it is already
 *   inside that; with no usable curvature the gradient norm sets the first step's length;
 * - relative optimizers (LAMB, LARS): the trust ratio makes each step lr·‖w‖ long (LARS:
 *   lr·trust_coefficient·‖w‖), so lr = the distance per step / ‖w_start‖ (times 1/trust);
 * - Newton, Adadelta, L-BFGS, Rprop and Adafactor keep torch's default: lr = 1 is the natural
 *   step for the first three (the full Newton or quasi-Newton step, Adadelta's unit-free ratio);
 *   Rprop's lr is only its first step, which then adapts; Adafactor caps its step at 1/√t and
 *   scales it by RMS(w).
 */
export type LrFamily =
  'step' | 'uncorrected' | 'rectified' | 'accumulating' | 'gradient' | 'relative' | 'own';

/** By optimizer id; an optimizer not listed is treated as gradient-scaled (the safe choice). */
const FAMILY: Readonly<Record<string, LrFamily>> = {
  adam: 'step',
  adamw: 'step',
  adamax: 'step',
  nadam: 'step',
  radam: 'rectified',
  lion: 'step',
  muon: 'step',
  schedulefree_adamw: 'step',
  lamb: 'relative',
  lars: 'relative',
  rmsprop: 'uncorrected',
  adagrad: 'accumulating',
  sgd: 'gradient',
  newton: 'own',
  adadelta: 'own',
  lbfgs: 'own',
  rprop: 'own',
  adafactor: 'own',
};

/** SAM's step is its base optimizer's step taken with a perturbed gradient. */
export function lrFamily(optimizer: string, params: ParamValues): LrFamily {
  if (optimizer === 'sam') return lrFamily(String(params.base ?? 'sgd'), {});
  return FAMILY[optimizer] ?? 'gradient';
}

export interface LrContext {
  objective: Objective2D;
  start: readonly [number, number];
  domain: Domain;
  steps: number;
  /** Known minima of the surface (may be empty). */
  minima: readonly (readonly [number, number])[];
}

/**
 * The run should reach its target within this share of its steps, leaving the rest to settle
 * (or, for momentum, to overshoot and come back, which is part of what is worth seeing).
 */
const TRAVEL_SHARE = 0.25;
/** Share of the stability limit 2/λmax a gradient-scaled suggestion aims for, and its cap. */
const STABLE_SHARE = 0.25;
const STABLE_CAP = 0.5;
/** With no usable curvature: the first step covers this share of the distance to travel. */
const FIRST_STEP_SHARE = 0.05;

/** 1, 2 or 5 × 10ᵏ, the largest not above v: a number a person would type, rounded down for safety. */
export function niceLr(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return v;
  const k = Math.floor(Math.log10(v));
  const base = 10 ** k;
  const m = v / base;
  // Fix the decimal (5 × 10⁻³ = 0.005, not 0.005000000000000001).
  const nice = m >= 5 ? 5 : m >= 2 ? 2 : 1;
  return Number((nice * base).toPrecision(1));
}

/** How far a run should travel: to the nearest known minimum, else half the domain's diagonal. */
export function travelDistance(ctx: LrContext): number {
  const [x0, y0] = ctx.start;
  let best = Infinity;
  for (const [x, y] of ctx.minima) best = Math.min(best, Math.hypot(x - x0, y - y0));
  const { xMin, xMax, yMin, yMax } = ctx.domain;
  const diagonal = Math.hypot(xMax - xMin, yMax - yMin);
  // A start already at a minimum still deserves a visible lr: fall back on the domain.
  return best > 0.02 * diagonal && Number.isFinite(best) ? best : 0.5 * diagonal;
}

const g = new Float64Array(2);
const h = new Float64Array(3);

/** The Hessian's largest eigenvalue at (x, y), or NaN where it is not finite. */
function lambdaMax(obj: Objective2D, x: number, y: number): number {
  obj.hess(x, y, h);
  return 0.5 * (h[0] + h[2]) + Math.hypot(0.5 * (h[0] - h[2]), h[1]);
}

/** The largest curvature the run will meet: at its start and at the minima it may fall into. */
function sharpestCurvature(ctx: LrContext): number {
  let lmax = lambdaMax(ctx.objective, ctx.start[0], ctx.start[1]);
  for (const [x, y] of ctx.minima) lmax = Math.max(lmax, lambdaMax(ctx.objective, x, y));
  return Number.isFinite(lmax) && lmax > 0 ? lmax : NaN;
}

/**
 * The most a gradient-scaled step may use: STABLE_CAP of the stability limit 2/λmax, or torch's
 * default where that is itself inside the limit (bigger is not better once the walls decide).
 * Heavy-ball momentum multiplies the effective step by 1/(1 − β) (its stability limit is
 * 2(1 + β)/λmax, but it overshoots long before that). Infinity when no curvature is known.
 */
function stableCeiling(limit: number, torchLr: number): number {
  if (!(limit > 0)) return Infinity;
  return torchLr < limit ? Math.max(torchLr, STABLE_CAP * limit) : STABLE_CAP * limit;
}

/** Gradient-scaled: aim for STABLE_SHARE of 2/λmax, within stableCeiling. */
function gradientLr(ctx: LrContext, momentum: number, distance: number, torchLr: number) {
  const damp = 1 - Math.min(Math.max(momentum, 0), 0.99);
  const limit = (2 / sharpestCurvature(ctx)) * damp;
  if (limit > 0)
    return Math.min(stableCeiling(limit, torchLr), Math.max(torchLr, STABLE_SHARE * limit));
  ctx.objective.grad(ctx.start[0], ctx.start[1], g);
  const norm = Math.hypot(g[0], g[1]);
  if (Number.isFinite(norm) && norm > 0) return ((FIRST_STEP_SHARE * distance) / norm) * damp;
  return null;
}

/**
 * The suggested lr for a run of `optimizer` with `params` (params.lr = torch's default; the
 * other settings matter too: SGD's momentum, SAM's base), or null to keep torch's default (the family is 'own', or the surface gives nothing to
 * go on: no finite gradient or curvature at the start).
 */
export function suggestLr(optimizer: string, params: ParamValues, ctx: LrContext): number | null {
  const family = lrFamily(optimizer, params);
  if (family === 'own') return null;
  const distance = travelDistance(ctx);
  const travelSteps = Math.max(1, TRAVEL_SHARE * ctx.steps);
  const torchLr = typeof params.lr === 'number' ? params.lr : Infinity;
  let lr: number | null;
  if (family === 'step') lr = distance / travelSteps;
  else if (family === 'uncorrected') {
    const alpha = typeof params.alpha === 'number' ? params.alpha : 0.99;
    let travel = 0;
    for (let t = 1; t <= travelSteps; t++) travel += 1 / Math.sqrt(1 - alpha ** t);
    lr = distance / travel;
  } else if (family === 'accumulating') lr = distance / (2 * Math.sqrt(travelSteps));
  else if (family === 'relative') {
    const norm = Math.min(Math.hypot(ctx.start[0], ctx.start[1]), 10); // LAMB's clamp_value
    // LARS's trust coefficient (its default when the run leaves it out); LAMB has none.
    const set =
      params.trust_coefficient ?? defaultParams(OPTIMIZERS[optimizer].params).trust_coefficient;
    const trust = typeof set === 'number' ? set : 1;
    // At the origin the trust ratio is 1 (‖w‖ = 0): the first step is a plain gradient step.
    lr = norm > 0 ? distance / travelSteps / (norm * trust) : gradientLr(ctx, 0, distance, torchLr);
  } else if (family === 'rectified') {
    // Its first steps are lr·m̂ (m̂ a bias-corrected average of gradients, so about lr·∇f).
    lr = Math.min(distance / travelSteps, stableCeiling(2 / sharpestCurvature(ctx), torchLr));
  } else {
    const momentum = typeof params.momentum === 'number' ? params.momentum : 0;
    lr = gradientLr(ctx, momentum, distance, torchLr);
  }
  if (lr === null || !(lr > 0) || !Number.isFinite(lr)) return null;
  const nice = niceLr(lr);
  // Nothing to suggest when the surface agrees with torch.
  return nice === torchLr ? null : nice;
}

/**
 * The suggestion for a run of `optimizer` in scenario `s` on its built surface, from the run's
 * start (its own, else the scenario's, else the surface's) towards the surface's known minima.
 */
export function suggestRunLr(s: Scenario, built: BuiltSurface, run: ScenarioRun): number | null {
  // Compared with torch's default, whatever lr the run has now.
  const def = OPTIMIZERS[run.optimizer];
  const lrSpec = def && specsOf(def, run.params).find((p) => p.name === 'lr');
  const torchLr = lrSpec?.kind === 'number' ? lrSpec.default : run.params.lr;
  return suggestLr(
    run.optimizer,
    { ...run.params, lr: torchLr },
    {
      objective: built.objective,
      start: runStart(s, run, built),
      domain: built.domain,
      steps: s.steps,
      minima: minimaPositions(surfaceCriticalPoints(s.surface)),
    },
  );
}
