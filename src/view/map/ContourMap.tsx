import { useEffect, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { actions, labStore } from '../../state/store.ts';
import { useLab } from '../../state/useLab.ts';
import { onFrame, playhead, requestDraw } from '../../state/playhead.ts';
import { sim, subscribeSimulation } from '../../state/simulation.ts';
import { heightModeOf, resolutionCapOf } from '../../state/surfaceView.ts';
import { fmtNum } from '../../engine/formatNumber.ts';
import { criticalPointsOf } from './criticalPointsOf.ts';
import { MapRenderer } from './mapRenderer.ts';
import { pickedPoint } from '../../state/pickedPoint.ts';
import { shownExtras } from '../../state/runFrame.ts';
import { subscribeShownSweep } from '../../state/shownSweep.ts';
import { mapOverlay } from '../sweep/mapOverlay.ts';
import './contourMap.css';

/** How far (CSS px) a finger moves before a touch counts as a drag rather than a tap. */
const TOUCH_SLOP = 6;

const HINT = 'drag: move the start · shift-click: curvature probe · scroll or pinch: zoom';
/** A network's runs all start at its initial weights, and a slice has no exact curvature. */
const NETWORK_HINT = 'scroll or pinch: zoom';
const hintNow = () => (labStore.getState().network ? NETWORK_HINT : HINT);

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
  // held: a touch that has not moved yet. It may become a pinch, so it moves the start only
  // once it travels TOUCH_SLOP or lifts, never on touch-down.
  const gesture = useRef<{ kind: 'start' | 'pan'; x: number; y: number; held: boolean } | null>(
    null,
  );
  // Touch points down on the canvas; two make a pinch (zoom about, and pan with, their midpoint).
  const touches = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<{ dist: number; mx: number; my: number } | null>(null);
  const [zoomed, setZoomed] = useState(false);
  const inNetwork = useLab((s) => s.network !== null);
  // The legend's side paths ("◇ SWA average", "◇ ASGD average (ax)") and closure evaluations.
  const [extras, setExtras] = useState<{ sides: string[]; evaluations: boolean }>({
    sides: [],
    evaluations: false,
  });

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
        points: st.network ? [] : criticalPointsOf(s.surface),
        runs: s.runs,
        results: sim.results,
        step: playhead.step,
        selected: st.selectedRun,
        start: built ? (s.start ?? built.start) : null,
        probe: st.probe,
        dragging: gesture.current?.kind === 'start',
        arrows: st.showArrows,
        overlay: st.network ? null : mapOverlay(st),
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

    let extrasKey = '';
    const updateExtras = () => {
      const next = shownExtras(labStore.getState().scenario.runs);
      const key = `${next.sides.join('\n')}|${next.evaluations}`;
      if (key !== extrasKey) {
        extrasKey = key;
        setExtras(next);
      }
    };
    updateExtras();
    const offFrame = onFrame(frame);
    const offSim = subscribeSimulation(() => {
      updateExtras();
      requestDraw();
    });
    const offSweep = subscribeShownSweep(requestDraw);
    // Selection and probe changes are not scenario edits: redraw for them too.
    const offStore = labStore.subscribe(() => {
      updateExtras();
      requestDraw();
    });
    requestDraw();
    return () => {
      offFrame();
      offSim();
      offSweep();
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
      out.textContent = hintNow();
      return;
    }
    const [x, y] = r.pick(px, py);
    const f = sim.built.objective.f(x, y);
    const [xName, yName] = sim.built.axes ?? ['x', 'y'];
    out.textContent = `${xName} ${fmtNum(x)}   ${yName} ${fmtNum(y)}   f ${fmtNum(f)}`;
  };

  /** The two touch points' distance and midpoint. */
  const pinchState = () => {
    const [a, b] = [...touches.current.values()];
    return { dist: Math.hypot(a.x - b.x, a.y - b.y), mx: (a.x + b.x) / 2, my: (a.y + b.y) / 2 };
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = rendererRef.current;
    const [px, py] = local(e);
    if (e.pointerType === 'touch') {
      touches.current.set(e.pointerId, { x: px, y: py });
      if (touches.current.size === 2) {
        // A second finger: the gesture becomes a pinch; the first finger no longer drags the start.
        e.currentTarget.setPointerCapture(e.pointerId);
        gesture.current = null;
        pinch.current = pinchState();
        return;
      }
      if (touches.current.size > 2) return;
    }
    if (!r || !r.inPlot(px, py) || !sim.built) return;
    if (e.button === 2 || (e.button === 0 && e.shiftKey)) {
      actions.setProbe(pickAt(r, px, py));
      e.preventDefault();
      return;
    }
    if (e.button !== 0 && e.button !== 1) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const held = e.pointerType === 'touch';
    gesture.current = { kind: e.button === 1 ? 'pan' : 'start', x: px, y: py, held };
    if (e.button === 0 && !held) actions.setStart(pickAt(r, px, py));
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const [px, py] = local(e);
    const t = touches.current.get(e.pointerId);
    if (t) {
      t.x = px;
      t.y = py;
    }
    const p0 = pinch.current;
    if (p0 && touches.current.size === 2 && rendererRef.current) {
      const p1 = pinchState();
      const r = rendererRef.current;
      // Zoom about the old midpoint, then follow the midpoint: the map stays under the fingers.
      if (p1.dist > 0) r.zoomAt(p0.mx, p0.my, p0.dist / p1.dist);
      r.panBy(p1.mx - p0.mx, p1.my - p0.my);
      pinch.current = p1;
      requestDraw();
      return;
    }
    showReadout(px, py);
    const g = gesture.current;
    const r = rendererRef.current;
    if (!g || !r) return;
    if (g.held) {
      if (Math.hypot(px - g.x, py - g.y) < TOUCH_SLOP) return;
      g.held = false;
    }
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

  const endGesture = (e: PointerEvent<HTMLCanvasElement>) => {
    touches.current.delete(e.pointerId);
    if (touches.current.size < 2) pinch.current = null;
    const g = gesture.current;
    if (!g) return;
    gesture.current = null;
    // A tap: the start goes where the finger came down.
    const r = rendererRef.current;
    if (g.held && g.kind === 'start' && r && e.type === 'pointerup')
      actions.setStart(pickAt(r, g.x, g.y));
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
          {inNetwork ? NETWORK_HINT : HINT}
        </span>
        <span className="contour-map-legend" aria-hidden="true">
          {!inNetwork && (
            <>
              <span>★ minimum</span>
              <span>☆ local min</span>
              <span>× saddle</span>
            </>
          )}
          <span>◎ start</span>
          {extras.sides.map((label) => (
            <span key={label}>◇ {label}</span>
          ))}
          {extras.evaluations && <span>○ evaluations in one step</span>}
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
          aria-label={
            inNetwork
              ? "Contour map of the network's loss over the slice's plane with each run's projected path."
              : "Contour map of the loss surface with each run's path. Click or drag to move the start point; shift-click to place the curvature probe."
          }
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
