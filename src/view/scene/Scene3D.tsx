import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Canvas, useThree, type ThreeEvent } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import { actions } from '../../state/store.ts';
import { useLab, useSimulationVersion } from '../../state/useLab.ts';
import { onFrame } from '../../state/playhead.ts';
import {
  heightModeOf,
  resolutionCapOf,
  sampleGeneration,
  subscribeSurfaceSample,
  surfaceSample,
} from '../../state/surfaceView.ts';
import { sim } from '../../state/simulation.ts';
import { landscapeFrame } from './landscapeFrame.ts';
import { SurfaceMesh } from './SurfaceMesh.tsx';
import { ContourLines3D } from './ContourLines3D.tsx';
import { Runs3D } from './Runs3D.tsx';
import { Markers3D } from './Markers3D.tsx';
import { Axes3D } from './Axes3D.tsx';
import { FitFovToAspect } from './FitFovToAspect.tsx';
import { toDomain } from './toWorld.ts';
import { criticalPointsOf } from '../map/criticalPointsOf.ts';
import './scene.css';

const DEFAULT_CAMERA = {
  position: [0.45, -2.45, 2.85] as [number, number, number],
  target: [0, 0, 0.05] as [number, number, number],
};

/** Redraw on demand: the playhead's frame loop and edits ask for a frame; idle costs nothing. */
function FrameBridge() {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => onFrame(() => invalidate()), [invalidate]);
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
  const version = useSimulationVersion();
  const scenario = useLab((s) => s.scenario);
  const resolution = useLab((s) => s.resolution);
  const probe = useLab((s) => s.probe);
  const [lost, setLost] = useState(false);
  const controls = useRef<OrbitControlsImpl>(null);
  const dragging = useRef(false);

  const mode = heightModeOf(scenario);
  const sample = surfaceSample(resolution, mode, resolutionCapOf(scenario));
  // A data surface's picture arrives from the grid worker after this render: re-render then.
  const generation = useSyncExternalStore(subscribeSurfaceSample, sampleGeneration);
  const frame = useMemo(
    () => (sample ? landscapeFrame(sample) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- generation: resampled in place
    [sample, generation],
  );
  const built = sim.built;
  const start = built ? (scenario.start ?? built.start) : ([0, 0] as const);
  const points = criticalPointsOf(scenario.surface);

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

  // A loaded scenario (lesson, link, return to one's own) brings its camera; the Canvas only
  // reads its camera prop once, so move the live one. Orbiting writes the same values back.
  const cam = scenario.view.camera;
  useEffect(() => {
    const c = controls.current;
    if (!c) return;
    const { position, target } = cam ?? DEFAULT_CAMERA;
    c.object.position.set(...position);
    c.target.set(...target);
    c.update();
  }, [cam]);

  if (!sample || !frame || !built)
    return (
      <p className="muted">{sim.error ?? (built ? 'Sampling the surface…' : 'No surface.')}</p>
    );

  const pick = (e: ThreeEvent<PointerEvent | MouseEvent>): [number, number] =>
    toDomain(frame, e.point.x, e.point.y);
  const camera = scenario.view.camera ?? DEFAULT_CAMERA;

  return (
    <div className="scene3d" data-testid="scene3d">
      <Canvas
        frameloop="demand"
        dpr={[1, 2]}
        gl={{ preserveDrawingBuffer: true, antialias: true, localClippingEnabled: true } as never}
        camera={{ position: camera.position, up: [0, 0, 1], fov: 42, near: 0.01, far: 100 }}
        onCreated={({ gl }) => {
          gl.localClippingEnabled = true;
        }}
        aria-label="3D view of the loss landscape"
      >
        <color attach="background" args={['#0f1115']} />
        <hemisphereLight args={['#ffffff', '#303040', 0.9]} />
        <directionalLight position={[2, -3, 4]} intensity={1.6} />
        <FrameBridge />
        <FitFovToAspect fov={42} framedAspect={1.2} />
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
        <Axes3D frame={frame} domain={built.domain} />
        <Markers3D
          frame={frame}
          points={points}
          start={start}
          probe={probe ?? start}
          version={version}
          onStartPointerDown={() => {
            dragging.current = true;
            if (controls.current) controls.current.enabled = false;
          }}
        />
        <Runs3D frame={frame} scenario={scenario} version={version} />
        <OrbitControls
          ref={controls}
          makeDefault
          target={camera.target}
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
      <div className="scene-hint muted">
        drag to orbit · scroll to zoom · right-drag to pan · click to move the start · shift+click
        for curvature
      </div>
      <button
        type="button"
        className="reset-camera"
        onClick={() => {
          actions.setView({ camera: null });
          const c = controls.current;
          if (c) {
            c.object.position.set(...DEFAULT_CAMERA.position);
            c.target.set(...DEFAULT_CAMERA.target);
            c.update();
          }
        }}
      >
        Reset camera
      </button>
    </div>
  );
}
