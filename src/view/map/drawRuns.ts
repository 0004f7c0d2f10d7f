import type { RunResult } from '../../engine/run.ts';
import type { ScenarioRun } from '../../scenario/scenario.ts';
import type { Domain } from '../../surfaces/surface.ts';
import { runColor, runDash, runLabel } from '../palette.ts';
import { clipSegment } from '../../state/clipSegment.ts';
import { drawOffscreenHead, drawRunEvent } from './mapMarkers.ts';
import { insideView, toPx, toPy, type Mapping, type PlotRect } from './viewport.ts';
import { runPath, runViews } from '../../state/runFrame.ts';
import { insideBox, type RunPath } from '../../state/runPath.ts';
import type { RunView } from '../../state/runView.ts';
import { FONT } from '../plots/canvasStyle.ts';

/**
 * The runs on the map, drawn from the per-frame run model the 3D scene draws too (runView.ts:
 * how much of the trail, where the head is, how the run ended, the side paths' points), in two
 * parts:
 *   - drawTrails: each visible run's trail (and its side paths: SWA's average, ASGD's ax, …)
 *     between two whole steps. The map keeps the trails drawn so far on a cached layer and
 *     appends only the new steps each frame: stroking 8 × 10,000-step paths every frame costs a
 *     software rasterizer ~100 ms.
 *   - drawHeads: per frame, the glide from the last whole step to the fractional playhead, the
 *     closure evaluations of the step under the playhead (LBFGS), the heads, the side paths'
 *     diamonds and how each run ended.
 * Nothing here allocates, and no non-finite or far-off coordinate reaches the canvas: segments
 * are clipped to a box slightly larger than the view first, and steps that start and end
 * outside it are left out.
 */

export interface RunsFrame {
  runs: readonly ScenarioRun[];
  results: readonly (RunResult | null)[];
  /** The playhead, fractional while playing. */
  step: number;
  selected: number;
  /** The scenario's start point: where a run that could not take a single step is marked. */
  start: readonly [number, number] | null;
}

const seg = new Float64Array(4);
const box = { xMin: 0, yMin: 0, xMax: 0, yMax: 0 };
const dir = new Float64Array(2);
/** An iterate and the step's first evaluation, as a two-point polyline for tracePolyline. */
const joint = new Float64Array(4);
/** The evaluation label last made for each run, and the step it was made for (made on change). */
const evalLabels: string[] = [];
const evalLabelStep: number[] = [];
const evalLabelCount: number[] = [];
/** Label boxes placed this frame (reused; see drawRunEvent). */
const taken: number[] = [];
/** Pixel length along the subpath being traced, and each run's trail length drawn so far: a
 * dashed trail appended frame by frame continues its dash pattern where the last frame left it. */
let traced = 0;
const dashAt: number[] = [];

function setClipBox(view: Domain): void {
  // A margin of a tenth of the view, so line joins at the edge are outside the clip rect.
  const mx = (view.xMax - view.xMin) * 0.1;
  const my = (view.yMax - view.yMin) * 0.1;
  box.xMin = view.xMin - mx;
  box.xMax = view.xMax + mx;
  box.yMin = view.yMin - my;
  box.yMax = view.yMax + my;
}

/**
 * Add the polyline through points from..to of an interleaved [x0, y0, x1, y1, …] array to the
 * current path, then on to (tailX, tailY) if it is finite. Non-finite points break the line.
 * Points within half a pixel of the last one drawn are skipped: a run that has converged sits
 * on one pixel for thousands of steps.
 */
function tracePolyline(
  ctx: CanvasRenderingContext2D,
  m: Mapping,
  pts: Float64Array,
  from: number,
  to: number,
  tailX: number,
  tailY: number,
): void {
  let connected = false;
  let lx = 0;
  let ly = 0;
  const last = Number.isFinite(tailX) && Number.isFinite(tailY) ? to + 1 : to;
  for (let t = from; t < last; t++) {
    const x0 = pts[2 * t];
    const y0 = pts[2 * t + 1];
    const x1 = t + 1 <= to ? pts[2 * t + 2] : tailX;
    const y1 = t + 1 <= to ? pts[2 * t + 3] : tailY;
    // A step with both ends outside is not drawn even where it crosses the view (as in 3D,
    // runPath.ts): a diverging run's later steps would fan across the whole map.
    if (
      !(insideBox(box, x0, y0) || insideBox(box, x1, y1)) ||
      !clipSegment(x0, y0, x1, y1, box.xMin, box.yMin, box.xMax, box.yMax, seg)
    ) {
      connected = false;
      continue;
    }
    if (!connected || seg[0] !== x0 || seg[1] !== y0) {
      lx = toPx(m, seg[0]);
      ly = toPy(m, seg[1]);
      ctx.moveTo(lx, ly);
      if (t > from) traced = 0; // a break: the canvas restarts the dash pattern here
    }
    const px = toPx(m, seg[2]);
    const py = toPy(m, seg[3]);
    connected = seg[2] === x1 && seg[3] === y1;
    if (connected && t + 1 < last && Math.abs(px - lx) < 0.5 && Math.abs(py - ly) < 0.5) continue;
    ctx.lineTo(px, py);
    traced += Math.hypot(px - lx, py - ly);
    lx = px;
    ly = py;
  }
}

/** The head's direction from the view centre in pixel axes, normalised so nothing overflows. */
function headDirection(v: Domain, rect: PlotRect, x: number, y: number, out: Float64Array): void {
  let ux = (x - (v.xMin + v.xMax) / 2) / ((v.xMax - v.xMin) / 2);
  let uy = (y - (v.yMin + v.yMax) / 2) / ((v.yMax - v.yMin) / 2);
  const l = Math.max(Math.abs(ux), Math.abs(uy));
  ux /= l;
  uy /= l;
  out[0] = (ux * rect.width) / 2;
  out[1] = (-uy * rect.height) / 2;
}

/** Visit the drawable runs, the selected one last so it is on top. */
function forEachRun(
  frame: RunsFrame,
  fn: (
    i: number,
    run: ScenarioRun,
    r: RunResult,
    path: RunPath,
    v: RunView,
    selected: boolean,
  ) => void,
): void {
  const { runs, results, selected } = frame;
  const views = runViews(runs);
  for (let order = 0; order <= runs.length; order++) {
    const i = order < runs.length ? (order === selected ? -1 : order) : selected;
    if (i < 0 || i >= runs.length) continue;
    const r = results[i];
    const path = r && views[i].drawn ? runPath(i, runs[i]) : null;
    if (r && path) fn(i, runs[i], r, path, views[i], i === selected);
  }
}

/** A trail: a dark casing under the run's colour, so it reads on every part of viridis. */
function strokeTrail(
  ctx: CanvasRenderingContext2D,
  color: string,
  selected: boolean,
  i: number,
  offset: number,
): void {
  const dash = runDash(i);
  ctx.lineJoin = 'round';
  // Dashed trails keep flat ends: round caps would close their gaps.
  ctx.lineCap = dash ? 'butt' : 'round';
  if (dash) {
    ctx.setLineDash([dash.dash, dash.gap]);
    ctx.lineDashOffset = offset + dash.phase;
  }
  ctx.lineWidth = selected ? 4.5 : 3.5;
  ctx.strokeStyle = 'rgba(0,0,0,0.55)';
  ctx.stroke();
  ctx.lineWidth = selected ? 2.5 : 1.75;
  ctx.strokeStyle = color;
  ctx.stroke();
  ctx.setLineDash([]);
}

/**
 * A side path (SWA's average, ASGD's ax, …): the run's colour in dashes over white, cased; it
 * runs through its own trail.
 */
function strokeSide(ctx: CanvasRenderingContext2D, color: string): void {
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.lineWidth = 5;
  ctx.strokeStyle = 'rgba(0,0,0,0.75)';
  ctx.stroke();
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.setLineDash([6, 5]);
  ctx.lineCap = 'butt';
  ctx.strokeStyle = color;
  ctx.stroke();
  ctx.setLineDash([]);
}

/**
 * Draw each run's trail from iterate drawnTo[i] to the one the playhead shows, and record that
 * in drawnTo. Pass zeros to draw whole trails.
 */
export function drawTrails(
  ctx: CanvasRenderingContext2D,
  m: Mapping,
  view: Domain,
  frame: RunsFrame,
  drawnTo: number[],
): void {
  setClipBox(view);
  forEachRun(frame, (i, run, r, path, v, selected) => {
    const from = drawnTo[i] ?? 0;
    const k = v.k;
    if (k <= from) return;
    const color = runColor(run, i);
    if (from === 0) dashAt[i] = 0;
    traced = dashAt[i];
    ctx.beginPath();
    tracePolyline(ctx, m, r.trajectory, from, k, NaN, NaN);
    strokeTrail(ctx, color, selected, i, dashAt[i]);
    dashAt[i] = traced;
    for (const side of path.sides) {
      if (k <= side.first) continue;
      ctx.beginPath();
      tracePolyline(ctx, m, side.values, Math.max(from, side.first), k, NaN, NaN);
      strokeSide(ctx, color);
    }
    drawnTo[i] = k;
  });
}

/**
 * The moving parts: the glide to the fractional playhead, closure evaluations, heads, side-path
 * diamonds, run events.
 */
export function drawHeads(
  ctx: CanvasRenderingContext2D,
  m: Mapping,
  rect: PlotRect,
  view: Domain,
  frame: RunsFrame,
): void {
  setClipBox(view);
  taken.length = 0;
  forEachRun(frame, (i, run, r, path, v, selected) =>
    drawHead(ctx, m, rect, view, run, r, path, v, i, selected),
  );
  // Runs with no finite iterate at all (a start where f is undefined): mark their start.
  const { runs, results, start } = frame;
  runs.forEach((run, i) => {
    const r = results[i];
    const p = run.start ?? start;
    if (!r || !p || !run.visible || r.points > 0 || !r.stop) return;
    const x = Math.min(view.xMax, Math.max(view.xMin, p[0]));
    const y = Math.min(view.yMax, Math.max(view.yMin, p[1]));
    const label = `${runLabel(run)}: ${r.stop.message}`;
    drawRunEvent(ctx, toPx(m, x), toPy(m, y), label, runColor(run, i), rect, true, taken);
  });
}

function drawHead(
  ctx: CanvasRenderingContext2D,
  m: Mapping,
  rect: PlotRect,
  view: Domain,
  run: ScenarioRun,
  r: RunResult,
  path: RunPath,
  v: RunView,
  i: number,
  selected: boolean,
): void {
  const color = runColor(run, i);
  const { hx, hy } = v;
  // Between iterates while playing: the trail follows the head along the segment to the next.
  if (v.u > 0) {
    ctx.beginPath();
    tracePolyline(ctx, m, r.trajectory, v.k, v.k, hx, hy);
    strokeTrail(ctx, color, selected, i, dashAt[i] ?? 0);
  }
  drawEvaluations(ctx, m, view, r, path, v, i, color, selected);

  // Where the run left the domain, while it is outside: a ring on the domain's edge (the 3D
  // scene shows the same ring, having no surface out there).
  if (v.mark === 'exit' && insideView(view, v.mx, v.my)) {
    ctx.beginPath();
    ctx.arc(toPx(m, v.mx), toPy(m, v.my), 5, 0, 2 * Math.PI);
    ctx.lineWidth = 4;
    ctx.strokeStyle = 'rgba(0,0,0,0.7)';
    ctx.stroke();
    ctx.lineWidth = 2;
    ctx.strokeStyle = color;
    ctx.stroke();
  }
  // How the run ended, once the playhead gets there.
  if (v.mark === 'stopped' || v.mark === 'diverged') {
    const lx = Math.min(view.xMax, Math.max(view.xMin, v.mx));
    const ly = Math.min(view.yMax, Math.max(view.yMin, v.my));
    drawRunEvent(
      ctx,
      toPx(m, lx),
      toPy(m, ly),
      `${runLabel(run)} ${v.mark} (step ${v.markStep})`,
      color,
      rect,
      v.mark === 'diverged',
      taken,
    );
  }

  // A diverged run has no finite position to put a head at any more.
  if (v.head && insideView(view, hx, hy)) {
    ctx.beginPath();
    ctx.arc(toPx(m, hx), toPy(m, hy), selected ? 6 : 5, 0, 2 * Math.PI);
    ctx.fillStyle = color;
    ctx.fill();
    ctx.lineWidth = selected ? 2 : 1.5;
    ctx.strokeStyle = selected ? '#ffffff' : 'rgba(0,0,0,0.8)';
    ctx.stroke();
  } else if (v.head) {
    headDirection(view, rect, hx, hy, dir);
    drawOffscreenHead(ctx, dir[0], dir[1], color, rect);
  }

  // Each side path's point now: a white diamond edged in the run's colour, over the head.
  for (let j = 0; j < path.sides.length; j++) {
    const p = v.sides[j];
    if (!p.shown || !insideView(view, p.x, p.y)) continue;
    const px = toPx(m, p.x);
    const py = toPy(m, p.y);
    ctx.beginPath();
    ctx.moveTo(px, py - 6);
    ctx.lineTo(px + 6, py);
    ctx.lineTo(px, py + 6);
    ctx.lineTo(px - 6, py);
    ctx.closePath();
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = color;
    ctx.stroke();
  }
}

/** A new path of circles of radius r at points from..to−1 (interleaved x, y) inside the view. */
function traceDots(
  ctx: CanvasRenderingContext2D,
  m: Mapping,
  view: Domain,
  pts: Float64Array,
  from: number,
  to: number,
  r: number,
): void {
  ctx.beginPath();
  for (let q = from; q < to; q++) {
    const x = pts[2 * q];
    const y = pts[2 * q + 1];
    if (!insideView(view, x, y)) continue;
    const px = toPx(m, x);
    const py = toPy(m, y);
    ctx.moveTo(px + r, py);
    ctx.arc(px, py, r, 0, 2 * Math.PI);
  }
}

/**
 * The closure evaluations of the step under the playhead (LBFGS): a thin line from the step's
 * iterate through every point it evaluated, in order, on to the iterate it produced, with a
 * hollow dot at each evaluation, so one step's many evaluations are visible; the earlier steps'
 * evaluations as faint dots. The selected run also says how many there were.
 */
function drawEvaluations(
  ctx: CanvasRenderingContext2D,
  m: Mapping,
  view: Domain,
  r: RunResult,
  path: RunPath,
  v: RunView,
  i: number,
  color: string,
  selected: boolean,
): void {
  const e = v.evalStep;
  if (e < 0 || !path.evalStart || !r.evaluations) return;
  const pts = r.evaluations.points;
  const a = path.evalStart[e];
  const b = Math.min(path.evalStart[e + 1], pts.length / 2);
  if (b <= a) return;
  // The earlier steps' evaluations, faintly: how much searching the path so far has cost.
  traceDots(ctx, m, view, pts, 0, a, 2.5);
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = 'rgba(0,0,0,0.35)';
  ctx.stroke();
  ctx.globalAlpha = 0.7;
  ctx.lineWidth = 1;
  ctx.strokeStyle = color;
  ctx.stroke();
  ctx.globalAlpha = 1;
  const t = r.trajectory;
  joint[0] = t[2 * e];
  joint[1] = t[2 * e + 1];
  joint[2] = pts[2 * a];
  joint[3] = pts[2 * a + 1];
  ctx.beginPath();
  tracePolyline(ctx, m, joint, 0, 1, NaN, NaN);
  tracePolyline(ctx, m, pts, a, b - 1, t[2 * e + 2], t[2 * e + 3]);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = 'rgba(0,0,0,0.45)';
  ctx.stroke();
  ctx.lineWidth = 1;
  ctx.strokeStyle = color;
  ctx.stroke();

  traceDots(ctx, m, view, pts, a, b, 3);
  ctx.lineWidth = 3.5;
  ctx.strokeStyle = 'rgba(0,0,0,0.7)';
  ctx.stroke();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = color;
  ctx.stroke();

  if (!selected || !v.head || !insideView(view, v.hx, v.hy)) return;
  const count = b - a;
  if (evalLabelStep[i] !== e || evalLabelCount[i] !== count) {
    evalLabelStep[i] = e;
    evalLabelCount[i] = count;
    // Step e is the timeline's step e + 1 (the one that produced iterate e + 1).
    evalLabels[i] = `step ${e + 1}: ${count} evaluation${count === 1 ? '' : 's'}, ${b} in all`;
  }
  ctx.font = FONT;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(0,0,0,0.75)';
  ctx.lineJoin = 'round';
  const lx = toPx(m, v.hx) + 10;
  const ly = toPy(m, v.hy) - 12;
  ctx.strokeText(evalLabels[i], lx, ly);
  ctx.fillStyle = '#ffffff';
  ctx.fillText(evalLabels[i], lx, ly);
}
