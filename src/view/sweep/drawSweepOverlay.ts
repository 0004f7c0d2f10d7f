import type { SweepResult } from '../../scenario/sweep/sweepResult.ts';
import { VIRIDIS_LUT, colormapIndex } from '../colormap.ts';
import { toPx, toPy, type Mapping } from '../map/viewport.ts';
import { basinColor } from './basinColors.ts';
import { axisEdges } from './heatmapData.ts';
import { fanMean, fanPaths } from './seedFan.ts';

/** What the map draws of a sweep: a basin map's cells or a seed fan's paths. */
export interface SweepOverlay {
  result: SweepResult;
  /** Basins: colour by where each run ends, or by its metric (viridis, log when it spans decades). */
  colorBy: 'ends' | 'metric';
  /** The fanned run's colour. */
  color: string;
  /** Bumped as cells arrive (the result is filled in place): the map redraws its layer. */
  version: number;
}

const OPACITY = 0.55;
const image = typeof document === 'undefined' ? null : document.createElement('canvas');
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** The basin map's cells (first seed) as a translucent image over their start points. */
export function drawBasins(ctx: CanvasRenderingContext2D, m: Mapping, o: SweepOverlay): void {
  const r = o.result;
  const [xs, ys] = r.plan.axes;
  const nx = xs.length;
  const ny = ys.length;
  if (!image || nx < 1 || ny < 1) return;
  image.width = nx;
  image.height = ny;
  const ictx = image.getContext('2d');
  if (!ictx) return;
  const img = ictx.createImageData(nx, ny);
  let lo = Infinity;
  let hi = -Infinity;
  for (let c = 0; c < nx * ny; c++) {
    const v = r.values[c];
    if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  }
  const log = lo > 0 && hi > 100 * lo;
  const t = (v: number) =>
    log ? Math.log(v / lo) / Math.log(hi / lo) : hi > lo ? (v - lo) / (hi - lo) : 0.5;
  for (let i = 0; i < nx; i++)
    for (let j = 0; j < ny; j++) {
      const c = i * ny + j;
      const v = r.values[c];
      if (Number.isNaN(v)) continue;
      const o4 = 4 * ((ny - 1 - j) * nx + i);
      let col: number[];
      if (o.colorBy === 'ends' && r.ends) col = rgb(basinColor(r.ends[c]));
      else if (!Number.isFinite(v)) col = [0, 0, 0];
      else {
        const k = 4 * colormapIndex(t(v));
        col = [VIRIDIS_LUT[k], VIRIDIS_LUT[k + 1], VIRIDIS_LUT[k + 2]];
      }
      img.data[o4] = col[0];
      img.data[o4 + 1] = col[1];
      img.data[o4 + 2] = col[2];
      img.data[o4 + 3] = Math.round(255 * OPACITY);
    }
  ictx.putImageData(img, 0, 0);
  const ranges = r.plan.sweep.ranges;
  const logX = ranges[0]?.[2] === 'log';
  const logY = ranges[1]?.[2] === 'log';
  ctx.imageSmoothingEnabled = false;
  if (!logX && !logY) {
    // Evenly spaced on the map: the image, one pixel per cell, stretched over the cells.
    const [x0, x1] = axisEdges(xs, false);
    const [y0, y1] = axisEdges(ys, false);
    const left = toPx(m, x0);
    const top = toPy(m, y1);
    ctx.drawImage(image, left, top, toPx(m, x1) - left, toPy(m, y0) - top);
  } else {
    // A log-spaced axis is uneven on the map's linear axes: each column or row of cells is
    // drawn from its own strip of the image, between its edges.
    const ex = cellEdges(xs, logX);
    const ey = cellEdges(ys, logY);
    for (let i = 0; i < nx; i++)
      for (let j = 0; j < ny; j++) {
        const left = toPx(m, ex[i]);
        const top = toPy(m, ey[j + 1]);
        ctx.drawImage(
          image,
          i,
          ny - 1 - j,
          1,
          1,
          left,
          top,
          toPx(m, ex[i + 1]) - left,
          toPy(m, ey[j]) - top,
        );
      }
  }
  ctx.imageSmoothingEnabled = true;
}

/** The n + 1 edges of an axis's cells: midway between neighbours (in log10 for a log axis). */
function cellEdges(values: readonly number[], log: boolean): number[] {
  const [lo, hi] = axisEdges(values, log);
  const out = [lo];
  for (let i = 1; i < values.length; i++)
    out.push(log ? Math.sqrt(values[i - 1] * values[i]) : (values[i - 1] + values[i]) / 2);
  out.push(hi);
  return out;
}

/**
 * A seed fan: every computed seed's path faint in the run's colour, and their mean (iterate by
 * iterate, over the seeds that reached it) bold on a dark casing.
 */
export function drawSeedFan(ctx: CanvasRenderingContext2D, m: Mapping, o: SweepOverlay): void {
  const paths = fanPaths(o.result);
  if (paths.length === 0) return;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.strokeStyle = o.color;
  ctx.globalAlpha = 0.5;
  ctx.lineWidth = 1.5;
  for (const p of paths) trace(ctx, m, p);
  ctx.globalAlpha = 1;
  const mean = fanMean(paths);
  ctx.lineWidth = 4;
  ctx.strokeStyle = 'rgba(0,0,0,0.7)';
  trace(ctx, m, mean);
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#ffffff';
  ctx.setLineDash([5, 3]);
  trace(ctx, m, mean);
  ctx.setLineDash([]);
}

/** One path as a polyline; non-finite or far-off points break it (the caller clips to the view). */
function trace(ctx: CanvasRenderingContext2D, m: Mapping, p: Float64Array): void {
  ctx.beginPath();
  let pen = false;
  for (let k = 0; k + 1 < p.length; k += 2) {
    const x = toPx(m, p[k]);
    const y = toPy(m, p[k + 1]);
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 1e5 || Math.abs(y) > 1e5) {
      pen = false;
      continue;
    }
    if (pen) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
    pen = true;
  }
  ctx.stroke();
}
