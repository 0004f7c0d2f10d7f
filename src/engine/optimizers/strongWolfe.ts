import { absMax, dot } from './flatParams.ts';

/**
 * torch.optim.lbfgs's line search (`_strong_wolfe`, ported there from torch7's lswolfe.lua; the
 * same in torch 1.13 and 2.x): bracket a step t along d satisfying the strong Wolfe conditions
 *   f(x + t·d) ≤ f + c1·t·gᵀd   and   |∇f(x + t·d)ᵀd| ≤ −c2·gᵀd,
 * then zoom into the bracket by safeguarded cubic interpolation. c1 = 1e-4, c2 = 0.9 and at most
 * 25 evaluations, as torch's LBFGS calls it.
 */

const C1 = 1e-4;
const C2 = 0.9;
const MAX_LS = 25;

/**
 * Evaluates the loss at x + t·d, writes its gradient into g and restores x (torch's
 * `_directional_evaluate`).
 */
export type DirectionalEvaluate = (t: number, d: Float64Array, g: Float64Array) => number;

/**
 * torch's `_cubic_interpolate`: the minimiser of the cubic through (x1, f1) and (x2, f2) with
 * slopes g1, g2, clamped to the bounds (the two points by default); their midpoint when the
 * cubic has no minimum.
 */
export function cubicInterpolate(
  x1: number,
  f1: number,
  g1: number,
  x2: number,
  f2: number,
  g2: number,
  lo = Math.min(x1, x2),
  hi = Math.max(x1, x2),
): number {
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2Square = d1 * d1 - g1 * g2;
  if (d2Square >= 0) {
    const d2 = Math.sqrt(d2Square);
    const minPos =
      x1 <= x2
        ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
        : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    return Math.min(Math.max(minPos, lo), hi);
  }
  return (lo + hi) / 2;
}

/** The line search's outcome; the gradient at the accepted t is in the search's `g` buffer. */
export interface LineSearchResult {
  loss: number;
  t: number;
  evaluations: number;
}

/**
 * One strong-Wolfe search at a time over vectors of n weights, with its gradient buffers
 * allocated once. torch keeps gradients in the bracket by reference; none is ever modified in
 * place, so copying values into fixed buffers gives the same numbers.
 */
export class StrongWolfe {
  /** The gradient at the accepted step, after `search`. */
  readonly g: Float64Array;
  private readonly gNew: Float64Array;
  private readonly gPrev: Float64Array;
  private readonly bracketG: [Float64Array, Float64Array];
  private readonly bracket = new Float64Array(2);
  private readonly bracketF = new Float64Array(2);
  private readonly bracketGtd = new Float64Array(2);
  private readonly result: LineSearchResult = { loss: 0, t: 0, evaluations: 0 };

  constructor(n: number) {
    this.g = new Float64Array(n);
    this.gNew = new Float64Array(n);
    this.gPrev = new Float64Array(n);
    this.bracketG = [new Float64Array(n), new Float64Array(n)];
  }

  /**
   * Search along d from the current weights (loss f, gradient g0, directional derivative gtd),
   * starting at step t. Returns a reused object.
   */
  search(
    evaluate: DirectionalEvaluate,
    t: number,
    d: Float64Array,
    f: number,
    g0: Float64Array,
    gtd: number,
    toleranceChange: number,
  ): LineSearchResult {
    const { gNew, gPrev, bracketG } = this;
    const dNorm = absMax(d);
    let fNew = evaluate(t, d, gNew);
    let evals = 1;
    let gtdNew = dot(gNew, d);

    let tPrev = 0;
    let fPrev = f;
    let gtdPrev = gtd;
    gPrev.set(g0);
    let done = false;
    let lsIter = 0;
    // bracket[i], its loss, directional derivative and gradient (bracketG[i]).
    let b0 = 0;
    let b1 = 0;
    let bf0 = 0;
    let bf1 = 0;
    let bgtd0 = 0;
    let bgtd1 = 0;
    let bracketed = false;
    while (lsIter < MAX_LS) {
      // Not sufficiently lower (or higher than the last trial), or past the minimum along d:
      // the minimum is bracketed by the last two trials.
      const above = fNew > f + C1 * t * gtd || (lsIter > 1 && fNew >= fPrev);
      if (!above && Math.abs(gtdNew) <= -C2 * gtd) {
        b0 = b1 = t;
        bf0 = bf1 = fNew;
        bracketG[0].set(gNew);
        done = true;
        bracketed = true;
        break;
      }
      if (above || gtdNew >= 0) {
        b0 = tPrev;
        b1 = t;
        bf0 = fPrev;
        bf1 = fNew;
        bgtd0 = gtdPrev;
        bgtd1 = gtdNew;
        bracketG[0].set(gPrev);
        bracketG[1].set(gNew);
        bracketed = true;
        break;
      }
      // Extrapolate: the next trial lies in [t + 0.01(t − t_prev), 10t].
      const minStep = t + 0.01 * (t - tPrev);
      const maxStep = t * 10;
      const tmp = t;
      t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
      tPrev = tmp;
      fPrev = fNew;
      gPrev.set(gNew);
      gtdPrev = gtdNew;
      fNew = evaluate(t, d, gNew);
      evals++;
      gtdNew = dot(gNew, d);
      lsIter++;
    }
    if (!bracketed) {
      // Out of evaluations while extrapolating: [0, t], the zoom below will not run.
      b0 = 0;
      b1 = t;
      bf0 = f;
      bf1 = fNew;
      bracketG[0].set(g0);
      bracketG[1].set(gNew);
    }

    let insufProgress = false;
    let low = bf0 <= bf1 ? 0 : 1;
    const { bracket, bracketF, bracketGtd } = this;
    bracket[0] = b0;
    bracket[1] = b1;
    bracketF[0] = bf0;
    bracketF[1] = bf1;
    bracketGtd[0] = bgtd0;
    bracketGtd[1] = bgtd1;
    while (!done && lsIter < MAX_LS) {
      if (Math.abs(bracket[1] - bracket[0]) * dNorm < toleranceChange) break;
      t = cubicInterpolate(
        bracket[0],
        bracketF[0],
        bracketGtd[0],
        bracket[1],
        bracketF[1],
        bracketGtd[1],
      );
      // Keep the trial at least a tenth of the bracket from its ends once progress stalls.
      const bMax = Math.max(bracket[0], bracket[1]);
      const bMin = Math.min(bracket[0], bracket[1]);
      const eps = 0.1 * (bMax - bMin);
      if (Math.min(bMax - t, t - bMin) < eps) {
        if (insufProgress || t >= bMax || t <= bMin) {
          t = Math.abs(t - bMax) < Math.abs(t - bMin) ? bMax - eps : bMin + eps;
          insufProgress = false;
        } else insufProgress = true;
      } else insufProgress = false;

      fNew = evaluate(t, d, gNew);
      evals++;
      gtdNew = dot(gNew, d);
      lsIter++;

      const high = 1 - low;
      if (fNew > f + C1 * t * gtd || fNew >= bracketF[low]) {
        bracket[high] = t;
        bracketF[high] = fNew;
        bracketG[high].set(gNew);
        bracketGtd[high] = gtdNew;
        low = bracketF[0] <= bracketF[1] ? 0 : 1;
      } else {
        if (Math.abs(gtdNew) <= -C2 * gtd) done = true;
        else if (gtdNew * (bracket[high] - bracket[low]) >= 0) {
          // The old low end becomes the high end.
          bracket[high] = bracket[low];
          bracketF[high] = bracketF[low];
          bracketG[high].set(bracketG[low]);
          bracketGtd[high] = bracketGtd[low];
        }
        bracket[low] = t;
        bracketF[low] = fNew;
        bracketG[low].set(gNew);
        bracketGtd[low] = gtdNew;
      }
    }
    this.g.set(bracketG[low]);
    const r = this.result;
    r.t = bracket[low];
    r.loss = bracketF[low];
    r.evaluations = evals;
    return r;
  }
}
