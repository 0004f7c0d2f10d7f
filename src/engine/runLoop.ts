import type { Objective } from './objective.ts';
import type { ParamGroup } from './optimizer.ts';
import type { NormalStream } from './noise.ts';
import { formatPoint } from './formatNumber.ts';

/** SAM's epsilon in ρ/(‖g‖ + ε), as in its reference implementation (davda54/sam). */
const SAM_NORM_EPS = 1e-12;

/** 'schedule': the schedule ended the run (the LR range test's sweep is over). */
export type StopReason = 'diverged' | 'gradient' | 'step' | 'schedule';

/** Why and where a run stopped early, with the sentence for the user. */
export interface RunStop {
  reason: StopReason;
  step: number;
  message: string;
}

/** What the loop needs beyond the optimizer: all resolved by runOptimizer (run.ts). */
export interface RunLoopSetup {
  objective: Objective;
  group: ParamGroup;
  start: readonly [number, number];
  steps: number;
  /** lrs[t] for step t (the schedule, or the base lr repeated). */
  lrs: Float64Array;
  /** OneCycleLR's cycled momentum per step and which hyperparameter it writes, or null. */
  momenta: Float64Array | null;
  cycled: 'momentum' | 'beta1' | null;
  sigma: number;
  rng: NormalStream | null;
  swaStart: number;
  recordMomentum: boolean;
}

/**
 * The training loop as an optimizer sees it, one `next()` per iterate:
 *
 *   const p = loop.p, g = loop.g;
 *   while (loop.next(momentumOrNull)) { ...update p in place from g and group... }
 *
 * `next` records the iterate in p (its loss, exact gradient, SWA average and the optimizer's
 * momentum), decides whether to stop, and otherwise prepares step t: writes the scheduled lr
 * (and OneCycleLR's momentum) into the group and the gradient the optimizer steps with into g —
 * the exact gradient, a mini-batch gradient on data surfaces, plus noise, and SAM's ascent-point
 * gradient when SAM drives the loop.
 *
 * Why each optimizer owns its `while` loop rather than the engine calling `optimizer.step()`:
 * a step called through a registry interface is a call V8 cannot inline, and in a 2-weight
 * problem that call and the state round-trips it forces cost more than the arithmetic. Here each
 * optimizer's loop calls this one class's `next` (a monomorphic call V8 inlines), so a run
 * compiles to one fused loop (bench/engine.bench.ts measures the difference).
 */
export class RunLoop {
  /** The current iterate, updated in place by the optimizer. */
  readonly p = new Float64Array(2);
  /** The gradient for the step being taken (may be overwritten by the optimizer). */
  readonly g = new Float64Array(2);
  /**
   * The index of the last recorded iterate: while `next` has returned true, the index of the
   * step being taken (x_t is its start); −1 before the first call.
   */
  t = -1;

  readonly trajectory: Float64Array;
  readonly losses: Float64Array;
  readonly gradNorms: Float64Array;
  readonly lrs: Float64Array;
  readonly swa: Float64Array | null;
  readonly momentum: Float64Array | null;
  /** How many iterates were recorded (t is the index of the last one). */
  get points(): number {
    return this.t + 1;
  }
  stop: RunStop | null = null;

  private readonly objective: Objective;
  private readonly group: ParamGroup;
  private readonly steps: number;
  private readonly momenta: Float64Array | null;
  private readonly cycled: 'momentum' | 'beta1' | null;
  private readonly sigma: number;
  private readonly rng: NormalStream | null;
  private readonly swaStart: number;
  /** Whether the step gradient differs from the exact one (data, noise or SAM): the slow path. */
  private special: boolean;
  /** Whether anything beyond trajectory, losses and gradient norms is recorded (SWA, momentum). */
  private readonly extras: boolean;
  private sam = false;
  private readonly exact = new Float64Array(2);
  private readonly ascent = new Float64Array(2);
  private swaN = 0;
  private ax = 0;
  private ay = 0;

  constructor(s: RunLoopSetup) {
    const n = s.steps + 1;
    this.objective = s.objective;
    this.group = s.group;
    this.steps = s.steps;
    this.lrs = s.lrs;
    this.momenta = s.momenta;
    this.cycled = s.cycled;
    this.sigma = s.sigma;
    this.rng = s.rng;
    this.swaStart = s.swaStart;
    this.trajectory = new Float64Array(2 * n);
    this.losses = new Float64Array(n);
    this.gradNorms = new Float64Array(n);
    this.swa = Number.isFinite(s.swaStart) ? new Float64Array(2 * n).fill(NaN) : null;
    this.momentum = s.recordMomentum ? new Float64Array(2 * n).fill(NaN) : null;
    this.extras = this.swa !== null || this.momentum !== null;
    this.special = s.rng !== null || s.objective.stochasticGrad !== undefined || s.momenta !== null;
    this.p[0] = s.start[0];
    this.p[1] = s.start[1];
  }

  /** SAM drives the loop: the step gradient becomes the gradient at p + ρ·g/‖g‖ (rho from the group). */
  useSam(): void {
    this.sam = true;
    this.special = true;
  }

  /**
   * Record the iterate in p; returns true when a step should follow (t is its index), false
   * when the run is over (all steps taken, or stopped: see `stop`). `m` is the optimizer's
   * momentum / first-moment vector, or null while it keeps none; the start point records none,
   * since no step has made one yet (torch creates optimizer state in the first step).
   */
  next(m: Float64Array | null): boolean {
    // Kept small (under V8's 460-byte inlining limit for bytecode): rare work is in methods.
    const k = this.t + 1;
    const p = this.p;
    const x = p[0];
    const y = p[1];
    const obj = this.objective;
    const loss = obj.f(x, y);
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(loss)))
      return this.diverged(k, x, y);
    const e = this.exact;
    obj.grad(x, y, e);
    const gx = e[0];
    const gy = e[1];
    // Math.hypot is slow in V8; it is needed only where the squares overflow.
    const n2 = gx * gx + gy * gy;
    const gradNorm = n2 < Infinity ? Math.sqrt(n2) : Math.hypot(gx, gy);
    this.trajectory[2 * k] = x;
    this.trajectory[2 * k + 1] = y;
    this.losses[k] = loss;
    this.gradNorms[k] = gradNorm;
    // `=== true`: a plain truthiness test of a field compiles to a chain of type checks.
    if (this.extras === true) this.recordExtras(k, x, y, m);
    this.t = k;
    if (k === this.steps) return false;
    if (!Number.isFinite(gradNorm)) return this.badGradient(k, x, y);

    // Step t = k: the group's hyperparameters, then the gradient.
    this.group.lr = this.lrs[k];
    if (this.special === true) this.prepareSpecial(k, x, y);
    else {
      this.g[0] = gx;
      this.g[1] = gy;
    }
    return true;
  }

  /** Exact Hessian at p, [f_xx, f_xy, f_yy] (Newton). */
  hessian(out: Float64Array): void {
    this.objective.hess(this.p[0], this.p[1], out);
  }

  /**
   * Step k beyond the plain case: OneCycleLR's momentum, then the step gradient — the mini-batch
   * gradient on data surfaces, plus noise, then SAM's gradient at its ascent point.
   */
  private prepareSpecial(k: number, x: number, y: number): void {
    if (this.momenta !== null) {
      const v = this.momenta[k];
      if (this.cycled === 'momentum') this.group.momentum = v;
      else (this.group.betas as number[])[0] = v;
    }
    const g = this.g;
    if (this.rng === null && !this.objective.stochasticGrad) {
      // ∇f(p) itself, which `next` has already evaluated.
      g[0] = this.exact[0];
      g[1] = this.exact[1];
    } else this.gradientAt(k, x, y, g);
    if (this.sam) {
      const rho = this.group.rho as number;
      const sq = g[1] * g[1] + (g[0] * g[0] + 0);
      // `rho / tensor` is `tensor.reciprocal() * rho` in torch.
      const scale = (1 / (Math.sqrt(sq) + SAM_NORM_EPS)) * rho;
      const a = this.ascent;
      a[0] = x + g[0] * scale;
      a[1] = y + g[1] * scale;
      this.gradientAt(k, a[0], a[1], g);
    }
  }

  /** The gradient an optimizer sees at (x, y) in step k: same mini-batch, fresh noise. */
  private gradientAt(k: number, x: number, y: number, out: Float64Array): void {
    const obj = this.objective;
    if (obj.stochasticGrad) obj.stochasticGrad(x, y, k, out);
    else obj.grad(x, y, out);
    if (this.rng) {
      out[0] += this.sigma * this.rng.nextNormal();
      out[1] += this.sigma * this.rng.nextNormal();
    }
  }

  private recordExtras(k: number, x: number, y: number, m: Float64Array | null): void {
    if (k >= this.swaStart) this.average(k, x, y);
    if (m !== null && k > 0 && this.momentum !== null) {
      this.momentum[2 * k] = m[0];
      this.momentum[2 * k + 1] = m[1];
    }
  }

  /** torch.optim.swa_utils.AveragedModel: avg += (p − avg) / (n + 1). */
  private average(k: number, x: number, y: number): void {
    if (this.swaN === 0) {
      this.ax = x;
      this.ay = y;
    } else {
      this.ax += (x - this.ax) / (this.swaN + 1);
      this.ay += (y - this.ay) / (this.swaN + 1);
    }
    this.swaN++;
    this.swa![2 * k] = this.ax;
    this.swa![2 * k + 1] = this.ay;
  }

  private diverged(k: number, x: number, y: number): false {
    const what = Number.isFinite(x) && Number.isFinite(y) ? 'the loss' : 'the weights';
    this.stop = {
      reason: 'diverged',
      step: k,
      message: `diverged at step ${k}: ${what} became non-finite`,
    };
    return false;
  }

  private badGradient(k: number, x: number, y: number): false {
    this.stop = {
      reason: 'gradient',
      step: k,
      message: `stopped at step ${k}: the gradient is not finite at ${formatPoint(x, y)} although the loss is`,
    };
    return false;
  }

  /** A step refused to go on (e.g. a singular Newton system): stop with its message. */
  stepFailed(message: string): void {
    this.stop = { reason: 'step', step: this.t, message: `stopped at step ${this.t}: ${message}` };
  }
}
