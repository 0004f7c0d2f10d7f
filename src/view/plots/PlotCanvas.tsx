import { useEffect, useRef, type PointerEvent, type ReactNode } from 'react';
import { onFrame, playhead, requestDraw, seek } from '../../state/playhead.ts';
import { fmtNum } from '../../engine/formatNumber.ts';
import { fitCanvas } from './canvasStyle.ts';
import {
  drawCursor,
  drawPlotStatic,
  leaveMarkers,
  plotLayout,
  type PlotLayout,
} from './drawPlot.ts';
import { describePlot, leaveNote, type PlotData } from './plotSeries.ts';

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
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const dataRef = useRef(data);
  const st = useRef({
    width: 0,
    height: 0,
    dpr: 0,
    dirty: true,
    layout: null as PlotLayout | null,
    hover: null as number | null,
    drawnStep: -1,
    drawnHover: null as number | null,
  });

  useEffect(() => {
    dataRef.current = data;
    st.current.dirty = true;
    requestDraw();
  }, [data]);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const wrap = wrapRef.current!;
    const s = st.current;
    const layer = document.createElement('canvas');
    const frame = () => {
      if (s.width < 2 || s.height < 2) return;
      const p = dataRef.current;
      const dpr = fitCanvas(canvas, s.width, s.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      const step = Math.floor(playhead.step);
      let layout = s.layout;
      const staticChanged = s.dirty || dpr !== s.dpr || !layout;
      // The cursor moves by whole steps: skip frames where neither it nor the hover moved.
      if (!staticChanged && step === s.drawnStep && s.hover === s.drawnHover) return;
      s.drawnStep = step;
      s.drawnHover = s.hover;
      if (staticChanged || !layout) {
        s.dpr = dpr;
        layout = s.layout = plotLayout(p, s.width, s.height);
        layer.width = canvas.width;
        layer.height = canvas.height;
        const lctx = layer.getContext('2d')!;
        lctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        drawPlotStatic(lctx, p, layout);
        // What was drawn, for tests and tools: the y range and each run's leave marker.
        canvas.dataset.yMin = String(layout.y.d0);
        canvas.dataset.yMax = String(layout.y.d1);
        canvas.dataset.left = leaveMarkers(p, layout)
          .map((m) => `${m.run}:${m.step}:${m.dir}`)
          .join(' ');
        s.dirty = false;
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(layer, 0, 0);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawCursor(ctx, p, layout, step, s.hover);
    };
    const ro = new ResizeObserver(() => {
      const r = wrap.getBoundingClientRect();
      s.width = r.width;
      s.height = r.height;
      s.dirty = true;
      requestDraw();
    });
    ro.observe(wrap);
    const off = onFrame(frame);
    requestDraw();
    return () => {
      off();
      ro.disconnect();
    };
  }, []);

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
    head.textContent = `step ${k}`;
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
    if (k === null) return;
    seek(k);
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const k = stepAt(e);
    st.current.hover = k;
    showTip(k, e.clientX - e.currentTarget.getBoundingClientRect().left);
    if (k !== null && e.buttons & 1 && e.currentTarget.hasPointerCapture(e.pointerId)) seek(k);
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
