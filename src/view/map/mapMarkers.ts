import type { CriticalPoint } from '../../surfaces/surface.ts';
import { FONT, INK } from '../plots/canvasStyle.ts';
import { insideRect, toPx, toPy, type Mapping, type PlotRect } from './viewport.ts';

/** Shapes drawn on the map: known critical points, the start handle, the probe, run events. */

function starPath(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.45;
    if (i === 0) ctx.moveTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
    else ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
  }
  ctx.closePath();
}

function crossPath(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
}

/** ★ global minimum (filled), ☆ local minimum (outlined), × saddle; points off the view are skipped. */
export function drawCriticalPoints(
  ctx: CanvasRenderingContext2D,
  points: readonly CriticalPoint[],
  m: Mapping,
  rect: PlotRect,
): void {
  ctx.lineJoin = 'round';
  for (const p of points) {
    const x = toPx(m, p.x);
    const y = toPy(m, p.y);
    if (!insideRect(rect, x, y)) continue;
    if (p.kind === 'saddle') {
      crossPath(ctx, x, y, 5);
      ctx.lineWidth = 4;
      ctx.strokeStyle = 'rgba(0,0,0,0.7)';
      ctx.stroke();
      ctx.lineWidth = 2;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
    } else {
      starPath(ctx, x, y, 8);
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(0,0,0,0.75)';
      ctx.stroke();
      if (p.kind === 'global-min') {
        ctx.fillStyle = '#ffffff';
        ctx.fill();
      } else {
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = '#ffffff';
        ctx.stroke();
      }
    }
  }
}

/** The start point: a ring with a cross-hair, the handle the user drags. */
export function drawStartHandle(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  active: boolean,
): void {
  const r = active ? 9 : 7;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.lineWidth = 4;
  ctx.strokeStyle = 'rgba(0,0,0,0.7)';
  ctx.stroke();
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x - r - 4, y);
  ctx.lineTo(x - r + 3, y);
  ctx.moveTo(x + r - 3, y);
  ctx.lineTo(x + r + 4, y);
  ctx.moveTo(x, y - r - 4);
  ctx.lineTo(x, y - r + 3);
  ctx.moveTo(x, y + r - 3);
  ctx.lineTo(x, y + r + 4);
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

/** Where the curvature readout is evaluated: a dashed circle with a centre dot. */
export function drawProbe(ctx: CanvasRenderingContext2D, x: number, y: number): void {
  ctx.beginPath();
  ctx.arc(x, y, 6, 0, 2 * Math.PI);
  ctx.setLineDash([3, 2]);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = INK.focus;
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.arc(x, y, 1.5, 0, 2 * Math.PI);
  ctx.fillStyle = INK.focus;
  ctx.fill();
}

/** Whether the box (x, y, w, h) overlaps one of the boxes in `taken` (flattened quadruples). */
function overlaps(taken: readonly number[], x: number, y: number, w: number, h: number): boolean {
  for (let i = 0; i < taken.length; i += 4)
    if (
      x < taken[i] + taken[i + 2] &&
      taken[i] < x + w &&
      y < taken[i + 1] + taken[i + 3] &&
      taken[i + 1] < y + h
    )
      return true;
  return false;
}

/**
 * A labelled event at a run's last point ("diverged", "stopped"), kept inside the rect. Runs
 * that blow up in the same direction end at the same clamped corner, so a label moves down (or
 * up) past the labels already placed this frame, listed in `taken`, and adds its own box.
 */
export function drawRunEvent(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  label: string,
  color: string,
  rect: PlotRect,
  danger: boolean,
  taken: number[],
): void {
  const cx = Math.min(rect.left + rect.width - 8, Math.max(rect.left + 8, x));
  const cy = Math.min(rect.top + rect.height - 8, Math.max(rect.top + 8, y));
  crossPath(ctx, cx, cy, 6);
  ctx.lineWidth = 4;
  ctx.strokeStyle = 'rgba(0,0,0,0.75)';
  ctx.stroke();
  ctx.lineWidth = 2;
  ctx.strokeStyle = danger ? INK.danger : color;
  ctx.stroke();
  ctx.font = FONT;
  const w = ctx.measureText(label).width + 6;
  const h = 16;
  // Label to the side with room, on a dark chip so it reads on any colour.
  const lx = cx + 10 + w > rect.left + rect.width ? cx - 10 - w : cx + 10;
  const top = rect.top + 1;
  const bottom = rect.top + rect.height - 1;
  let ly = Math.min(bottom - h, Math.max(top, cy - h / 2));
  const dir = ly + h / 2 < rect.top + rect.height / 2 ? 1 : -1;
  for (let tries = 0; tries < 12 && overlaps(taken, lx, ly, w, h); tries++) ly += dir * (h + 2);
  taken.push(lx, ly, w, h);
  ctx.fillStyle = 'rgba(15,17,21,0.8)';
  ctx.fillRect(lx, ly, w, h);
  ctx.fillStyle = danger ? INK.danger : color;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, lx + 3, ly + h / 2);
}

/**
 * A head that is outside the view: a small triangle on the rect's edge pointing towards it, so a
 * run that left the picture is not silently gone. (dirX, dirY) is the direction from the rect's
 * centre in pixel axes (any finite length).
 */
export function drawOffscreenHead(
  ctx: CanvasRenderingContext2D,
  dirX: number,
  dirY: number,
  color: string,
  rect: PlotRect,
): void {
  if (!Number.isFinite(dirX) || !Number.isFinite(dirY) || (dirX === 0 && dirY === 0)) return;
  // Scale the direction so it meets the rect inset by 8 px.
  const s = Math.min(
    dirX !== 0 ? (rect.width / 2 - 8) / Math.abs(dirX) : Infinity,
    dirY !== 0 ? (rect.height / 2 - 8) / Math.abs(dirY) : Infinity,
  );
  const ex = rect.left + rect.width / 2 + dirX * s;
  const ey = rect.top + rect.height / 2 + dirY * s;
  const a = Math.atan2(dirY, dirX);
  ctx.beginPath();
  ctx.moveTo(ex + 7 * Math.cos(a), ey + 7 * Math.sin(a));
  ctx.lineTo(ex + 6 * Math.cos(a + 2.4), ey + 6 * Math.sin(a + 2.4));
  ctx.lineTo(ex + 6 * Math.cos(a - 2.4), ey + 6 * Math.sin(a - 2.4));
  ctx.closePath();
  ctx.fillStyle = color;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = 'rgba(0,0,0,0.8)';
  ctx.stroke();
}
