import type { Objective2D } from '../../engine/objective2d.ts';
import type { RunResult } from '../../engine/run.ts';
import type { ScenarioRun } from '../../scenario/scenario.ts';
import { toPx, toPy, type Mapping } from './viewport.ts';

/**
 * The "arrows" view option on the 2D map, the same three vectors the 3D view draws at each
 * run's head: white −lr·∇f (the step plain SGD would take), yellow −lr·momentum (where the
 * optimizer's memory pushes) and cyan the update it actually made, x_{k+1} − x_k. Drawn per
 * frame over the heads; lengths are the real steps in map units, clamped to stay readable.
 */

export type ArrowKind = 'gradient' | 'momentum' | 'update';

export const ARROW_COLOR: Record<ArrowKind, string> = {
  gradient: '#ffffff',
  momentum: '#ffd54f',
  update: '#00e5ff',
};

/** Shortest and longest arrow drawn, in CSS px: a converged run's 1e-9 step still shows a tip. */
export const ARROW_MIN_PX = 12;
export const ARROW_MAX_PX = 90;

export interface ArrowVector {
  kind: ArrowKind;
  dx: number;
  dy: number;
}

const g = new Float64Array(2);

/** The arrows at iterate k of a run, in domain units (finite, non-zero ones only). */
export function arrowVectors(objective: Objective2D, r: RunResult, k: number): ArrowVector[] {
  const out: ArrowVector[] = [];
  if (k < 0 || k >= r.points) return out;
  const x = r.trajectory[2 * k];
  const y = r.trajectory[2 * k + 1];
  const lr = r.lrs[Math.min(k, r.lrs.length - 1)];
  objective.grad(x, y, g);
  const push = (kind: ArrowKind, dx: number, dy: number) => {
    if (Number.isFinite(dx) && Number.isFinite(dy) && (dx !== 0 || dy !== 0))
      out.push({ kind, dx, dy });
  };
  push('gradient', -lr * g[0], -lr * g[1]);
  if (r.momentum) push('momentum', -lr * r.momentum[2 * k], -lr * r.momentum[2 * k + 1]);
  if (k + 1 < r.points) push('update', r.trajectory[2 * k + 2] - x, r.trajectory[2 * k + 3] - y);
  return out;
}

/** An arrow's tip in px from its tail (px, py), along the vector, its length clamped. */
export function arrowTip(
  m: Mapping,
  x: number,
  y: number,
  v: ArrowVector,
): { x0: number; y0: number; x1: number; y1: number } {
  const x0 = toPx(m, x);
  const y0 = toPy(m, y);
  const ex = toPx(m, x + v.dx) - x0;
  const ey = toPy(m, y + v.dy) - y0;
  const len = Math.hypot(ex, ey);
  const L = Math.min(ARROW_MAX_PX, Math.max(ARROW_MIN_PX, Number.isFinite(len) ? len : 0));
  // A step too long to map (1e300) still has a direction.
  const s = len > 0 && Number.isFinite(len) ? L / len : 0;
  const ux = Number.isFinite(len) ? ex * s : Math.sign(v.dx) * L;
  const uy = Number.isFinite(len) ? ey * s : -Math.sign(v.dy) * L;
  return { x0, y0, x1: x0 + ux, y1: y0 + uy };
}

/** Every visible run's arrows at the playhead's whole step. */
export function drawArrows(
  ctx: CanvasRenderingContext2D,
  m: Mapping,
  objective: Objective2D,
  frame: { runs: readonly ScenarioRun[]; results: readonly (RunResult | null)[]; step: number },
): void {
  ctx.lineCap = 'round';
  frame.runs.forEach((run, i) => {
    const r = frame.results[i];
    if (!run.visible || !r || r.points === 0) return;
    const k = Math.max(0, Math.min(Math.floor(frame.step), r.points - 1));
    const x = r.trajectory[2 * k];
    const y = r.trajectory[2 * k + 1];
    for (const v of arrowVectors(objective, r, k)) {
      const t = arrowTip(m, x, y, v);
      const ang = Math.atan2(t.y1 - t.y0, t.x1 - t.x0);
      const head = 6;
      ctx.beginPath();
      ctx.moveTo(t.x0, t.y0);
      ctx.lineTo(t.x1, t.y1);
      ctx.moveTo(t.x1 - head * Math.cos(ang - 0.45), t.y1 - head * Math.sin(ang - 0.45));
      ctx.lineTo(t.x1, t.y1);
      ctx.lineTo(t.x1 - head * Math.cos(ang + 0.45), t.y1 - head * Math.sin(ang + 0.45));
      // A dark casing first, so white and yellow read on the bright end of viridis.
      ctx.strokeStyle = 'rgba(0,0,0,0.6)';
      ctx.lineWidth = 3.5;
      ctx.stroke();
      ctx.strokeStyle = ARROW_COLOR[v.kind];
      ctx.lineWidth = 1.6;
      ctx.stroke();
    }
  });
}
