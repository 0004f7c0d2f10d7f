import { useRef, type PointerEvent, type ReactNode } from 'react';
import { requestDraw, seek } from '../../state/playhead.ts';
import { fmtNum } from '../../engine/formatNumber.ts';
import {
  drawCursor,
  drawPlotStatic,
  leaveMarkers,
  plotLayout,
  type PlotLayout,
} from './drawPlot.ts';
import { describePlot, leaveNote, xAt, type PlotData } from './plotSeries.ts';
import { useLayeredPlot, type PlotPainter } from './useLayeredPlot.ts';

const PAINTER: PlotPainter<PlotData, PlotLayout> = {
  layout: plotLayout,
  drawStatic(ctx, p, layout, canvas) {
    drawPlotStatic(ctx, p, layout);
    // What was drawn, for tests and tools: the y range and each run's leave marker.
    canvas.dataset.yMin = String(layout.y.d0);
    canvas.dataset.yMax = String(layout.y.d1);
    canvas.dataset.left = leaveMarkers(p, layout)
      .map((m) => `${m.run}:${m.step}:${m.dir}`)
      .join(' ');
  },
  drawMoving: drawCursor,
};

interface Props {
  data: PlotData;
  /** Controls shown next to the title (e.g. a log-scale toggle). */
  tools?: ReactNode;
}

/**
 * One small plot. The lines are drawn to an offscreen canvas when the data or the size changes;
 * each frame copies that and draws the playhead cursor on top. Clicking or dragging seeks.
 */
export function PlotCanvas({ data, tools }: Props) {
  const { wrapRef, canvasRef, dataRef, st } = useLayeredPlot(data, PAINTER);
  const tipRef = useRef<HTMLDivElement>(null);

  /** The step under a pointer, or null when outside the plot's x range. */
  const stepAt = (e: PointerEvent<HTMLCanvasElement>): number | null => {
    const l = st.current.layout;
    if (!l) return null;
    const px = e.clientX - e.currentTarget.getBoundingClientRect().left;
    const k = Math.round(l.x.invert(px));
    return Math.max(0, Math.min(dataRef.current.steps, k));
  };

  const showTip = (k: number | null, px: number) => {
    const tip = tipRef.current;
    if (!tip) return;
    const p = dataRef.current;
    if (k === null || p.empty || p.series.length === 0) {
      tip.hidden = true;
      return;
    }
    tip.replaceChildren();
    const head = document.createElement('div');
    head.textContent = xAt(p, k);
    tip.append(head);
    for (const s of p.series) {
      const row = document.createElement('div');
      const sw = document.createElement('span');
      sw.className = 'plot-swatch';
      sw.style.background = s.color;
      row.append(sw, `${s.label}: ${k < s.raw.length ? fmtNum(s.raw[k]) : '—'}`);
      tip.append(row);
    }
    tip.hidden = false;
    // Beside the pointer, extending towards the plot's wider side (it may overlap a neighbour).
    const width = wrapRef.current?.clientWidth ?? 0;
    tip.style.left = px > width / 2 ? '' : `${Math.round(px + 10)}px`;
    tip.style.right = px > width / 2 ? `${Math.round(width - px + 10)}px` : '';
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    const k = stepAt(e);
    // Seeking is moving the playhead along the steps; another axis has none.
    if (k === null || dataRef.current.axis) return;
    seek(k);
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const k = stepAt(e);
    st.current.hover = k;
    showTip(k, e.clientX - e.currentTarget.getBoundingClientRect().left);
    if (
      k !== null &&
      !dataRef.current.axis &&
      e.buttons & 1 &&
      e.currentTarget.hasPointerCapture(e.pointerId)
    )
      seek(k);
    else requestDraw();
  };

  const onPointerLeave = () => {
    st.current.hover = null;
    showTip(null, 0);
    requestDraw();
  };

  const caption = [data.caption || (data.log ? 'log scale' : 'linear scale'), leaveNote(data)]
    .filter(Boolean)
    .join(' · ');

  return (
    <figure className="plot">
      <figcaption className="plot-head">
        <span className="plot-title">{data.title}</span>
        {tools}
      </figcaption>
      <div className="plot-canvas" ref={wrapRef}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={describePlot(data)}
          data-testid={`plot-${data.id}`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerLeave={onPointerLeave}
        />
        <div className="plot-tip" ref={tipRef} hidden />
      </div>
      {/* Always one line, so a caption appearing does not shift the layout above. */}
      <p className="plot-caption" title={caption}>
        {caption}
      </p>
    </figure>
  );
}
