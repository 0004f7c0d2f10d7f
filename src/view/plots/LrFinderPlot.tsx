import { useEffect, useRef, type PointerEvent } from 'react';
import { onFrame, playhead, requestDraw, seek } from '../../state/playhead.ts';
import { fitCanvas } from './canvasStyle.ts';
import {
  drawFinderCursor,
  drawFinderStatic,
  finderLayout,
  PICK_COLOR,
  type FinderLayout,
} from './drawLrFinder.ts';
import { describePicks, type FinderData } from './lrFinderData.ts';

/**
 * The LR range test's plot: loss against learning rate (log lr axis) with the steepest-descent
 * lr (the course's pick) and the lowest-loss lr marked. Drawn like PlotCanvas: the lines once
 * per simulation into a layer, the playhead dot per frame; clicking a point seeks to its step.
 */
export function LrFinderPlot({ data }: { data: FinderData }) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const dataRef = useRef(data);
  const st = useRef({
    width: 0,
    height: 0,
    dpr: 0,
    dirty: true,
    step: -1,
    layout: null as FinderLayout | null,
  });

  useEffect(() => {
    dataRef.current = data;
    st.current.dirty = true;
    requestDraw();
  }, [data]);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const s = st.current;
    const layer = document.createElement('canvas');
    const frame = () => {
      if (s.width < 2 || s.height < 2) return;
      const d = dataRef.current;
      const dpr = fitCanvas(canvas, s.width, s.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      const step = Math.floor(playhead.step);
      const staticChanged = s.dirty || dpr !== s.dpr || !s.layout;
      if (!staticChanged && step === s.step) return;
      s.step = step;
      if (staticChanged || !s.layout) {
        s.dpr = dpr;
        s.layout = finderLayout(d, s.width, s.height);
        layer.width = canvas.width;
        layer.height = canvas.height;
        const lctx = layer.getContext('2d')!;
        lctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        drawFinderStatic(lctx, d, s.layout);
        // What was drawn, for tests and tools: the axes' ranges and the picks' lrs.
        const p = d.series[0].picks;
        canvas.dataset.xMin = String(s.layout.x.d0);
        canvas.dataset.xMax = String(s.layout.x.d1);
        canvas.dataset.yMin = String(s.layout.y.d0);
        canvas.dataset.yMax = String(s.layout.y.d1);
        canvas.dataset.steepest = p.steepest ? String(p.steepest.lr) : '';
        canvas.dataset.minimum = p.minimum ? String(p.minimum.lr) : '';
        s.dirty = false;
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(layer, 0, 0);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawFinderCursor(ctx, d, s.layout, step);
    };
    const ro = new ResizeObserver(() => {
      const r = wrapRef.current!.getBoundingClientRect();
      s.width = r.width;
      s.height = r.height;
      s.dirty = true;
      requestDraw();
    });
    ro.observe(wrapRef.current!);
    const off = onFrame(frame);
    requestDraw();
    return () => {
      off();
      ro.disconnect();
    };
  }, []);

  /** Seek to the step whose lr is nearest the pointer (the iterate that step produced). */
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const l = st.current.layout;
    const lrs = dataRef.current.series[0].curve.lrs;
    if (!l || e.button !== 0 || lrs.length === 0) return;
    const lr = l.x.invert(e.clientX - e.currentTarget.getBoundingClientRect().left);
    let best = 0;
    for (let i = 1; i < lrs.length; i++)
      if (Math.abs(Math.log(lrs[i] / lr)) < Math.abs(Math.log(lrs[best] / lr))) best = i;
    seek(best + 1);
  };

  const text = describePicks(data);
  return (
    <figure className="plot plot-finder">
      <figcaption className="plot-head">
        <span className="plot-title">loss vs learning rate (LR range test)</span>
        <span className="plot-key">
          <span style={{ color: PICK_COLOR.steepest }}>┆ steepest descent</span>{' '}
          <span style={{ color: PICK_COLOR.minimum }}>┆ lowest loss</span>
        </span>
      </figcaption>
      <div className="plot-canvas" ref={wrapRef}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`Loss against learning rate, log lr axis: ${text}`}
          data-testid="plot-lr-finder"
          onPointerDown={onPointerDown}
        />
      </div>
      <p className="plot-caption" title={text}>
        log lr · {text}
      </p>
    </figure>
  );
}
