import { fmtNum } from '../../engine/formatNumber.ts';
import { FONT_SMALL, INK } from './canvasStyle.ts';
import { drawOffsetNote } from './drawPlot.ts';
import type { FinderData } from './lrFinderData.ts';
import { linearScale, logScale } from './scale.ts';
import { drawXYFrame, type XYLayout } from './drawXYFrame.ts';

/** The LR range test's plot on a canvas: axes, curves, the picks, the playhead dot. */

const MARGIN = { left: 40, right: 10, top: 6, bottom: 15 };
export const PICK_COLOR = { steepest: '#7ee787', minimum: '#f0b44c' } as const;

export type FinderLayout = XYLayout;

export function finderLayout(d: FinderData, w: number, h: number): FinderLayout {
  const width = Math.max(1, w - MARGIN.left - MARGIN.right);
  const height = Math.max(1, h - MARGIN.top - MARGIN.bottom);
  const { left, top } = MARGIN;
  return {
    x: logScale(d.xMin, d.xMax, left, left + width),
    y: linearScale(d.yMin, d.yMax, top + height, top),
    left,
    top,
    width,
    height,
  };
}

/** Axes, the loss curves against lr, and the two picks as labelled vertical lines. */
export function drawFinderStatic(ctx: CanvasRenderingContext2D, d: FinderData, l: FinderLayout) {
  const bottom = l.top + l.height;
  const right = l.left + l.width;
  const yl = drawXYFrame(ctx, l, { grid: true, rightPad: MARGIN.right });

  ctx.save();
  ctx.beginPath();
  ctx.rect(l.left, l.top - 1, l.width, l.height + 2);
  ctx.clip();
  ctx.lineWidth = 1.5;
  ctx.lineJoin = 'round';
  for (const s of d.series) {
    ctx.beginPath();
    const { lrs, losses } = s.curve;
    for (let i = 0; i < lrs.length; i++) {
      const px = l.x.map(lrs[i]);
      const py = l.y.map(losses[i]);
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.strokeStyle = s.color;
    ctx.stroke();
  }
  // The picks of every series; their values are written for the first (one range test is usual).
  d.series.forEach((s, si) => {
    const picks = [
      { p: s.picks.steepest, color: PICK_COLOR.steepest, name: 'steepest', row: 0 },
      { p: s.picks.minimum, color: PICK_COLOR.minimum, name: 'min loss', row: 1 },
    ];
    for (const { p, color, name, row } of picks) {
      if (!p) continue;
      const px = Math.round(l.x.map(p.lr)) + 0.5;
      ctx.strokeStyle = color;
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(px, l.top);
      ctx.lineTo(px, bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.arc(px, l.y.map(s.curve.losses[p.index]), 3.5, 0, 2 * Math.PI);
      ctx.fillStyle = color;
      ctx.fill();
      if (si > 0) continue;
      const text = `${name} lr ${fmtNum(p.lr, 2)}`;
      ctx.font = FONT_SMALL;
      const w = ctx.measureText(text).width;
      const onRight = px + 4 + w <= right;
      const tx = onRight ? px + 4 : px - 4 - w;
      const ty = l.top + 3 + row * 13;
      ctx.fillStyle = 'rgba(15,17,21,0.85)';
      ctx.fillRect(tx - 2, ty - 1, w + 4, 12);
      ctx.fillStyle = color;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(text, tx, ty);
    }
  });
  ctx.restore();
  if (yl.offset) drawOffsetNote(ctx, `loss = ${yl.offset}`, l.left + 3, bottom - 14);
}

/** The playhead: a dot on each curve at the lr of the step that produced the shown iterate. */
export function drawFinderCursor(
  ctx: CanvasRenderingContext2D,
  d: FinderData,
  l: FinderLayout,
  step: number,
) {
  const i = Math.floor(step) - 1;
  for (const s of d.series) {
    if (i < 0 || i >= s.curve.lrs.length) continue;
    const py = Math.min(l.top + l.height, Math.max(l.top, l.y.map(s.curve.losses[i])));
    ctx.beginPath();
    ctx.arc(l.x.map(s.curve.lrs[i]), py, 3, 0, 2 * Math.PI);
    ctx.fillStyle = s.color;
    ctx.fill();
    ctx.strokeStyle = INK.text;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
}
