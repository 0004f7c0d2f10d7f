import type { RunResult } from '../../engine/run.ts';

/**
 * The LR range test's reading (Smith 2017; the course's LR finder): loss against learning rate
 * on a log lr axis, and the two lrs people pick from it — where the loss falls fastest (the
 * steepest descent, the course's pick) and where it is lowest (already too large to train with).
 * Pure: the plot (LrFinderPlot.tsx) draws what this returns.
 */

export interface LrCurve {
  /** lrs[i] = η_i, the lr of step i. */
  lrs: Float64Array;
  /** losses[i] = f(x_{i+1}), the loss right after the step taken with η_i. */
  losses: Float64Array;
}

/**
 * The pairs (η_t, f(x_{t+1})) for t < min(sweep, steps the run took). The course's loop records
 * the loss before each step; on a fixed 2D surface that loss does not depend on η_t at all, so
 * we pair each lr with the loss its own step produced. Ends at the first non-finite loss, so a
 * run that diverged (or stopped) early gives a shorter curve.
 */
export function lrCurve(r: RunResult, sweep: number): LrCurve {
  let n = Math.max(0, Math.min(sweep, r.points - 1, r.lrs.length));
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(r.losses[i + 1]) || !(r.lrs[i] > 0)) {
      n = i;
      break;
    }
  return { lrs: r.lrs.slice(0, n), losses: r.losses.slice(1, n + 1) };
}

/** The half-width of the moving average: about 5% of the curve (2 for a 40-step sweep). */
export const smoothingHalfWidth = (n: number): number => Math.max(1, Math.round(n / 40));

/**
 * A centred moving average over 2h + 1 points, narrowed symmetrically at the ends so it never
 * shifts a feature sideways (an exponential average, fastai's, lags by its length).
 */
export function smooth(v: Float64Array, h: number): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const w = Math.min(h, i, v.length - 1 - i);
    let s = 0;
    for (let j = i - w; j <= i + w; j++) s += v[j];
    out[i] = s / (2 * w + 1);
  }
  return out;
}

export interface LrPick {
  /** Index into the curve (step index + 1 is the iterate it produced). */
  index: number;
  lr: number;
  /** The loss at that point (smoothed, as read off the curve). */
  loss: number;
}

export interface LrPicks {
  /** Most negative d loss / d log10 lr before the minimum, with that slope. */
  steepest: (LrPick & { slope: number }) | null;
  minimum: LrPick | null;
  /** How many points the picks read: up to where the loss first rises above its start. */
  used: number;
}

/**
 * Both picks on the smoothed curve, read only up to where the loss climbs back above its first
 * value (past that it is the blow-up, whose swings would swamp the smoothing), and the steepest
 * only up to the minimum (a slope after it is the loss coming back down from a bounce).
 */
export function lrPicks(curve: LrCurve): LrPicks {
  const { lrs, losses } = curve;
  let used = losses.length;
  for (let i = 1; i < losses.length; i++)
    if (losses[i] > losses[0]) {
      used = i;
      break;
    }
  if (used < 2) return { steepest: null, minimum: null, used };
  const s = smooth(losses.subarray(0, used), smoothingHalfWidth(used));
  const u = Array.from(lrs.subarray(0, used), (x) => Math.log10(x));
  let iMin = 0;
  for (let i = 1; i < used; i++) if (s[i] < s[iMin]) iMin = i;
  const minimum = { index: iMin, lr: lrs[iMin], loss: s[iMin] };
  let steepest: LrPicks['steepest'] = null;
  for (let i = 0; i <= iMin; i++) {
    const a = Math.max(0, i - 1);
    const b = Math.min(used - 1, i + 1);
    const du = u[b] - u[a];
    if (!(du > 0)) continue;
    const slope = (s[b] - s[a]) / du;
    if (slope < 0 && (!steepest || slope < steepest.slope))
      steepest = { index: i, lr: lrs[i], loss: s[i], slope };
  }
  return { steepest, minimum, used };
}
