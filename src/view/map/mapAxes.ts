import type { Domain } from '../../surfaces/surface.ts';
import type { GridStats, HeightMode } from '../../surfaces/grid/index.ts';
import { heightOf, lossAtHeight } from '../../surfaces/grid/index.ts';
import { colormapCss, LUT_SIZE } from '../colormap.ts';
import { logTickLabels, tickLabels } from '../../engine/formatNumber.ts';
import { niceTicks } from '../niceTicks.ts';
import { logTicks } from '../plots/logTicks.ts';
import { FONT, INK } from '../plots/canvasStyle.ts';
import { toPx, toPy, type Mapping, type PlotRect } from './viewport.ts';

/** Tick marks and labels in domain units on the left and bottom edges, and a frame. */
export function drawMapAxes(
  ctx: CanvasRenderingContext2D,
  view: Domain,
  rect: PlotRect,
  m: Mapping,
  [xName, yName]: readonly [string, string] = ['x', 'y'],
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
  const xl = tickLabels(xt);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.beginPath();
  xt.forEach((t, i) => {
    const px = Math.round(toPx(m, t)) + 0.5;
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + 4);
    ctx.fillText(xl.labels[i], px, bottom + 6);
  });
  const yt = niceTicks(view.yMin, view.yMax, Math.max(2, Math.floor(rect.height / 60)));
  const yl = tickLabels(yt);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  yt.forEach((t, i) => {
    const py = Math.round(toPy(m, t)) + 0.5;
    ctx.moveTo(rect.left, py);
    ctx.lineTo(rect.left - 4, py);
    ctx.fillText(yl.labels[i], rect.left - 6, py);
  });
  ctx.stroke();
  // Axis names outside the frame: x past the right end of the x labels, y above the y labels.
  // With offset labels the name says what k means ("x = 3.1416 + k·1e-5"), above the frame:
  // y's at the left, x's at the right.
  ctx.fillStyle = INK.text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(xName, right + 6, bottom + 6);
  ctx.textBaseline = 'bottom';
  if (xl.offset) {
    ctx.textAlign = 'right';
    ctx.fillText(`${xName} = ${xl.offset}`, right, rect.top - 8);
  }
  ctx.textAlign = yl.offset ? 'left' : 'right';
  ctx.fillText(
    yl.offset ? `${yName} = ${yl.offset}` : yName,
    yl.offset ? rect.left - 40 : rect.left - 6,
    rect.top - 8,
  );
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
  // Labels are round values of f: powers of ten (and 0) in log mode while f spans decades above
  // 0, else nice steps (a surface below 0, Easom's −1…0, has no powers of ten to show).
  const logLabels = mode === 'log' && fHi > 0 && fHi > 100 * Math.max(fLo, 0);
  let candidates: number[];
  if (logLabels) {
    candidates = logTicks(Math.max(fLo, fHi * 1e-6), fHi, 8);
    if (fLo <= 0 && fHi >= 0) candidates.unshift(0);
  } else candidates = niceTicks(fLo, fHi, Math.max(2, Math.floor(bar.height / 50)));

  ctx.font = FONT;
  ctx.fillStyle = INK.muted;
  ctx.strokeStyle = INK.muted;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  // Labels chosen as a set (short and distinct even over Easom's −1…−0.99996); 0 on its own.
  const labelled = logLabels ? candidates.filter((f) => f !== 0) : candidates;
  const set = logLabels ? logTickLabels(labelled) : tickLabels(labelled);
  const labelOf = (f: number): string => set.labels[labelled.indexOf(f)] ?? '0';
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
    ctx.fillText(labelOf(f), bar.left + bar.width + 5, py);
  }
  ctx.stroke();
  ctx.fillStyle = INK.text;
  ctx.textAlign = set.offset ? 'right' : 'left';
  ctx.textBaseline = 'bottom';
  const name = mode === 'log' ? 'f (log)' : 'f';
  ctx.fillText(
    set.offset ? `${name} = ${set.offset}` : name,
    set.offset ? bar.left + bar.width + 40 : bar.left - 2,
    bar.top - 4,
  );
}
