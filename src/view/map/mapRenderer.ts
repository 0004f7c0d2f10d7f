import type { RunResult } from '../../engine/run.ts';
import type { ScenarioRun } from '../../scenario/scenario.ts';
import type { BuiltSurface } from '../../scenario/runScenario.ts';
import type { CriticalPoint, Domain } from '../../surfaces/surface.ts';
import type { HeightMode } from '../../surfaces/grid/index.ts';
import { FONT, INK, fitCanvas } from '../plots/canvasStyle.ts';
import {
  drawLandscape,
  createLandscapeLayer,
  gridSizeFor,
  updateLandscape,
} from './landscapeLayer.ts';
import { drawColorBar, drawMapAxes } from './mapAxes.ts';
import { drawCriticalPoints, drawProbe, drawStartHandle } from './mapMarkers.ts';
import { drawHeads, drawTrails } from './drawRuns.ts';
import { drawArrows } from './drawArrows.ts';
import { drawBasins, drawSeedFan, type SweepOverlay } from '../sweep/drawSweepOverlay.ts';
import {
  fitView,
  fromPx,
  insideRect,
  insideView,
  fromPy,
  mappingOf,
  toPx,
  toPy,
  viewUsable,
  zoomView,
  type Mapping,
  type PlotRect,
} from './viewport.ts';

/** Room around the plot for tick labels (left, bottom) and the colour bar (right). */
const MARGIN = { left: 48, right: 70, top: 22, bottom: 26 };
const BAR_WIDTH = 10;

/** Everything one frame of the map shows; read from the stores by the component. */
export interface MapFrame {
  built: BuiltSurface | null;
  error: string | null;
  mode: HeightMode;
  /** The densest grid the surface is worth sampling at (data surfaces), if any. */
  maxResolution?: number;
  points: readonly CriticalPoint[];
  runs: readonly ScenarioRun[];
  results: readonly (RunResult | null)[];
  step: number;
  selected: number;
  start: readonly [number, number] | null;
  probe: readonly [number, number] | null;
  /** The start handle is being dragged (drawn larger). */
  dragging: boolean;
  /** The "arrows" option: −lr·∇f, momentum and update at each head (drawArrows.ts). */
  arrows?: boolean;
  /** A basin map or seed fan drawn over the landscape, under the trails. */
  overlay?: SweepOverlay | null;
}

function sameFrame(a: MapFrame | null, b: MapFrame): boolean {
  if (!a) return false;
  for (const k of Object.keys(b) as (keyof MapFrame)[]) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The 2D map, drawn on one canvas from two offscreen layers: a static layer (heat map, contours,
 * axes, colour bar, critical points), redrawn only when the surface, height mode, view or size
 * changes; and a trail layer (a copy of it with the trails up to the playhead), extended as the
 * playhead moves. Each frame copies the trail layer and draws the heads and handles on top.
 */
export class MapRenderer {
  private readonly canvas: HTMLCanvasElement;
  private readonly staticCanvas = document.createElement('canvas');
  /** The static layer plus the trails so far (see updateTrails). */
  private readonly trails = document.createElement('canvas');
  /** Per run: the iterate its trail on the trail layer reaches. */
  private readonly drawnTo: number[] = [];
  /** The whole step the trail layer was drawn for. */
  private trailStep = 0;
  private readonly layer = createLandscapeLayer();
  private cssWidth = 0;
  private cssHeight = 0;
  private dpr = 1;
  /** The zoomed-in view the user chose, or null to fit the surface's domain. */
  private userView: Domain | null = null;
  private domainOf: Domain | null = null;
  /** What the static layer was drawn from. */
  private drawn: {
    built: unknown;
    mode: HeightMode;
    points: unknown;
    key: string;
    overlay: string;
  } | null = null;
  /** The last frame drawn (its fields are values or objects the stores replace, never mutate). */
  private last: MapFrame | null = null;
  rect: PlotRect = { left: 0, top: 0, width: 1, height: 1 };
  view: Domain = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  mapping: Mapping = { ax: 0, bx: 1, ay: 0, by: -1 };

  constructor(canvas: HTMLCanvasElement) {
    this.canvas = canvas;
  }

  resize(cssWidth: number, cssHeight: number): void {
    this.cssWidth = cssWidth;
    this.cssHeight = cssHeight;
  }

  get zoomed(): boolean {
    return this.userView !== null;
  }

  /** Zoom by `factor` (< 1 in) about the pixel (px, py); returns whether the view changed. */
  zoomAt(px: number, py: number, factor: number): boolean {
    const next = zoomView(this.view, fromPx(this.mapping, px), fromPy(this.mapping, py), factor);
    if (!viewUsable(next)) return false;
    this.userView = next;
    return true;
  }

  /** Move the view by a pixel offset (a drag with the middle button). */
  panBy(dpx: number, dpy: number): void {
    const dx = dpx / this.mapping.bx;
    const dy = dpy / this.mapping.by;
    const v = this.view;
    this.userView = { xMin: v.xMin - dx, xMax: v.xMax - dx, yMin: v.yMin - dy, yMax: v.yMax - dy };
  }

  resetView(): void {
    this.userView = null;
  }

  /** The domain point under a pixel (CSS px relative to the canvas). */
  pick(px: number, py: number): [number, number] {
    return [fromPx(this.mapping, px), fromPy(this.mapping, py)];
  }

  inPlot(px: number, py: number): boolean {
    return insideRect(this.rect, px, py);
  }

  draw(f: MapFrame): void {
    const dpr = fitCanvas(this.canvas, this.cssWidth, this.cssHeight);
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    // A new surface resets the zoom: the old view may not even overlap the new domain.
    if (f.built && f.built.domain !== this.domainOf) {
      this.domainOf = f.built.domain;
      this.userView = null;
    }
    this.layout();
    const key = `${this.cssWidth}x${this.cssHeight}@${dpr}|${this.view.xMin},${this.view.xMax},${this.view.yMin},${this.view.yMax}`;
    const d = this.drawn;
    const o = f.overlay;
    const overlay = o ? `${o.result.plan.sweep.kind}|${o.colorBy}|${o.color}|${o.version}` : '';
    const staticChanged =
      !d ||
      d.built !== f.built ||
      d.mode !== f.mode ||
      d.points !== f.points ||
      d.key !== key ||
      d.overlay !== overlay ||
      dpr !== this.dpr ||
      this.layer.stale;
    if (staticChanged) {
      this.dpr = dpr;
      this.drawStatic(f);
      this.drawn = { built: f.built, mode: f.mode, points: f.points, key, overlay };
    }
    // Nothing moved since the last frame (another view asked for the draw): keep the pixels.
    if (!staticChanged && sameFrame(this.last, f)) return;
    const prev = this.last;
    this.last = { ...f };

    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (!f.built) {
      ctx.drawImage(this.staticCanvas, 0, 0);
      return;
    }
    const whole = Math.floor(f.step);
    const restart =
      staticChanged ||
      !prev ||
      prev.results !== f.results ||
      prev.runs !== f.runs ||
      prev.selected !== f.selected ||
      whole < this.trailStep;
    this.updateTrails(f, restart);
    this.trailStep = whole;

    ctx.drawImage(this.trails, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.save();
    const r = this.rect;
    ctx.beginPath();
    ctx.rect(r.left, r.top, r.width, r.height);
    ctx.clip();
    drawHeads(ctx, this.mapping, r, this.view, f);
    if (f.arrows) drawArrows(ctx, this.mapping, f.built.objective, f);
    if (f.probe) this.drawIfInside(f.probe, (x, y) => drawProbe(ctx, x, y));
    if (f.start) this.drawIfInside(f.start, (x, y) => drawStartHandle(ctx, x, y, f.dragging));
    ctx.restore();
  }

  /**
   * The trail layer: the static layer plus every trail up to the playhead's whole step. Moving
   * forward appends the new steps; anything else (new results, a seek backwards, a new view)
   * starts it again from a copy of the static layer.
   */
  private updateTrails(f: MapFrame, restart: boolean): void {
    const t = this.trails;
    const ctx = t.getContext('2d');
    if (!ctx) return;
    if (restart) {
      if (t.width !== this.canvas.width) t.width = this.canvas.width;
      if (t.height !== this.canvas.height) t.height = this.canvas.height;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, t.width, t.height);
      ctx.drawImage(this.staticCanvas, 0, 0);
      this.drawnTo.length = 0;
    }
    for (let i = this.drawnTo.length; i < f.runs.length; i++) this.drawnTo.push(0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.save();
    const r = this.rect;
    ctx.beginPath();
    ctx.rect(r.left, r.top, r.width, r.height);
    ctx.clip();
    drawTrails(ctx, this.mapping, this.view, f, this.drawnTo);
    ctx.restore();
  }

  private drawIfInside(p: readonly [number, number], fn: (x: number, y: number) => void): void {
    if (insideView(this.view, p[0], p[1])) fn(toPx(this.mapping, p[0]), toPy(this.mapping, p[1]));
  }

  private layout(): void {
    const w = Math.max(1, this.cssWidth - MARGIN.left - MARGIN.right);
    const h = Math.max(1, this.cssHeight - MARGIN.top - MARGIN.bottom);
    this.rect = { left: MARGIN.left, top: MARGIN.top, width: w, height: h };
    const base = this.userView ?? this.domainOf ?? { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
    this.view = fitView(base, w, h);
    this.mapping = mappingOf(this.view, this.rect);
  }

  private drawStatic(f: MapFrame): void {
    const c = this.staticCanvas;
    c.width = this.canvas.width;
    c.height = this.canvas.height;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.fillStyle = INK.bg;
    ctx.fillRect(0, 0, this.cssWidth, this.cssHeight);
    const r = this.rect;
    if (!f.built) {
      ctx.font = FONT;
      ctx.fillStyle = INK.muted;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(f.error ?? 'No surface to draw.', r.left + r.width / 2, r.top + r.height / 2);
      return;
    }
    const n = Math.min(gridSizeFor(r), f.maxResolution ?? Infinity);
    updateLandscape(this.layer, f.built.objective, this.view, n, f.mode);
    ctx.save();
    ctx.beginPath();
    ctx.rect(r.left, r.top, r.width, r.height);
    ctx.clip();
    drawLandscape(ctx, this.layer, this.mapping);
    if (f.overlay?.result.plan.sweep.kind === 'basins') drawBasins(ctx, this.mapping, f.overlay);
    if (f.overlay?.result.plan.sweep.kind === 'seeds') drawSeedFan(ctx, this.mapping, f.overlay);
    drawCriticalPoints(ctx, f.points, this.mapping, r);
    ctx.restore();
    drawMapAxes(ctx, this.view, r, this.mapping, f.built.axes);
    const s = this.layer.sample;
    if (s)
      drawColorBar(ctx, s.stats, f.mode, {
        left: r.left + r.width + 14,
        top: r.top + 4,
        width: BAR_WIDTH,
        height: Math.max(20, r.height - 8),
      });
  }
}
