import type { RunResult } from '../../engine/run.ts';
import { fmtNum } from '../../engine/formatNumber.ts';

/** The legend's per-frame text for one run at a step (written into the DOM, not React state). */
export function lossReadout(r: RunResult | null, step: number): string {
  if (!r || r.points === 0) return 'loss —';
  if (step < r.points) return `loss ${fmtNum(r.losses[step])}`;
  // Past the last finite iterate: the run diverged or stopped there.
  if (r.divergedAt !== null) return 'loss ∞';
  return `loss ${fmtNum(r.losses[r.points - 1])}`;
}
