import { useRef, type PointerEvent } from 'react';
import { fmtNum } from '../../engine/formatNumber.ts';
import { requestDraw } from '../../state/playhead.ts';
import { useLayeredPlot, type PlotPainter } from '../plots/useLayeredPlot.ts';
import { drawHeatmap, heatmapLayout, type HeatmapLayout } from './drawHeatmap.ts';
import { cellAt, type HeatmapData } from './heatmapData.ts';

const PAINTER: PlotPainter<HeatmapData, HeatmapLayout> = {
  layout: heatmapLayout,
  drawStatic(ctx, d, layout, canvas) {
    drawHeatmap(ctx, d, layout);
    canvas.dataset.xMin = String(layout.x.d0);
    canvas.dataset.xMax = String(layout.x.d1);
    canvas.dataset.yMin = String(layout.y.d0);
    canvas.dataset.yMax = String(layout.y.d1);
    canvas.dataset.xLog = String(d.xLog);
    canvas.dataset.yLog = String(d.yLog);
  },
  // The hovered cell (hover = its index): an outline.
  drawMoving(ctx, d, l, _step, hover) {
    if (hover === null) return;
    const nx = d.xs.length;
    const i = hover % nx;
    const j = Math.floor(hover / nx);
    const w = l.width / nx;
    const h = l.height / d.ys.length;
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.5;
    ctx.strokeRect(l.left + i * w, l.top + (d.ys.length - 1 - j) * h, w, h);
  },
};

interface Props {
  data: HeatmapData;
  metric: string;
  label: string;
  /** Appended to the caption (e.g. how many cells have arrived). */
  note?: string;
  /** A click on a cell: set the run's two parameters to its values. */
  onPick(x: number, y: number): void;
}

/**
 * The metric over two parameters of one run as a heatmap (log axes for scale parameters, as the
 * sweep spaced them), with the run's current setting as a cross and the best cell ringed.
 * Hover reads a cell; a click sets both parameters.
 */
export function HeatmapPlot({ data, metric, label, note = '', onPick }: Props) {
  const { wrapRef, canvasRef, dataRef, st } = useLayeredPlot(data, PAINTER);
  const tipRef = useRef<HTMLDivElement>(null);
  const [xName, yName] = data.names;

  const cellOf = (e: PointerEvent<HTMLCanvasElement>): [number, number] | null => {
    const l = st.current.layout;
    if (!l) return null;
    const b = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - b.left;
    const py = e.clientY - b.top;
    if (px < l.left || px > l.left + l.width || py < l.top || py > l.top + l.height) return null;
    return cellAt(dataRef.current, l.x.invert(px), l.y.invert(py));
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = cellOf(e);
    const d = dataRef.current;
    st.current.hover = c ? c[1] * d.xs.length + c[0] : null;
    requestDraw();
    const tip = tipRef.current;
    if (!tip) return;
    tip.hidden = !c;
    if (!c) return;
    const v = d.mid[c[1] * d.xs.length + c[0]];
    const value = Number.isNaN(v) ? '…' : Number.isFinite(v) ? fmtNum(v) : 'diverged';
    tip.textContent = `${d.names[0]} ${fmtNum(d.xs[c[0]], 3)}, ${d.names[1]} ${fmtNum(d.ys[c[1]], 3)} → ${metric} ${value}`;
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    const c = cellOf(e);
    if (c) onPick(dataRef.current.xs[c[0]], dataRef.current.ys[c[1]]);
  };

  return (
    <figure className="plot sweep-plot sweep-map">
      <figcaption className="plot-head">
        <span className="plot-title">
          {label}: {metric} over {xName} × {yName}
        </span>
      </figcaption>
      <div className="sweep-canvas sweep-canvas-map" ref={wrapRef}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`${label}: ${metric} over ${xName} (x axis) and ${yName} (y axis); click a cell to use its setting`}
          data-testid={`sweep-map-${data.run}`}
          onPointerMove={onPointerMove}
          onPointerDown={onPointerDown}
          onPointerLeave={() => {
            st.current.hover = null;
            if (tipRef.current) tipRef.current.hidden = true;
            requestDraw();
          }}
        />
        <div className="plot-tip" ref={tipRef} hidden />
      </div>
      <p className="plot-caption">
        x: {xName} ({data.xLog ? 'log' : 'linear'}) · y: {yName} ({data.yLog ? 'log' : 'linear'}) ·
        + current · ○ best · grey diverged{note}
      </p>
    </figure>
  );
}
