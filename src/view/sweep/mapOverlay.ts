import { shown } from '../../state/shownSweep.ts';
import type { LabState } from '../../state/store.ts';
import { runColor } from '../palette.ts';
import type { SweepOverlay } from './drawSweepOverlay.ts';

let cached: SweepOverlay | null = null;

/**
 * The overlay the map draws this frame: the shown sweep when it is a basin map or seed fan and
 * the overlay is on, else null. The same object while nothing changed, so the map's
 * "nothing moved" check holds between frames.
 */
export function mapOverlay(st: LabState): SweepOverlay | null {
  const entry = shown.sweep;
  const result = entry?.result;
  const kind = result?.plan.sweep.kind;
  if (!entry || !result || st.sweepOverlay === 'off' || (kind !== 'basins' && kind !== 'seeds'))
    return (cached = null);
  const i = result.plan.sweep.run ?? 0;
  const run = st.scenario.runs[i];
  const color = run ? runColor(run, i) : '#ffffff';
  // With no known minimum to name, where a run ends says nothing: colour by the metric.
  const colorBy =
    st.sweepOverlay === 'ends' && result.plan.minima.length === 0 ? 'metric' : st.sweepOverlay;
  const version = result.done;
  if (
    cached?.result === result &&
    cached.colorBy === colorBy &&
    cached.color === color &&
    cached.version === version
  )
    return cached;
  return (cached = { result, colorBy, color, version });
}
