import type { RunResult } from '../engine/run.ts';

/** The JSON `simulate` prints for one run (docs/scenario.md). */
export interface SimulatedRun {
  optimizer: string;
  trajectory: [number, number][];
  losses: number[];
  lrs: number[];
  grad_norms: number[];
  diverged_at: number | null;
  stopped: { step: number; reason: string; message: string } | null;
  swa_trajectory?: ([number, number] | null)[];
  /** The optimizer's own paths by id (ASGD's `ax`, Schedule-Free's `x`), null before step 1. */
  side_paths?: Record<string, ([number, number] | null)[]>;
  /** Closure evaluations per step (LBFGS), and the point of each evaluation in order. */
  evaluations?: number[];
  evaluation_points?: [number, number][];
}

/** A flat 2-weight path as [x, y] pairs, null where it is NaN (not made yet). */
function pairs(values: Float64Array, points: number): ([number, number] | null)[] {
  const out: ([number, number] | null)[] = [];
  for (let k = 0; k < points; k++) {
    const x = values[2 * k];
    out.push(Number.isNaN(x) ? null : [x, values[2 * k + 1]]);
  }
  return out;
}

export function toSimulatedRun(optimizer: string, r: RunResult): SimulatedRun {
  const trajectory: [number, number][] = [];
  for (let k = 0; k < r.points; k++)
    trajectory.push([r.trajectory[2 * k], r.trajectory[2 * k + 1]]);
  const out: SimulatedRun = {
    optimizer,
    trajectory,
    losses: Array.from(r.losses.subarray(0, r.points)),
    // The lr used by each step that was taken (a diverging step was taken; a refused one was not).
    lrs: Array.from(r.lrs.subarray(0, r.divergedAt ?? r.points - 1)),
    grad_norms: Array.from(r.gradNorms.subarray(0, r.points)),
    diverged_at: r.divergedAt,
    stopped: r.stop,
  };
  if (r.swa) out.swa_trajectory = pairs(r.swa, r.points);
  if (r.sidePaths.length)
    out.side_paths = Object.fromEntries(r.sidePaths.map((p) => [p.id, pairs(p.values, r.points)]));
  if (r.evaluations) {
    const taken = Math.max(0, r.points - 1);
    out.evaluations = Array.from(r.evaluations.counts.subarray(0, taken));
    const n = out.evaluations.reduce((a, b) => a + b, 0);
    out.evaluation_points = pairs(r.evaluations.points, n) as [number, number][];
  }
  return out;
}
