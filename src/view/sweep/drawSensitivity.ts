import { drawOffsetNote } from '../plots/drawPlot.ts';
import { drawXYFrame, type XYLayout } from '../plots/drawXYFrame.ts';
import { linearScale, logScale } from '../plots/scale.ts';
import { INK } from '../plots/canvasStyle.ts';
import type { SensitivityData } from './sensitivityData.ts';

/** The lr sensitivity plot on a canvas: log lr axis, one curve per run, bands, marks. */

const MARGIN = { left: 44, right: 10, top: 8, bottom: 16 };

export function sensitivityLayout(d: SensitivityData, w: number, h: number): XYLayout {
  const width = Math.max(1, w - MARGIN.left - MARGIN.right);
  const height = Math.max(1, h - MARGIN.top - MARGIN.bottom);
  const { left, top } = MARGIN;
  const bottom = top + height;
  return {
    x: logScale(d.xMin, d.xMax, left, left + width),
    y: d.log ? logScale(d.yMin, d.yMax, bottom, top) : linearScale(d.yMin, d.yMax, bottom, top),
    left,
    top,
    width,
    height,
  };
}

/** Where one point of a curve is drawn, or null for a point not drawn (pending, diverged). */
export function pointPx(
  l: XYLayout,
  lr: number,
  v: number,
): { x: number; y: number; diverged: boolean } | null {
  if (Number.isNaN(v)) return null;
  const x = l.x.map(lr);
  if (!Number.isFinite(v)) return { x, y: l.top, diverged: true };
  return { x, y: Math.max(l.top, Math.min(l.top + l.height, l.y.map(v))), diverged: false };
}

/**
 * The frame, then per curve: its band (translucent), its line (broken where an lr diverged or
 * is still to come), a dot per lr, a × on the top edge per diverged lr, a dashed line at the
 * run's current lr and a ring on its best point.
 */
export function drawSensitivity(ctx: CanvasRenderingContext2D, d: SensitivityData, l: XYLayout) {
  const yl = drawXYFrame(ctx, l, { grid: true, rightPad: MARGIN.right });
  const bottom = l.top + l.height;
  ctx.save();
  ctx.beginPath();
  ctx.rect(l.left, l.top - 2, l.width, l.height + 4);
  ctx.clip();
  for (const c of d.curves) {
    if (c.lo && c.hi) {
      // The band: each run of consecutive finite lo/hi as one closed polygon.
      ctx.fillStyle = c.color;
      ctx.globalAlpha = 0.18;
      let i = 0;
      while (i < c.lrs.length) {
        while (i < c.lrs.length && !Number.isFinite(c.lo[i])) i++;
        const from = i;
        while (i < c.lrs.length && Number.isFinite(c.lo[i])) i++;
        if (i - from < 2) continue;
        ctx.beginPath();
        for (let k = from; k < i; k++) ctx.lineTo(l.x.map(c.lrs[k]), l.y.map(c.hi[k]));
        for (let k = i - 1; k >= from; k--) ctx.lineTo(l.x.map(c.lrs[k]), l.y.map(c.lo[k]));
        ctx.closePath();
        ctx.fill();
      }
      ctx.globalAlpha = 1;
    }
    ctx.strokeStyle = c.color;
    ctx.lineWidth = 1.5;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < c.lrs.length; i++) {
      const p = pointPx(l, c.lrs[i], c.mid[i]);
      if (!p || p.diverged) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(p.x, p.y);
      else ctx.moveTo(p.x, p.y);
      pen = true;
    }
    ctx.stroke();
    ctx.fillStyle = c.color;
    ctx.lineWidth = 1.2;
    for (let i = 0; i < c.lrs.length; i++) {
      const p = pointPx(l, c.lrs[i], c.mid[i]);
      if (!p) continue;
      if (p.diverged) {
        ctx.beginPath();
        ctx.moveTo(p.x - 3, p.y + 1);
        ctx.lineTo(p.x + 3, p.y + 7);
        ctx.moveTo(p.x + 3, p.y + 1);
        ctx.lineTo(p.x - 3, p.y + 7);
        ctx.stroke();
      } else {
        ctx.beginPath();
        ctx.arc(p.x, p.y, 2, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    if (c.current !== null && c.current >= d.xMin && c.current <= d.xMax) {
      const px = Math.round(l.x.map(c.current)) + 0.5;
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(px, l.top);
      ctx.lineTo(px, bottom);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    const b = c.best >= 0 ? pointPx(l, c.lrs[c.best], c.mid[c.best]) : null;
    if (b) {
      ctx.beginPath();
      ctx.arc(b.x, b.y, 5, 0, 2 * Math.PI);
      ctx.strokeStyle = INK.text;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
  }
  ctx.restore();
  if (yl.offset) drawOffsetNote(ctx, `y = ${yl.offset}`, l.left + 3, bottom - 14);
}

/**
 * The point nearest a pixel: its run and lr, or null when none is within reach (14 px, or most
 * of the way to the next lr when the points are sparse, so a click on the line between two
 * points takes the nearer).
 */
export function pointNear(
  d: SensitivityData,
  l: XYLayout,
  px: number,
  py: number,
): { run: number; lr: number; value: number } | null {
  let best: { run: number; lr: number; value: number } | null = null;
  const n = d.curves[0]?.lrs.length ?? 1;
  let bestD = Math.max(14, (0.6 * l.width) / Math.max(1, n - 1));
  for (const c of d.curves)
    for (let i = 0; i < c.lrs.length; i++) {
      const p = pointPx(l, c.lrs[i], c.mid[i]);
      if (!p) continue;
      const dist = Math.hypot(p.x - px, p.y - py);
      if (dist <= bestD) {
        bestD = dist;
        best = { run: c.run, lr: c.lrs[i], value: c.mid[i] };
      }
    }
  return best;
}
