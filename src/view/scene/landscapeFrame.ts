import type { GridPicture } from '../../state/gridWorker.ts';
import { heightOf } from '../../surfaces/grid/index.ts';

/**
 * How the landscape sits in the scene. Children of the landscape group are drawn in domain
 * units (x, y, display height z); the group's scale and offset fit the domain into a 2-unit
 * square and the robust height range into HEIGHT units, so one spike does not flatten the
 * view (walls above the range are cut by a clipping plane at CLIP_TOP).
 */
export const HEIGHT = 0.6;
export const CLIP_TOP = 1.1;

export interface LandscapeFrame {
  /** World units per domain unit in x and y. */
  k: number;
  /** World units per height unit. */
  kz: number;
  cx: number;
  cy: number;
  /** The height drawn at world z = 0. */
  zBase: number;
  /** Heights are clamped to this for trails (above it the view is clipped). */
  zCap: number;
  fMin: number;
  mode: GridPicture['heightMode'];
}

export function landscapeFrame(g: GridPicture): LandscapeFrame {
  const { xMin, xMax, yMin, yMax } = g.domain;
  const k = 2 / Math.max(xMax - xMin, yMax - yMin);
  const { zMin, zHi } = g.stats;
  const span = zHi - zMin;
  const kz = span > 0 && Number.isFinite(span) ? HEIGHT / span : 1;
  return {
    k,
    kz,
    cx: (xMin + xMax) / 2,
    cy: (yMin + yMax) / 2,
    zBase: zMin,
    zCap: zMin + CLIP_TOP / kz,
    fMin: g.stats.fMin,
    mode: g.heightMode,
  };
}

/** Display height of a loss value, clamped to what the view can show; finite always. */
export function displayHeight(frame: LandscapeFrame, f: number): number {
  if (!Number.isFinite(f)) return frame.zCap;
  const z = heightOf(Math.max(f, frame.fMin), frame.mode, frame.fMin);
  return Math.min(Math.max(z, frame.zBase), frame.zCap);
}
