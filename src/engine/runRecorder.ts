import type { Optimizer } from './optimizer.ts';
import type { RunSpec } from './run.ts';
import { formatPoint } from './formatNumber.ts';
import { sumSquares } from './tensor.ts';

/** Why a run stopped early. 'schedule': the schedule ended it (the LR range test is over). */
export type StopReason = 'diverged' | 'gradient' | 'step' | 'schedule';

/** Why and where a run stopped early, with the sentence for the user. */
export interface RunStop {
  reason: StopReason;
  step: number;
  message: string;
}

/** An optimizer's side path (ASGD's average, Schedule-Free's x) at every iterate. */
export interface SidePathResult {
  id: string;
  label: string;
  /** Flat like `trajectory`; NaN before the optimizer has made it (no step yet). */
  values: Float64Array;
}

export interface RunResult {
  /** How many weights each iterate has (2 on a surface). */
  dim: number;
  /** Iterates x_0..x_n, `dim` weights each: [x0, y0, x1, y1, …] on a surface; n = points − 1. */
  trajectory: Float64Array;
  /** losses[k] = f(x_k). */
  losses: Float64Array;
  /** lrs[t] = the lr step t used. Always `steps` long (the schedule, even past a stop). */
  lrs: Float64Array;
  /**
   * ‖∇f(x_k)‖ of the exact (noise-free, full-batch) gradient. NaN at iterates where the run
   * loop did not take it: on a network stepping on mini-batches or noise it takes it every
   * GRAD_NORM_EVERY iterates and at the last (run.ts).
   */
  gradNorms: Float64Array;
  /** How many iterates were produced (steps + 1 unless the run stopped early). */
  points: number;
  /** The index of the first non-finite iterate (or iterate with a non-finite loss), or null. */
  divergedAt: number | null;
  /** Why the run stopped early, for the user: null when it ran all its steps. */
  stop: RunStop | null;
  /** SWA running average at each iterate k ≥ swa.start (NaN before), flat like trajectory. */
  swa: Float64Array | null;
  /** Momentum vectors per iterate when requested (NaN where the optimizer keeps none). */
  momentum: Float64Array | null;
  /** The optimizer's own side paths, in its order (empty for most). */
  sidePaths: SidePathResult[];
  /**
   * For optimizers that evaluate through the closure (LBFGS): counts[t] = how many closure
   * calls step t made, and the weights of each evaluation in order (flat, `dim` each; empty
   * for problems too large to draw).
   */
  evaluations: { counts: Uint32Array; points: Float64Array } | null;
  /**
   * For optimizers with a per-tensor trust ratio (LARS, LAMB): values[t·tensors + j] = the
   * ratio tensor j's step t was scaled by (NaN past a stop). Absent for the others.
   */
  trustRatios?: { tensors: number; values: Float64Array };
}

/** Evaluation points are recorded for problems small enough to draw (a surface's 2 weights). */
const MAX_RECORDED_DIM = 64;

/** What a run records per iterate, into arrays allocated once for the whole run. */
export class RunRecorder {
  stop: RunStop | null = null;
  private points = 0;
  private readonly trajectory: Float64Array;
  private readonly losses: Float64Array;
  private readonly gradNorms: Float64Array;
  private readonly swa: Float64Array | null;
  private readonly swaStart: number;
  private swaN = 0;
  private readonly avg: Float64Array;
  private readonly momentum: Float64Array | null;
  private readonly sidePaths: SidePathResult[];
  private readonly counts: Uint32Array | null;
  private evalPoints: Float64Array | null;
  private evals = 0;
  private trust: Float64Array | null = null;

  constructor(
    private readonly dim: number,
    private readonly steps: number,
    spec: RunSpec,
    private readonly opt: Optimizer,
    evaluations: boolean,
  ) {
    const n = steps + 1;
    this.trajectory = new Float64Array(dim * n);
    this.losses = new Float64Array(n);
    this.gradNorms = new Float64Array(n);
    this.swaStart = spec.swa ? spec.swa.start : Infinity;
    this.swa = spec.swa ? new Float64Array(dim * n).fill(NaN) : null;
    this.avg = new Float64Array(spec.swa ? dim : 0);
    this.momentum =
      spec.recordMomentum && opt.momentum ? new Float64Array(dim * n).fill(NaN) : null;
    this.sidePaths = (opt.sidePaths ?? []).map((s) => ({
      id: s.id,
      label: s.label,
      values: new Float64Array(dim * n).fill(NaN),
    }));
    this.counts = evaluations ? new Uint32Array(steps) : null;
    this.evalPoints =
      evaluations && dim <= MAX_RECORDED_DIM ? new Float64Array(dim * 8 * steps) : null;
  }

  /**
   * Record iterate k (its weights, exact loss and exact gradient g, or null where the run loop
   * did not take it); false when the run stops here: the weights or loss are not finite, or
   * (before the last step) the gradient is not.
   */
  iterate(k: number, w: Float64Array, loss: number, g: Float64Array | null): boolean {
    const dim = this.dim;
    let finite = true;
    for (let i = 0; i < dim; i++) if (!Number.isFinite(w[i])) finite = false;
    if (!finite || !Number.isFinite(loss)) {
      const what = finite ? 'the loss' : 'the weights';
      this.stop = {
        reason: 'diverged',
        step: k,
        message: `diverged at step ${k}: ${what} became non-finite`,
      };
      return false;
    }
    this.trajectory.set(w, dim * k);
    this.losses[k] = loss;
    const sq = g ? sumSquares(g) : NaN;
    // The squares overflow long before the norm does: scale by the largest entry then.
    const norm = g === null ? NaN : sq < Infinity ? Math.sqrt(sq) : scaledNorm(g);
    this.gradNorms[k] = norm;
    this.points = k + 1;
    if (k >= this.swaStart) this.average(k, w);
    // The start records no optimizer state: torch creates it in the first step.
    if (k > 0) this.optimizerState(k);
    if (g !== null && k < this.steps && !Number.isFinite(norm)) {
      const at = dim === 2 ? formatPoint(w[0], w[1]) : 'the current weights';
      this.stop = {
        reason: 'gradient',
        step: k,
        message: `stopped at step ${k}: the gradient is not finite at ${at} although the loss is`,
      };
      return false;
    }
    return true;
  }

  /** A closure evaluation inside step t, at weights w. */
  evaluation(t: number, w: Float64Array): void {
    this.counts![t]++;
    if (this.evalPoints === null) return;
    const at = this.evals * this.dim;
    if (at + this.dim > this.evalPoints.length) {
      // Room for 8 evaluations a step on average; LBFGS's max_eval can ask for more.
      const bigger = new Float64Array(this.evalPoints.length * 2);
      bigger.set(this.evalPoints);
      this.evalPoints = bigger;
    }
    this.evalPoints.set(w, at);
    this.evals++;
  }

  private optimizerState(k: number): void {
    const at = this.dim * k;
    const opt = this.opt;
    if (this.momentum !== null)
      // Param by param, one after another; a param with no buffer yet leaves NaN.
      for (let p = 0, offset = at; offset < at + this.dim; p++) {
        const v = opt.momentum!(p);
        if (v === null) break;
        this.momentum.set(v, offset);
        offset += v.length;
      }
    if (opt.trustRatios) {
      const r = opt.trustRatios();
      this.trust ??= new Float64Array(this.steps * r.length).fill(NaN);
      this.trust.set(r, (k - 1) * r.length);
    }
    for (let i = 0; i < this.sidePaths.length; i++) {
      const source = opt.sidePaths![i];
      const out = this.sidePaths[i].values;
      for (let p = 0, offset = at; offset < at + this.dim; p++) {
        const v = source.read(p);
        out.set(v, offset);
        offset += v.length;
      }
    }
  }

  /** torch.optim.swa_utils.AveragedModel: avg += (w − avg) / (n + 1). */
  private average(k: number, w: Float64Array): void {
    const avg = this.avg;
    const n = this.swaN;
    for (let i = 0; i < this.dim; i++) avg[i] = n === 0 ? w[i] : avg[i] + (w[i] - avg[i]) / (n + 1);
    this.swaN++;
    this.swa!.set(avg, this.dim * k);
  }

  result(lrs: Float64Array): RunResult {
    const stop = this.stop;
    return {
      dim: this.dim,
      trajectory: this.trajectory,
      losses: this.losses,
      lrs,
      gradNorms: this.gradNorms,
      points: this.points,
      divergedAt: stop?.reason === 'diverged' ? stop.step : null,
      stop,
      swa: this.swa,
      momentum: this.momentum,
      sidePaths: this.sidePaths,
      evaluations: this.counts
        ? {
            counts: this.counts,
            points: this.evalPoints?.slice(0, this.evals * this.dim) ?? new Float64Array(0),
          }
        : null,
      ...(this.trust && {
        trustRatios: { tensors: this.trust.length / this.steps, values: this.trust },
      }),
    };
  }
}

function scaledNorm(g: Float64Array): number {
  let max = 0;
  for (let i = 0; i < g.length; i++) max = Math.max(max, Math.abs(g[i]));
  if (!(max < Infinity)) return max;
  let s = 0;
  for (let i = 0; i < g.length; i++) s += (g[i] / max) ** 2;
  return max * Math.sqrt(s);
}
