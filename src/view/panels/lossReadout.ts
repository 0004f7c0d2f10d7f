import type { RunResult } from '../../engine/run.ts';
import { fmtNum } from '../../engine/formatNumber.ts';

/**
 * The legend's per-frame text for one run at the playhead step (written into the DOM, not React
 * state). It names the step each number describes: "now (step k)" is the playhead, "end (step N)"
 * the run's last finite iterate, so a reader scrubbing back never mistakes one for the other.
 */
export function lossReadout(r: RunResult | null, step: number): string {
  if (!r || r.points === 0) return 'loss —';
  const last = r.points - 1;
  // No-break spaces inside each part: a narrow legend wraps between "now …" and "end …" only.
  const end = `end\u00a0(step\u00a0${last}):\u00a0loss\u00a0${fmtNum(r.losses[last])}`;
  // At or past the last iterate of a run that ran to the end (or stopped): only the end.
  if (step >= last && r.divergedAt === null) return end;
  // Past the last finite iterate of a run that overflowed: its loss there is ∞.
  const now = step <= last ? fmtNum(r.losses[step]) : '∞';
  return `now\u00a0(step\u00a0${step}):\u00a0loss\u00a0${now} · ${end}`;
}
