import type { RunResult } from '../../engine/run.ts';
import { fmtNum } from './formatValue.ts';

/**
 * The legend's per-frame text for one run at the playhead step (written into the DOM, not React
 * state). It names the step each number describes: "now (step k)" is the playhead, "end (step N)"
 * the run's last finite iterate, so a reader scrubbing back never mistakes one for the other.
 */
export function lossReadout(r: RunResult | null, step: number): string {
  if (!r || r.points === 0) return 'loss —';
  const last = r.points - 1;
  const end = `end (step ${last}): loss ${fmtNum(r.losses[last])}`;
  // At or past the last iterate of a run that ran to the end (or stopped): only the end.
  if (step >= last && r.divergedAt === null) return end;
  // Past the last finite iterate of a run that overflowed: its loss there is ∞.
  const now = step <= last ? fmtNum(r.losses[step]) : '∞';
  return `now (step ${step}): loss ${now} · ${end}`;
}
