import type { LineProfile, SharpnessTrack } from '../../scenario/networkAnalysis.ts';
import { INK } from '../plots/canvasStyle.ts';
import {
  finish,
  joinSamples,
  series,
  type PlotData,
  type PlotSeries,
  type RunEntry,
} from '../plots/plotSeries.ts';

/**
 * The network lab's two extra plots as data: the loss along a line between two iterates, over
 * t, and each run's sharpness at its checkpoints beside 2/lr, over the steps. Pure.
 */

/** The test loss's colour on the line plot (the train loss is drawn in the text colour). */
export const TEST_COLOR = '#f0b44c';

const lineSeries = (label: string, color: string, values: Float64Array, dash = false) => ({
  run: -1,
  label,
  color,
  values,
  raw: values,
  keep: null,
  leftAt: null,
  dash,
});

/** Train (solid) and test (dashed) loss along the line, log scale; t = 0 and 1 are the ends. */
export function linePlot(p: LineProfile | null, ends: string): PlotData {
  const list: PlotSeries[] = p
    ? [
        lineSeries('train loss', INK.text, p.train),
        ...(p.test ? [lineSeries('test loss', TEST_COLOR, p.test, true)] : []),
      ]
    : [];
  const steps = p ? p.ts.length - 1 : 1;
  const data = finish(
    'line',
    'loss along a line',
    true,
    list,
    steps,
    ends,
    p ? null : 'an end of the line is a run that could not be trained',
  );
  return p ? { ...data, axis: { from: p.ts[0], to: p.ts[p.ts.length - 1], name: 't' } } : data;
}

/**
 * Per visible run: its sharpness at the checkpoints, joined by straight lines, and 2/lr dashed
 * in its colour — the step size past which gradient descent on a quadratic of that curvature
 * diverges, the level full-batch GD's sharpness rises to and hovers at (edge of stability).
 */
export function sharpnessPlot(
  entries: readonly RunEntry[],
  tracks: readonly (SharpnessTrack | null)[] | null,
  steps: number,
): PlotData {
  if (!tracks)
    return finish(
      'sharpness',
      'sharpness (top Hessian eigenvalue)',
      true,
      [],
      steps,
      '',
      'press measure: the top Hessian eigenvalue at 21 checkpoints of each run',
    );
  const list: PlotSeries[] = [];
  for (const e of entries) {
    const t = tracks[e.run];
    if (!t) continue;
    const r = e.result;
    const sampled = new Float64Array(r.points).fill(NaN);
    t.steps.forEach((k, j) => (sampled[k] = t.values[j]));
    list.push({ ...series(e, joinSamples(sampled), sampled), leftAt: null });
    // Iterate k is stepped from with step k's lr; its last iterate with the last lr.
    const edge = Float64Array.from(
      { length: r.points },
      (_, k) => 2 / r.lrs[Math.min(k, r.lrs.length - 1)],
    );
    list.push({ ...series(e, edge), label: `2/lr, ${e.label}`, leftAt: null, dash: true });
  }
  return finish(
    'sharpness',
    'sharpness (top Hessian eigenvalue)',
    true,
    list,
    steps,
    'dashed: 2/lr, where gradient descent stops being stable',
  );
}
