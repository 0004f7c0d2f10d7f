import { LUT_SIZE, colormapCss } from '../colormap.ts';
import { fillHeatPixelsRect } from '../map/heatPixels.ts';
import { FONT_SMALL, INK } from '../plots/canvasStyle.ts';
import { drawXYFrame, type XYLayout } from '../plots/drawXYFrame.ts';
import { linearScale, logScale, type Scale } from '../plots/scale.ts';
import { axisEdges, type HeatmapData } from './heatmapData.ts';

/** A hyperparameter map on a canvas: the cells, the axes, a colour bar, the current setting. */

const MARGIN = { left: 44, right: 62, top: 8, bottom: 16 };
const BAR = { gap: 8, width: 9 };

export interface HeatmapLayout extends XYLayout {
  /** The colour bar's metric scale (bottom to top). */
  bar: Scale;
}

const scaleOf = (log: boolean) => (log ? logScale : linearScale);

export function heatmapLayout(d: HeatmapData, w: number, h: number): HeatmapLayout {
  const width = Math.max(1, w - MARGIN.left - MARGIN.right);
  const height = Math.max(1, h - MARGIN.top - MARGIN.bottom);
  const { left, top } = MARGIN;
  const [x0, x1] = axisEdges(d.xs, d.xLog);
  const [y0, y1] = axisEdges(d.ys, d.yLog);
  return {
    x: scaleOf(d.xLog)(x0, x1, left, left + width),
    y: scaleOf(d.yLog)(y0, y1, top + height, top),
    bar: scaleOf(d.colorLog)(d.vMin, d.vMax, top + height, top),
    left,
    top,
    width,
    height,
  };
}

/** Where colour t ∈ [0, 1] of a value lies on the colour map (log10 when colorLog). */
export function colourT(d: HeatmapData, v: number): number {
  if (d.colorLog) return (Math.log10(v) - Math.log10(d.vMin)) / (Math.log10(d.vMax / d.vMin) || 1);
  return d.vMax > d.vMin ? (v - d.vMin) / (d.vMax - d.vMin) : 0.5;
}

const image = typeof document === 'undefined' ? null : document.createElement('canvas');

/**
 * The cells as an nx × ny image scaled onto the plot (each cell a sharp rectangle), diverged
 * cells grey, cells still to come transparent; then the frame, the colour bar, a ring on the
 * best cell and a cross at the run's current setting.
 */
export function drawHeatmap(ctx: CanvasRenderingContext2D, d: HeatmapData, l: HeatmapLayout) {
  const nx = d.xs.length;
  const ny = d.ys.length;
  const z = new Float64Array(nx * ny);
  const mask = new Uint8Array(nx * ny);
  for (let k = 0; k < z.length; k++) {
    const v = d.mid[k];
    if (Number.isFinite(v)) z[k] = colourT(d, v);
    else mask[k] = 1;
  }
  if (image) {
    image.width = nx;
    image.height = ny;
    const ictx = image.getContext('2d')!;
    const img = ictx.createImageData(nx, ny);
    fillHeatPixelsRect(z, mask, nx, ny, 0, 1, img.data);
    // Pending cells: transparent, so the page shows through until they arrive.
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++)
        if (Number.isNaN(d.mid[j * nx + i])) img.data[4 * ((ny - 1 - j) * nx + i) + 3] = 0;
    ictx.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(image, l.left, l.top, l.width, l.height);
  }
  drawXYFrame(ctx, l, { grid: false, rightPad: MARGIN.right });
  drawBar(ctx, l);

  ctx.save();
  ctx.beginPath();
  ctx.rect(l.left, l.top, l.width, l.height);
  ctx.clip();
  if (d.best >= 0) {
    const bx = l.x.map(d.xs[d.best % nx]);
    const by = l.y.map(d.ys[Math.floor(d.best / nx)]);
    ctx.beginPath();
    ctx.arc(bx, by, 5, 0, 2 * Math.PI);
    ctx.strokeStyle = INK.text;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
  const [cx, cy] = d.current;
  if (cx !== null && cy !== null) {
    const px = l.x.map(cx);
    const py = l.y.map(cy);
    for (const [color, width] of [
      ['rgba(0,0,0,0.85)', 4],
      ['#ffffff', 2],
    ] as const) {
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.beginPath();
      ctx.moveTo(px - 7, py);
      ctx.lineTo(px + 7, py);
      ctx.moveTo(px, py - 7);
      ctx.lineTo(px, py + 7);
      ctx.stroke();
    }
  }
  ctx.restore();
}

function drawBar(ctx: CanvasRenderingContext2D, l: HeatmapLayout): void {
  const left = l.left + l.width + BAR.gap;
  const bottom = l.top + l.height;
  const grad = ctx.createLinearGradient(0, bottom, 0, l.top);
  for (let i = 0; i < LUT_SIZE; i += 15)
    grad.addColorStop(i / (LUT_SIZE - 1), colormapCss(i / (LUT_SIZE - 1)));
  grad.addColorStop(1, colormapCss(1));
  ctx.fillStyle = grad;
  ctx.fillRect(left, l.top, BAR.width, l.height);
  ctx.strokeStyle = INK.border;
  ctx.strokeRect(left - 0.5, l.top - 0.5, BAR.width + 1, l.height + 1);
  const ticks = l.bar.ticks(Math.max(2, Math.floor(l.height / 30)));
  const labels = l.bar.labels(ticks);
  ctx.font = FONT_SMALL;
  ctx.fillStyle = INK.muted;
  ctx.strokeStyle = INK.muted;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.beginPath();
  ticks.forEach((t, i) => {
    const py = Math.round(l.bar.map(t)) + 0.5;
    if (py < l.top - 1 || py > bottom + 1) return;
    ctx.moveTo(left + BAR.width, py);
    ctx.lineTo(left + BAR.width + 3, py);
    ctx.fillText(labels.labels[i], left + BAR.width + 5, py);
  });
  ctx.stroke();
}
