import { FONT_SMALL, INK } from './canvasStyle.ts';
import type { PlotData } from './plotSeries.ts';
import { linearScale, logScale, type Scale } from './scale.ts';

/** Room for the y tick labels (left) and the step labels (bottom). */
const MARGIN = { left: 38, right: 8, top: 6, bottom: 15 };

/** A step number for the x axis: 2500, 10k (steps are integers; "1.0e4" reads badly). */
export function formatStep(v: number): string {
  return v >= 10000 && v % 1000 === 0 ? `${v / 1000}k` : String(Math.round(v));
}

export interface PlotLayout {
  x: Scale;
  y: Scale;
  left: number;
  top: number;
  width: number;
  height: number;
}

export function plotLayout(p: PlotData, cssWidth: number, cssHeight: number): PlotLayout {
  const left = MARGIN.left;
  const top = MARGIN.top;
  const width = Math.max(1, cssWidth - MARGIN.left - MARGIN.right);
  const height = Math.max(1, cssHeight - MARGIN.top - MARGIN.bottom);
  const x = linearScale(0, Math.max(1, p.steps), left, left + width);
  const y = p.log
    ? logScale(p.yMin, p.yMax, top + height, top)
    : linearScale(p.yMin, p.yMax, top + height, top);
  return { x, y, left, top, width, height };
}

/**
 * The static part of a plot: grid, ticks and one line per run. Drawn once per simulation (into
 * an offscreen canvas); the playhead cursor goes on top every frame (drawCursor).
 */
export function drawPlotStatic(ctx: CanvasRenderingContext2D, p: PlotData, l: PlotLayout): void {
  const bottom = l.top + l.height;
  ctx.font = FONT_SMALL;
  ctx.lineWidth = 1;

  // Horizontal grid lines at the y ticks, labelled on the left.
  const yt = l.y.ticks(Math.max(2, Math.floor(l.height / 28)));
  ctx.strokeStyle = INK.grid;
  ctx.fillStyle = INK.muted;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const yl = l.y.labels(yt);
  ctx.beginPath();
  yt.forEach((t, i) => {
    const py = Math.round(l.y.map(t)) + 0.5;
    if (py < l.top - 1 || py > bottom + 1) return;
    ctx.moveTo(l.left, py);
    ctx.lineTo(l.left + l.width, py);
    ctx.fillText(yl.labels[i], l.left - 4, py);
  });
  ctx.stroke();

  // Step ticks along the bottom; a label that would run off the right edge is right-aligned,
  // and one that would touch the label before it is left out (a narrow plot: "0  100  200").
  // A plot over another axis labels its own values at the same pixels.
  const shown = p.axis ? linearScale(p.axis.from, p.axis.to, l.left, l.left + l.width) : l.x;
  const xt = shown.ticks(Math.max(2, Math.floor(l.width / 60)));
  const xLabels = p.axis ? shown.labels(xt).labels : xt.map(formatStep);
  const xRight = l.left + l.width + MARGIN.right - 1;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  let lastEnd = -Infinity;
  for (const [i, t] of xt.entries()) {
    const label = xLabels[i];
    const px = Math.round(shown.map(t));
    const w = ctx.measureText(label).width;
    const x0 = Math.min(px - w / 2, xRight - w);
    if (x0 < lastEnd + 4) continue;
    ctx.fillText(label, x0, bottom + 2);
    lastEnd = x0 + w;
  }
  ctx.strokeStyle = INK.border;
  ctx.strokeRect(l.left - 0.5, l.top - 0.5, l.width + 1, l.height + 1);

  if (p.empty) {
    ctx.fillStyle = INK.muted;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    // On two lines rather than cut in a narrow plot.
    const cx = l.left + l.width / 2;
    const cy = l.top + l.height / 2;
    const words = p.empty.split(' ');
    if (ctx.measureText(p.empty).width <= l.width - 6 || words.length < 2)
      ctx.fillText(p.empty, cx, cy, Math.max(10, l.width - 6));
    else {
      const half = Math.ceil(words.length / 2);
      ctx.fillText(words.slice(0, half).join(' '), cx, cy - 6, Math.max(10, l.width - 6));
      ctx.fillText(words.slice(half).join(' '), cx, cy + 6, Math.max(10, l.width - 6));
    }
    return;
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(l.left, l.top - 1, l.width, l.height + 2);
  ctx.clip();
  ctx.lineWidth = 1.5;
  ctx.lineJoin = 'round';
  const markers = leaveMarkers(p, l);
  for (const s of p.series) {
    ctx.beginPath();
    // A run that left is drawn up to its last kept step, then to its marker on the edge.
    const end = s.leftAt === null ? s.values.length : Math.min(s.leftAt, s.values.length);
    traceSeries(ctx, s.values.subarray(0, end), l);
    const m = markers.find((mk) => mk.run === s.run);
    if (m && end > 0 && !Number.isNaN(s.values[end - 1])) ctx.lineTo(m.x, m.y);
    ctx.strokeStyle = s.color;
    ctx.setLineDash(s.dash ? [5, 4] : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.restore();
  for (const m of markers) drawMarker(ctx, m);
  // Over the lines: the labels cannot be read without it.
  if (yl.offset) drawOffsetNote(ctx, `y = ${yl.offset}`, l.left + 3, l.top + 2);
}

/** Where a run that left the domain (or blew up) ends on a plot: a triangle at an edge. */
export interface LeaveMarker {
  run: number;
  color: string;
  /** The step it left, and the marker's pixel position. */
  step: number;
  x: number;
  y: number;
  /** Which way it went: off the top, off the bottom, or (still in range) the way it was heading. */
  dir: 'up' | 'down';
}

/**
 * One marker per series that left: at the step it left, on the top edge when its value there is
 * above the plot (or not finite), on the bottom edge when below, else at the value itself.
 */
export function leaveMarkers(p: PlotData, l: PlotLayout): LeaveMarker[] {
  const out: LeaveMarker[] = [];
  if (p.empty) return out;
  const top = l.top;
  const bottom = l.top + l.height;
  for (const s of p.series) {
    if (s.leftAt === null) continue;
    const k = s.leftAt;
    const v = k < s.values.length ? s.values[k] : NaN;
    const prev = k > 0 ? s.values[k - 1] : NaN;
    const x = Math.min(l.left + l.width, l.x.map(k));
    let y: number;
    let dir: 'up' | 'down';
    if (!Number.isFinite(v) || v >= l.y.d1) [y, dir] = [top, 'up'];
    else if (v <= l.y.d0) [y, dir] = [bottom, 'down'];
    else [y, dir] = [l.y.map(v), v < prev ? 'down' : 'up'];
    out.push({ run: s.run, color: s.color, step: k, x, y, dir });
  }
  return out;
}

/** A small filled triangle pointing the way the run went, its tip on (x, y). */
function drawMarker(ctx: CanvasRenderingContext2D, m: LeaveMarker): void {
  const s = m.dir === 'up' ? 1 : -1;
  ctx.beginPath();
  ctx.moveTo(m.x, m.y);
  ctx.lineTo(m.x - 4, m.y + 7 * s);
  ctx.lineTo(m.x + 4, m.y + 7 * s);
  ctx.closePath();
  ctx.fillStyle = m.color;
  ctx.fill();
  ctx.strokeStyle = 'rgba(0,0,0,0.8)';
  ctx.lineWidth = 1;
  ctx.stroke();
}

/** What offset-notation tick labels mean, in the plot's top-left corner on a dark backing. */
export function drawOffsetNote(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
): void {
  ctx.save();
  ctx.font = FONT_SMALL;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  const w = ctx.measureText(text).width;
  ctx.fillStyle = 'rgba(15,17,21,0.85)';
  ctx.fillRect(x - 2, y - 1, w + 4, 13);
  ctx.fillStyle = INK.muted;
  ctx.fillText(text, x, y);
  ctx.restore();
}

/**
 * Add one series to the path. With more than two steps per pixel, each pixel column is reduced
 * to its first, lowest, highest and last values, so a spike survives the thinning and 10,000
 * steps cost a few hundred line segments. NaN breaks the line.
 */
function traceSeries(ctx: CanvasRenderingContext2D, v: Float64Array, l: PlotLayout): void {
  const thin = v.length > 2 * l.width;
  let pen = false;
  let col = NaN;
  let colX = 0;
  let first = 0;
  let lo = 0;
  let hi = 0;
  let last = 0;
  const flush = () => {
    if (Number.isNaN(col)) return;
    if (pen) ctx.lineTo(colX, first);
    else ctx.moveTo(colX, first);
    ctx.lineTo(colX, lo);
    ctx.lineTo(colX, hi);
    ctx.lineTo(colX, last);
    pen = true;
    col = NaN;
  };
  for (let k = 0; k < v.length; k++) {
    const val = v[k];
    if (Number.isNaN(val)) {
      flush();
      pen = false;
      continue;
    }
    const px = l.x.map(k);
    const py = l.y.map(val);
    if (!thin) {
      if (pen) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      pen = true;
      continue;
    }
    const c = Math.floor(px);
    if (c !== col) {
      flush();
      col = c;
      colX = px;
      first = lo = hi = last = py;
    } else {
      if (py < lo) lo = py;
      if (py > hi) hi = py;
      last = py;
    }
  }
  flush();
}

/** The playhead (a vertical line and a dot on each run's curve) and the hovered step. */
export function drawCursor(
  ctx: CanvasRenderingContext2D,
  p: PlotData,
  l: PlotLayout,
  step: number,
  hover: number | null,
): void {
  const bottom = l.top + l.height;
  if (hover !== null) {
    const hx = Math.round(l.x.map(hover)) + 0.5;
    ctx.strokeStyle = 'rgba(230,232,238,0.25)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(hx, l.top);
    ctx.lineTo(hx, bottom);
    ctx.stroke();
  }
  // A plot over another axis than the step has no playhead; its dots follow the pointer.
  if (p.axis && hover === null) return;
  const k = p.axis ? hover! : Math.floor(step);
  const cx = Math.round(l.x.map(k)) + 0.5;
  ctx.strokeStyle = INK.text;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(cx, l.top);
  ctx.lineTo(cx, bottom);
  ctx.stroke();
  if (p.empty) return;
  for (const s of p.series) {
    if (k >= s.values.length || (s.leftAt !== null && k >= s.leftAt)) continue;
    const v = s.values[k];
    if (Number.isNaN(v)) continue;
    const py = Math.min(bottom, Math.max(l.top, l.y.map(v)));
    ctx.beginPath();
    ctx.arc(cx, py, 2.5, 0, 2 * Math.PI);
    ctx.fillStyle = s.color;
    ctx.fill();
    ctx.strokeStyle = 'rgba(0,0,0,0.8)';
    ctx.stroke();
  }
}
