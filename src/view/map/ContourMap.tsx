import { useEffect, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { actions, labStore } from '../../state/store.ts';
import { onFrame, playhead, requestDraw } from '../../state/playhead.ts';
import { sim, subscribeSimulation } from '../../state/simulation.ts';
import { heightModeOf, resolutionCapOf } from '../../state/surfaceView.ts';
import { fmtNum } from '../panels/formatValue.ts';
import { criticalPointsOf } from './criticalPointsOf.ts';
import { MapRenderer } from './mapRenderer.ts';
import { pickedPoint } from '../../state/pickedPoint.ts';
import './contourMap.css';

const HINT = 'drag: move the start · shift-click: curvature probe · scroll: zoom';

/** The domain point under a pixel, as the scenario stores it (see pickedPoint). */
function pickAt(r: MapRenderer, px: number, py: number): [number, number] {
  const [x, y] = r.pick(px, py);
  return pickedPoint(x, y, 1 / r.mapping.bx);
}

/**
 * The top-down view: the landscape as a heat map with contour lines, the known minima and
 * saddles, and every visible run's trail up to the playhead. Canvas 2D, so it also serves where
 * WebGL is missing. Per-frame drawing happens in an onFrame callback, never through React state.
 */
export function ContourMap() {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const readoutRef = useRef<HTMLSpanElement>(null);
  const rendererRef = useRef<MapRenderer | null>(null);
  const gesture = useRef<{ kind: 'start' | 'pan'; x: number; y: number } | null>(null);
  const [zoomed, setZoomed] = useState(false);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const wrap = wrapRef.current!;
    const renderer = new MapRenderer(canvas);
    rendererRef.current = renderer;

    let zoomedNow = false;
    const frame = () => {
      const st = labStore.getState();
      const s = st.scenario;
      const built = sim.built;
      renderer.draw({
        built,
        error: sim.error,
        mode: heightModeOf(s),
        maxResolution: resolutionCapOf(s),
        points: criticalPointsOf(s.surface),
        runs: s.runs,
        results: sim.results,
        step: playhead.step,
        selected: st.selectedRun,
        start: built ? (s.start ?? built.start) : null,
        probe: st.probe,
        dragging: gesture.current?.kind === 'start',
      });
      if (renderer.zoomed !== zoomedNow) setZoomed((zoomedNow = renderer.zoomed));
    };

    const resize = () => {
      const r = wrap.getBoundingClientRect();
      renderer.resize(r.width, r.height);
      requestDraw();
    };
    const ro = new ResizeObserver(resize);
    ro.observe(wrap);
    resize();

    // Scroll zooms about the pointer; a native listener, because React's wheel listener is passive.
    const onWheel = (e: WheelEvent) => {
      const b = canvas.getBoundingClientRect();
      const px = e.clientX - b.left;
      const py = e.clientY - b.top;
      if (!renderer.inPlot(px, py)) return;
      e.preventDefault();
      const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
      if (renderer.zoomAt(px, py, Math.exp(Math.max(-1, Math.min(1, dy * 0.0015))))) requestDraw();
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });

    const offFrame = onFrame(frame);
    const offSim = subscribeSimulation(requestDraw);
    // Selection and probe changes are not scenario edits: redraw for them too.
    const offStore = labStore.subscribe(requestDraw);
    requestDraw();
    return () => {
      offFrame();
      offSim();
      offStore();
      ro.disconnect();
      canvas.removeEventListener('wheel', onWheel);
      rendererRef.current = null;
    };
  }, []);

  const local = (e: PointerEvent | MouseEvent) => {
    const b = canvasRef.current!.getBoundingClientRect();
    return [e.clientX - b.left, e.clientY - b.top] as const;
  };

  const showReadout = (px: number, py: number) => {
    const r = rendererRef.current;
    const out = readoutRef.current;
    if (!r || !out) return;
    if (!r.inPlot(px, py) || !sim.built) {
      out.textContent = HINT;
      return;
    }
    const [x, y] = r.pick(px, py);
    const f = sim.built.objective.f(x, y);
    out.textContent = `x ${fmtNum(x)}   y ${fmtNum(y)}   f ${fmtNum(f)}`;
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = rendererRef.current;
    const [px, py] = local(e);
    if (!r || !r.inPlot(px, py) || !sim.built) return;
    if (e.button === 2 || (e.button === 0 && e.shiftKey)) {
      actions.setProbe(pickAt(r, px, py));
      e.preventDefault();
      return;
    }
    if (e.button !== 0 && e.button !== 1) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    gesture.current = { kind: e.button === 1 ? 'pan' : 'start', x: px, y: py };
    if (e.button === 0) actions.setStart(pickAt(r, px, py));
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const [px, py] = local(e);
    showReadout(px, py);
    const g = gesture.current;
    const r = rendererRef.current;
    if (!g || !r) return;
    if (g.kind === 'pan') {
      r.panBy(px - g.x, py - g.y);
      requestDraw();
    } else if (r.inPlot(px, py)) {
      const p = pickAt(r, px, py);
      const cur = labStore.getState().scenario.start;
      if (!cur || cur[0] !== p[0] || cur[1] !== p[1]) actions.setStart(p);
    }
    g.x = px;
    g.y = py;
  };

  const endGesture = () => {
    if (!gesture.current) return;
    gesture.current = null;
    requestDraw();
  };

  const resetView = () => {
    rendererRef.current?.resetView();
    requestDraw();
  };

  return (
    <div className="contour-map">
      <div className="contour-map-bar">
        <span className="contour-map-readout" ref={readoutRef}>
          {HINT}
        </span>
        <span className="contour-map-legend" aria-hidden="true">
          <span>★ minimum</span>
          <span>☆ local min</span>
          <span>× saddle</span>
          <span>◎ start</span>
        </span>
        {zoomed && (
          <button type="button" className="contour-map-reset" onClick={resetView}>
            Reset view
          </button>
        )}
      </div>
      <div className="contour-map-canvas" ref={wrapRef}>
        <canvas
          ref={canvasRef}
          data-testid="contour-map"
          role="img"
          aria-label="Contour map of the loss surface with each run's path. Click or drag to move the start point; shift-click to place the curvature probe."
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endGesture}
          onPointerCancel={endGesture}
          onPointerLeave={() => {
            if (!gesture.current) showReadout(-1, -1);
          }}
          onContextMenu={(e) => e.preventDefault()}
        />
      </div>
    </div>
  );
}
