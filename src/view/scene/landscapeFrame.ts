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
  /** The box the landscape occupies, in world units: |x| ≤ hx, |y| ≤ hy, 0 ≤ z ≤ zTop. */
  hx: number;
  hy: number;
  zTop: number;
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
    hx: (k * (xMax - xMin)) / 2,
    hy: (k * (yMax - yMin)) / 2,
    zTop: Math.min(CLIP_TOP, Number.isFinite(g.stats.zMax) ? kz * (g.stats.zMax - zMin) : HEIGHT),
  };
}

/** Display height of a loss value, clamped to what the view can show; finite always. */
export function displayHeight(frame: LandscapeFrame, f: number): number {
  if (!Number.isFinite(f)) return frame.zCap;
  const z = heightOf(Math.max(f, frame.fMin), frame.mode, frame.fMin);
  return Math.min(Math.max(z, frame.zBase), frame.zCap);
}

/** Degrees: a three-quarter view from the front, high enough to see into valleys. */
export const DEFAULT_ANGLE = { azimuth: 12, elevation: 50 };
/** Room left around the box, as a fraction of the view (labels and the trail's width). */
const FIT_MARGIN = 0.9;

/**
 * The default camera: looking at the landscape's box from `angle` (see SurfaceView.camera), as
 * close as it can be with all eight corners of the box inside a view of this aspect and
 * vertical field of view. Per corner p (relative to the target), with the camera at distance D
 * along the unit direction d: depth D − p·d, and p's offsets along the screen's right and up
 * axes must fit in tan(fov/2)·depth; the largest D any corner needs is the fit.
 */
export function fitCamera(
  frame: LandscapeFrame,
  aspect: number,
  fovDeg: number,
  angle: { azimuth: number; elevation: number } = DEFAULT_ANGLE,
): { position: [number, number, number]; target: [number, number, number] } {
  const az = (angle.azimuth * Math.PI) / 180;
  const el = (angle.elevation * Math.PI) / 180;
  // From the target towards the camera.
  const dx = Math.sin(az) * Math.cos(el);
  const dy = -Math.cos(az) * Math.cos(el);
  const dz = Math.sin(el);
  // Screen axes: right = forward × up (z), up' = right × forward, forward = −d.
  const rl = Math.hypot(dy, dx) || 1;
  const rx = -dy / rl;
  const ry = dx / rl;
  const ux = -ry * dz;
  const uy = rx * dz;
  const uz = rx * dy * -1 + ry * dx;
  const tanV = Math.tan((fovDeg * Math.PI) / 360) * FIT_MARGIN;
  const tanH = tanV * (aspect > 0 && Number.isFinite(aspect) ? aspect : 1);
  const tz = frame.zTop / 2;
  let D = 0;
  for (const sx of [-1, 1])
    for (const sy of [-1, 1])
      for (const sz of [-1, 1]) {
        const px = sx * frame.hx;
        const py = sy * frame.hy;
        const pz = sz * tz;
        const depth = px * dx + py * dy + pz * dz;
        const right = Math.abs(px * rx + py * ry);
        const up = Math.abs(px * ux + py * uy + pz * uz);
        D = Math.max(D, depth + right / tanH, depth + up / tanV);
      }
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return {
    position: [r(D * dx), r(D * dy), r(tz + D * dz)],
    target: [0, 0, r(tz)],
  };
}
