import type { Objective2D } from '../../engine/objective2d.ts';
import type { Domain } from '../../surfaces/surface.ts';
import {
  contourLines,
  heightOf,
  levelsFor,
  levelSegments,
  type ContourSet,
  type HeightMode,
} from '../../surfaces/grid/index.ts';
import type { GridPicture } from '../../state/gridWorker.ts';
import { requestDraw } from '../../state/playhead.ts';
import { GridFeed } from '../../state/surfaceView.ts';
import { fillHeatPixels } from './heatPixels.ts';
import { toPx, toPy, type Mapping, type PlotRect } from './viewport.ts';

/** Contour lines drawn over the heat map (log-spaced in log-height mode). */
export const CONTOUR_LEVELS = 18;

/**
 * The map's landscape: the surface sampled over exactly the view shown, its heat-map image and
 * its contour lines. Rebuilt only when the surface, the height mode or the view changes (a data
 * surface is sampled in the grid worker: its last picture stays, at its own view, until the new
 * one arrives, which sets `stale` and asks for a frame).
 */
export interface LandscapeLayer {
  readonly feed: GridFeed;
  /** The picture the image and contours were made from, and its generation. */
  sample: GridPicture | null;
  generation: number;
  contours: ContourSet | undefined;
  /** The heat map at one pixel per grid vertex, scaled up by drawImage. */
  image: HTMLCanvasElement;
  /** A new picture arrived from the worker since the layer was last drawn. */
  stale: boolean;
  /** The view and height mode of `sample` (not necessarily the ones last asked for). */
  mode: HeightMode;
  view: Domain;
}

export function createLandscapeLayer(): LandscapeLayer {
  const layer: LandscapeLayer = {
    feed: new GridFeed(() => {
      layer.stale = true;
      requestDraw();
    }),
    sample: null,
    generation: -1,
    contours: undefined,
    image: document.createElement('canvas'),
    stale: false,
    mode: 'linear',
    view: { xMin: 0, xMax: 0, yMin: 0, yMax: 0 },
  };
  return layer;
}

/** Bring the layer up to the picture for this view; returns whether the picture changed. */
export function updateLandscape(
  layer: LandscapeLayer,
  objective: Objective2D,
  view: Domain,
  n: number,
  mode: HeightMode,
): boolean {
  layer.stale = false;
  const { feed } = layer;
  const sample = feed.get(objective, view, n, mode);
  if (!sample || (sample === layer.sample && feed.generation === layer.generation)) return false;
  layer.sample = sample;
  layer.generation = feed.generation;
  layer.mode = sample.heightMode;
  layer.view = { ...sample.domain };
  n = sample.n;

  const { zLo, zHi } = sample.stats;
  const img = layer.image;
  if (img.width !== n) img.width = img.height = n;
  const ctx = img.getContext('2d')!;
  const data = ctx.createImageData(n, n);
  fillHeatPixels(sample.z, sample.mask, n, zLo, zHi, data.data);
  ctx.putImageData(data, 0, 0);

  const levels = levelsFor(sample.stats, CONTOUR_LEVELS, layer.mode);
  layer.contours = contourLines(
    sample.f,
    n,
    layer.view,
    levels,
    { mask: sample.mask },
    layer.contours,
  );
  return true;
}

/** Draw the heat map and the contour lines into rect (the caller has clipped to it). */
export function drawLandscape(
  ctx: CanvasRenderingContext2D,
  layer: LandscapeLayer,
  m: Mapping,
): void {
  const s = layer.sample;
  if (!s) return;
  const n = s.n;
  const { xMin, xMax, yMin, yMax } = layer.view;
  // Pixel centres sit on the grid vertices, so the image extends half a cell past the view.
  const hx = (xMax - xMin) / (n - 1) / 2;
  const hy = (yMax - yMin) / (n - 1) / 2;
  const left = toPx(m, xMin - hx);
  const top = toPy(m, yMax + hy);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(layer.image, left, top, toPx(m, xMax + hx) - left, toPy(m, yMin - hy) - top);

  const c = layer.contours;
  if (!c) return;
  const { zLo, zHi, fMin } = s.stats;
  const span = zHi > zLo ? zHi - zLo : 1;
  ctx.lineWidth = 1;
  for (let li = 0; li < c.levels.length; li++) {
    const seg = levelSegments(c, li);
    if (seg.length === 0) continue;
    // Light lines on the dark (low) part of the colour map, dark lines on the bright part.
    const t = (heightOf(c.levels[li], layer.mode, fMin) - zLo) / span;
    ctx.strokeStyle = t < 0.6 ? 'rgba(255,255,255,0.42)' : 'rgba(0,0,0,0.38)';
    ctx.beginPath();
    for (let o = 0; o < seg.length; o += 4) {
      ctx.moveTo(toPx(m, seg[o]), toPy(m, seg[o + 1]));
      ctx.lineTo(toPx(m, seg[o + 2]), toPy(m, seg[o + 3]));
    }
    ctx.stroke();
  }
}

/** A grid resolution for a plot rect: about one vertex per 3 px, within [96, 240]. */
export function gridSizeFor(rect: PlotRect): number {
  return Math.max(96, Math.min(240, Math.round(Math.max(rect.width, rect.height) / 3)));
}
