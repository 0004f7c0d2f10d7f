import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { Canvas, useThree, type ThreeEvent } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import { actions, labStore } from '../../state/store.ts';
import { useLab } from '../../state/useLab.ts';
import { onFrame } from '../../state/playhead.ts';
import {
  heightModeOf,
  resolutionCapOf,
  sampleGeneration,
  subscribeSurfaceSample,
  surfaceSample,
} from '../../state/surfaceView.ts';
import { sim, subscribeSimulation } from '../../state/simulation.ts';
import { SURFACES } from '../../surfaces/catalog/index.ts';
import type { ScenarioView } from '../../scenario/scenario.ts';
import { DEFAULT_ANGLE, fitCamera, landscapeFrame, type LandscapeFrame } from './landscapeFrame.ts';
import { SurfaceMesh } from './SurfaceMesh.tsx';
import { ContourLines3D } from './ContourLines3D.tsx';
import { Runs3D } from './Runs3D.tsx';
import { SeedFan3D } from '../sweep/SeedFan3D.tsx';
import { Markers3D } from './Markers3D.tsx';
import { Axes3D } from './Axes3D.tsx';
import { toDomain } from './toWorld.ts';
import { pickedPoint } from '../../state/pickedPoint.ts';
import { useSimulation } from '../../state/useSimulation.ts';
import { criticalPointsOf } from '../map/criticalPointsOf.ts';
import './scene.css';

const FOV = 42;
const INITIAL_CAMERA: [number, number, number] = [0.45, -2.45, 2.85];

/**
 * The surface build the scene shows: re-renders when the surface is rebuilt, not on every
 * recompute of the runs (a slider drag must not re-render the mesh, contours and markers).
 */
const useBuilt = () => useSimulation((s) => s.built);

/**
 * Puts the camera where the scenario says, or, without a saved camera, frames the whole
 * landscape box from the surface's viewing angle for the canvas's aspect, again on resize.
 */
function CameraRig({
  frame,
  cam,
  angle,
  controls,
}: {
  frame: LandscapeFrame;
  cam: ScenarioView['camera'];
  angle: { azimuth: number; elevation: number };
  controls: RefObject<OrbitControlsImpl | null>;
}) {
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const aspect = size.width / Math.max(1, size.height);
  useEffect(() => {
    const c = controls.current;
    if (!c) return;
    const { position, target } = cam ?? fitCamera(frame, aspect, FOV, angle);
    c.object.position.set(...position);
    c.target.set(...target);
    c.update();
    invalidate();
  }, [cam, frame, aspect, angle, controls, invalidate]);
  return null;
}

/** World units one canvas pixel spans at the picked point (the ray's length sets the scale). */
function worldPerPixel(e: ThreeEvent<PointerEvent | MouseEvent>): number {
  const h = (e.nativeEvent.target as HTMLElement | null)?.clientHeight || 1;
  return (2 * e.distance * Math.tan((FOV * Math.PI) / 360)) / h;
}

/** Redraw on demand: the playhead's frame loop and edits ask for a frame; idle costs nothing. */
function FrameBridge() {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => onFrame(() => invalidate()), [invalidate]);
  // New results and run edits are drawn in the very next frame: asking from here, outside
  // requestAnimationFrame, rather than from the playhead's tick (which would be a frame later).
  useEffect(() => subscribeSimulation(() => invalidate()), [invalidate]);
  useEffect(() => labStore.subscribe(() => invalidate()), [invalidate]);
  return null;
}

/** Recover from a lost WebGL context (a GPU reset, too many contexts) instead of going blank. */
function ContextLossGuard({ onChange }: { onChange: (lost: boolean) => void }) {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const el = gl.domElement;
    const lost = (e: Event) => {
      e.preventDefault();
      onChange(true);
    };
    const restored = () => {
      onChange(false);
      invalidate();
    };
    el.addEventListener('webglcontextlost', lost);
    el.addEventListener('webglcontextrestored', restored);
    return () => {
      el.removeEventListener('webglcontextlost', lost);
      el.removeEventListener('webglcontextrestored', restored);
    };
  }, [gl, invalidate, onChange]);
  return null;
}

/** The 3D landscape: surface, contours, minima, start point, every run's trail and head. */
export function Scene3D() {
  // Narrow selections: a run's slider edit changes none of these, so the scene does not
  // re-render for it (Runs3D picks new results up in its frame loop).
  const built = useBuilt();
  const surface = useLab((s) => s.scenario.surface);
  const inNetwork = useLab((s) => s.network !== null);
  const mode = useLab((s) => heightModeOf(s.scenario));
  const cap = useLab((s) => resolutionCapOf(s.scenario));
  const scenarioStart = useLab((s) => s.scenario.start);
  const cam = useLab((s) => s.scenario.view.camera);
  const resolution = useLab((s) => s.resolution);
  const probe = useLab((s) => s.probe);
  const [lost, setLost] = useState(false);
  const controls = useRef<OrbitControlsImpl>(null);
  const dragging = useRef(false);

  const sample = built ? surfaceSample(resolution, mode, cap) : null;
  // A data surface's picture arrives from the grid worker after this render: re-render then.
  const generation = useSyncExternalStore(subscribeSurfaceSample, sampleGeneration);
  const frame = useMemo(
    () => (sample ? landscapeFrame(sample) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- generation: resampled in place
    [sample, generation],
  );
  const start = built ? (scenarioStart ?? built.start) : ([0, 0] as const);
  // A network slice has no known minima to mark.
  const points = inNetwork ? [] : criticalPointsOf(surface);
  const angle = ('id' in surface && SURFACES[surface.id]?.view.camera) || DEFAULT_ANGLE;
  // Markers3D re-reads heights when the surface is rebuilt.
  const builtVersion = useMemo(() => sim.version, [built]); // eslint-disable-line react-hooks/exhaustive-deps

  // Dragging the start ring: the orbit controls pause while the pointer moves the start.
  useEffect(() => {
    const up = () => {
      if (!dragging.current) return;
      dragging.current = false;
      if (controls.current) controls.current.enabled = true;
    };
    window.addEventListener('pointerup', up);
    return () => window.removeEventListener('pointerup', up);
  }, []);

  if (!sample || !frame || !built)
    return (
      <p className="muted">{sim.error ?? (built ? 'Sampling the surface…' : 'No surface.')}</p>
    );

  // Picked points are rounded like the map's (pickedPoint.ts), to what a pixel resolves here.
  const pick = (e: ThreeEvent<PointerEvent | MouseEvent>): [number, number] => {
    const [x, y] = toDomain(frame, e.point.x, e.point.y);
    return pickedPoint(x, y, worldPerPixel(e) / frame.k);
  };

  return (
    <div className="scene3d" data-testid="scene3d">
      <Canvas
        frameloop="demand"
        dpr={[1, 2]}
        gl={{ preserveDrawingBuffer: true, antialias: true, localClippingEnabled: true } as never}
        camera={{ position: INITIAL_CAMERA, up: [0, 0, 1], fov: FOV, near: 0.01, far: 100 }}
        onCreated={({ gl }) => {
          gl.localClippingEnabled = true;
        }}
        aria-label="3D view of the loss landscape"
      >
        <color attach="background" args={['#0f1115']} />
        <hemisphereLight args={['#ffffff', '#303040', 0.9]} />
        <directionalLight position={[2, -3, 4]} intensity={1.6} />
        <FrameBridge />
        <ContextLossGuard onChange={setLost} />
        <group
          position={[-frame.cx * frame.k, -frame.cy * frame.k, -frame.zBase * frame.kz]}
          scale={[frame.k, frame.k, frame.kz]}
        >
          <SurfaceMesh
            sample={sample}
            generation={generation}
            onPointerMove={(e) => {
              if (!dragging.current) return;
              e.stopPropagation();
              actions.setStart(pick(e));
            }}
            onClick={(e) => {
              if (e.delta > 4) return; // an orbit drag, not a click
              e.stopPropagation();
              if (e.shiftKey) actions.setProbe(pick(e));
              else actions.setStart(pick(e));
            }}
          />
          <ContourLines3D sample={sample} generation={generation} lift={0.004 / frame.kz} />
        </group>
        <Axes3D frame={frame} domain={built.domain} names={built.axes} />
        <Markers3D
          frame={frame}
          points={points}
          start={start}
          probe={probe ?? start}
          version={builtVersion}
          onStartPointerDown={() => {
            dragging.current = true;
            if (controls.current) controls.current.enabled = false;
          }}
        />
        <SeedFan3D frame={frame} />
        <Runs3D frame={frame} />
        <CameraRig frame={frame} cam={cam} angle={angle} controls={controls} />
        <OrbitControls
          ref={controls}
          makeDefault
          enableDamping={false}
          onEnd={() => {
            const c = controls.current;
            if (!c) return;
            const p = c.object.position;
            const t = c.target;
            const r = (v: number) => Math.round(v * 1000) / 1000;
            actions.setView({
              camera: { position: [r(p.x), r(p.y), r(p.z)], target: [r(t.x), r(t.y), r(t.z)] },
            });
          }}
        />
      </Canvas>
      {lost && (
        <p className="notice error" role="alert">
          The graphics context was lost; waiting for the browser to restore it…
        </p>
      )}
      {/* The gestures of the pointer in hand: a mouse's, or a finger's on a touch screen. */}
      <div className="scene-hint muted">
        <span className="hint-mouse">
          drag to orbit · scroll to zoom · right-drag to pan
          {!inNetwork && ' · click to move the start · shift+click for curvature'}
        </span>
        <span className="hint-touch">
          drag to orbit · pinch to zoom · two fingers to pan
          {!inNetwork && ' · tap to move the start'}
        </span>
      </div>
      <button
        type="button"
        className="reset-camera"
        onClick={() => {
          // CameraRig frames the landscape again once the saved camera is gone.
          actions.setView({ camera: null });
        }}
      >
        Reset camera
      </button>
    </div>
  );
}
