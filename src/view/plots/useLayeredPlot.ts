import { useEffect, useRef } from 'react';
import { onFrame, playhead, requestDraw } from '../../state/playhead.ts';
import { fitCanvas } from './canvasStyle.ts';

/** What one kind of plot draws, in the two layers useLayeredPlot keeps. */
export interface PlotPainter<D, L> {
  layout(data: D, cssWidth: number, cssHeight: number): L;
  /**
   * The parts that change only with the data or the size, drawn once onto an offscreen layer.
   * May note on the canvas what was drawn (its ranges, for tests and tools).
   */
  drawStatic(ctx: CanvasRenderingContext2D, data: D, layout: L, canvas: HTMLCanvasElement): void;
  /** The parts that follow the playhead and the pointer, drawn over the layer each frame. */
  drawMoving(
    ctx: CanvasRenderingContext2D,
    data: D,
    layout: L,
    step: number,
    hover: number | null,
  ): void;
}

/**
 * A plot canvas in two layers: the static drawing is redone only when the data or the size
 * changes, and a frame copies it and draws the moving parts, only when the playhead's whole
 * step or the hovered step moved. Per-frame work runs in the playhead's frame loop, not in
 * React. Returns the refs to attach and the state the pointer handlers read (layout) and set
 * (hover). `painter` must be stable (a module constant).
 */
export function useLayeredPlot<D, L>(data: D, painter: PlotPainter<D, L>) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const dataRef = useRef(data);
  const st = useRef({
    width: 0,
    height: 0,
    dpr: 0,
    dirty: true,
    layout: null as L | null,
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
      const d = dataRef.current;
      const dpr = fitCanvas(canvas, s.width, s.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      const step = Math.floor(playhead.step);
      let layout = s.layout;
      const staticChanged = s.dirty || dpr !== s.dpr || !layout;
      if (!staticChanged && step === s.drawnStep && s.hover === s.drawnHover) return;
      s.drawnStep = step;
      s.drawnHover = s.hover;
      if (staticChanged || !layout) {
        s.dpr = dpr;
        layout = s.layout = painter.layout(d, s.width, s.height);
        layer.width = canvas.width;
        layer.height = canvas.height;
        const lctx = layer.getContext('2d')!;
        lctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        painter.drawStatic(lctx, d, layout, canvas);
        s.dirty = false;
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(layer, 0, 0);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      painter.drawMoving(ctx, d, layout, step, s.hover);
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
  }, [painter]);

  return { wrapRef, canvasRef, dataRef, st };
}
