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
  if (r.swa) {
    const swa: ([number, number] | null)[] = [];
    for (let k = 0; k < r.points; k++) {
      const x = r.swa[2 * k];
      swa.push(Number.isNaN(x) ? null : [x, r.swa[2 * k + 1]]);
    }
    out.swa_trajectory = swa;
  }
  return out;
}
