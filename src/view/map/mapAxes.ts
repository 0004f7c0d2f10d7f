import type { Domain } from '../../surfaces/surface.ts';
import type { GridStats, HeightMode } from '../../surfaces/grid/index.ts';
import { heightOf, lossAtHeight } from '../../surfaces/grid/index.ts';
import { colormapCss, LUT_SIZE } from '../colormap.ts';
import { formatTick } from '../../engine/formatNumber.ts';
import { niceTicks } from '../niceTicks.ts';
import { formatLogTick } from '../../engine/formatNumber.ts';
import { logTicks } from '../plots/logTicks.ts';
import { FONT, INK } from '../plots/canvasStyle.ts';
import { toPx, toPy, type Mapping, type PlotRect } from './viewport.ts';

/** Tick marks and labels in domain units on the left and bottom edges, and a frame. */
export function drawMapAxes(
  ctx: CanvasRenderingContext2D,
  view: Domain,
  rect: PlotRect,
  m: Mapping,
): void {
  const bottom = rect.top + rect.height;
  const right = rect.left + rect.width;
  ctx.strokeStyle = INK.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(rect.left - 0.5, rect.top - 0.5, rect.width + 1, rect.height + 1);
  ctx.font = FONT;
  ctx.fillStyle = INK.muted;
  ctx.strokeStyle = INK.muted;

  const xt = niceTicks(view.xMin, view.xMax, Math.max(2, Math.floor(rect.width / 80)));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.beginPath();
  for (const t of xt) {
    const px = Math.round(toPx(m, t)) + 0.5;
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + 4);
    ctx.fillText(formatTick(t), px, bottom + 6);
  }
  const yt = niceTicks(view.yMin, view.yMax, Math.max(2, Math.floor(rect.height / 60)));
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of yt) {
    const py = Math.round(toPy(m, t)) + 0.5;
    ctx.moveTo(rect.left, py);
    ctx.lineTo(rect.left - 4, py);
    ctx.fillText(formatTick(t), rect.left - 6, py);
  }
  ctx.stroke();
  // Axis names outside the frame: x past the right end of the x labels, y above the y labels.
  ctx.fillStyle = INK.text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText('x', right + 6, bottom + 6);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillText('y', rect.left - 6, rect.top - 8);
}

/** Minimum vertical spacing between colour-bar labels, in CSS px. */
const LABEL_GAP = 13;

/**
 * A vertical colour bar for the robust height range [zLo, zHi] (the range the heat map's colours
 * span), labelled in loss values at their display heights.
 */
export function drawColorBar(
  ctx: CanvasRenderingContext2D,
  stats: GridStats,
  mode: HeightMode,
  bar: PlotRect,
): void {
  const { zLo, zHi, fMin } = stats;
  if (!(zHi > zLo)) return;
  const grad = ctx.createLinearGradient(0, bar.top + bar.height, 0, bar.top);
  for (let i = 0; i < LUT_SIZE; i += 15)
    grad.addColorStop(i / (LUT_SIZE - 1), colormapCss(i / (LUT_SIZE - 1)));
  grad.addColorStop(1, colormapCss(1));
  ctx.fillStyle = grad;
  ctx.fillRect(bar.left, bar.top, bar.width, bar.height);
  ctx.strokeStyle = INK.border;
  ctx.strokeRect(bar.left - 0.5, bar.top - 0.5, bar.width + 1, bar.height + 1);

  const yOf = (z: number) => bar.top + bar.height * (1 - (z - zLo) / (zHi - zLo));
  const fLo = lossAtHeight(zLo, mode, fMin);
  const fHi = lossAtHeight(zHi, mode, fMin);
  // Labels are round values of f: powers of ten (and 0) in log mode, nice steps in linear mode.
  let candidates: number[];
  if (mode === 'log') {
    candidates = fHi > 0 ? logTicks(Math.max(fLo, fHi * 1e-6), fHi, 8) : [];
    if (fLo <= 0 && fHi >= 0) candidates.unshift(0);
  } else candidates = niceTicks(fLo, fHi, Math.max(2, Math.floor(bar.height / 50)));

  ctx.font = FONT;
  ctx.fillStyle = INK.muted;
  ctx.strokeStyle = INK.muted;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.beginPath();
  // Walk from the top (high values) down so the largest labels win when they crowd.
  let lastY = -Infinity;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const f = candidates[i];
    const y = yOf(heightOf(f, mode, fMin));
    if (y < bar.top - 0.5 || y > bar.top + bar.height + 0.5 || y - lastY < LABEL_GAP) continue;
    lastY = y;
    const py = Math.round(y) + 0.5;
    ctx.moveTo(bar.left + bar.width, py);
    ctx.lineTo(bar.left + bar.width + 3, py);
    ctx.fillText(
      mode === 'log' && f !== 0 ? formatLogTick(f) : formatTick(f),
      bar.left + bar.width + 5,
      py,
    );
  }
  ctx.stroke();
  ctx.fillStyle = INK.text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  ctx.fillText(mode === 'log' ? 'f (log)' : 'f', bar.left - 2, bar.top - 4);
}
