import type { TickLabels } from '../../engine/formatNumber.ts';
import { FONT_SMALL, INK } from './canvasStyle.ts';
import type { Scale } from './scale.ts';

/** A plot of y against x (either axis linear or log) inside a pixel rectangle. */
export interface XYLayout {
  x: Scale;
  y: Scale;
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The frame of an x–y plot: y ticks labelled on the left, x ticks labelled underneath (each
 * centred under its tick, kept inside the canvas, left out where it would touch the one before),
 * optional grid lines at both, and a border. Returns the y labels (their offset note, if any,
 * is the caller's to place). Shared by the LR range test plot and the sweep plots.
 */
export function drawXYFrame(
  ctx: CanvasRenderingContext2D,
  l: XYLayout,
  opts: { grid: boolean; rightPad: number },
): TickLabels {
  const bottom = l.top + l.height;
  const right = l.left + l.width;
  ctx.font = FONT_SMALL;
  ctx.lineWidth = 1;
  const yt = l.y.ticks(Math.max(2, Math.floor(l.height / 28)));
  const yl = l.y.labels(yt);
  ctx.strokeStyle = opts.grid ? INK.grid : INK.muted;
  ctx.fillStyle = INK.muted;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.beginPath();
  yt.forEach((t, i) => {
    const py = Math.round(l.y.map(t)) + 0.5;
    if (py < l.top - 1 || py > bottom + 1) return;
    ctx.moveTo(opts.grid ? right : l.left, py);
    ctx.lineTo(l.left - (opts.grid ? 0 : 3), py);
    ctx.fillText(yl.labels[i], l.left - 4, py);
  });
  const xt = l.x.ticks(Math.max(2, Math.floor(l.width / 50)));
  const xl = l.x.labels(xt);
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  let lastEnd = -Infinity;
  xt.forEach((t, i) => {
    const px = Math.round(l.x.map(t)) + 0.5;
    if (px < l.left - 1 || px > right + 1) return;
    ctx.moveTo(px, opts.grid ? l.top : bottom);
    ctx.lineTo(px, bottom + (opts.grid ? 0 : 3));
    const w = ctx.measureText(xl.labels[i]).width;
    const x0 = Math.min(px - w / 2, right + opts.rightPad - 1 - w);
    if (x0 < lastEnd + 4) return;
    ctx.fillText(xl.labels[i], x0, bottom + 2);
    lastEnd = x0 + w;
  });
  ctx.stroke();
  ctx.strokeStyle = INK.border;
  ctx.strokeRect(l.left - 0.5, l.top - 0.5, l.width + 1, l.height + 1);
  return yl;
}
