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
      'press measure (takes a few seconds)',
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

/** The tensors' colours on the trust-ratio plot: a layer's weight solid, its bias dashed. */
const LAYER_COLORS = [
  { color: '#56B4E9', name: 'blue' },
  { color: '#E69F00', name: 'orange' },
  { color: '#CC79A7', name: 'purple' },
  { color: '#EDC948', name: 'yellow' },
  { color: '#D55E00', name: 'red' },
  { color: '#FF9DA7', name: 'pink' },
];
const layerColor = (i: number) => LAYER_COLORS[i % LAYER_COLORS.length];

/**
 * The selected run's trust ratio per tensor at each step (LARS, LAMB): how much each layer's
 * step is scaled, whatever its gradient's size — the reason these optimizers train every layer
 * at a pace proportional to its own weights. Null when the run has none.
 */
export function trustPlot(
  e: RunEntry | null,
  layers: readonly { in: number; out: number }[],
  steps: number,
): PlotData | null {
  const ratios = e?.result.trustRatios;
  if (!e || !ratios || ratios.tensors !== 2 * layers.length) return null;
  const n = ratios.values.length / ratios.tensors;
  const list: PlotSeries[] = [];
  layers.forEach((l, i) => {
    const name = i === layers.length - 1 ? 'out' : String(i + 1);
    const { color } = layerColor(i);
    for (const bias of [false, true]) {
      const j = 2 * i + (bias ? 1 : 0);
      const values = Float64Array.from(
        { length: n },
        (_, t) => ratios.values[t * ratios.tensors + j],
      );
      const label = bias ? `b${name} [${l.out}]` : `W${name} [${l.out}×${l.in}]`;
      list.push(lineSeries(label, color, values, bias));
    }
  });
  return finish(
    'trust',
    `trust ratio per tensor, ${e.label}`,
    true,
    list,
    steps,
    `${layers.map((_, i) => layerColor(i).name).join(', ')}: layer ${layers.length > 1 ? `1 to ${layers.length}` : '1'} · dashed: biases · each tensor’s step is scaled by its ratio`,
  );
}
