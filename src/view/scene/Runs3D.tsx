import { useLayoutEffect, useMemo } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import {
  ArrowHelper,
  Color,
  Group,
  Mesh,
  MeshStandardMaterial,
  SphereGeometry,
  Vector3,
} from 'three';
import { Line2 } from 'three/examples/jsm/lines/Line2.js';
import { LineGeometry } from 'three/examples/jsm/lines/LineGeometry.js';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LIMITS, type Scenario } from '../../scenario/scenario.ts';
import { sim } from '../../state/simulation.ts';
import { playhead } from '../../state/playhead.ts';
import { labStore } from '../../state/store.ts';
import { runColor, runDash } from '../palette.ts';
import type { LandscapeFrame } from './landscapeFrame.ts';
import { toWorld } from './toWorld.ts';

const LIFT = 0.012;
/** World units per CSS pixel of runDash's map pattern, at the default camera distance. */
const DASH_SCALE = 0.004;
const ARROW_MIN = 0.04;
const ARROW_MAX = 0.7;

interface Slot {
  trail: Line2;
  swa: Line2;
  head: Mesh;
  arrows: [ArrowHelper, ArrowHelper, ArrowHelper];
  /** World positions of the trail (3 per point), for the head and arrows. */
  world: Float32Array;
  points: number;
}

const headGeometry = new SphereGeometry(0.028, 20, 14);
// Scratch for the per-frame work: nothing is allocated inside useFrame.
const g = new Float64Array(2);
const dir = new Vector3();
const origin = new Vector3();

function makeSlot(): Slot {
  const mat = () => new LineMaterial({ color: 0xffffff, linewidth: 3, worldUnits: false });
  const trail = new Line2(new LineGeometry(), mat());
  const swaMat = mat();
  swaMat.linewidth = 2;
  swaMat.dashed = true;
  swaMat.dashSize = 0.04;
  swaMat.gapSize = 0.03;
  const swa = new Line2(new LineGeometry(), swaMat);
  const head = new Mesh(
    headGeometry,
    new MeshStandardMaterial({ color: 0xffffff, emissiveIntensity: 0.4 }),
  );
  const arrow = (c: number) =>
    new ArrowHelper(new Vector3(1, 0, 0), new Vector3(), 0.2, c, 0.05, 0.03);
  const arrows: Slot['arrows'] = [arrow(0xffffff), arrow(0xffd54f), arrow(0x00e5ff)];
  for (const o of [trail, swa, head, ...arrows]) o.visible = false;
  return { trail, swa, head, arrows, world: new Float32Array(0), points: 0 };
}

/**
 * Every run's trail, head and (optionally) arrows. Trails are fat lines whose geometry is
 * rebuilt only when the engine recomputes; per frame only the drawn segment count, the head
 * positions and the arrows change, straight from the playhead (no React).
 */
export function Runs3D({
  frame,
  scenario,
  version,
}: {
  frame: LandscapeFrame;
  scenario: Scenario;
  version: number;
}) {
  const size = useThree((s) => s.size);
  const slots = useMemo(() => Array.from({ length: LIMITS.maxRuns }, makeSlot), []);
  const root = useMemo(() => {
    const gr = new Group();
    for (const s of slots) gr.add(s.trail, s.swa, s.head, ...s.arrows);
    return gr;
  }, [slots]);

  useLayoutEffect(() => {
    for (const s of slots) {
      (s.trail.material as LineMaterial).resolution.set(size.width, size.height);
      (s.swa.material as LineMaterial).resolution.set(size.width, size.height);
    }
  }, [slots, size]);

  // Rebuild trails when the engine recomputed (version) or the landscape frame moved.
  useLayoutEffect(() => {
    const built = sim.built;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      const run = scenario.runs[i];
      const r = sim.results[i];
      if (!built || !run || !r || r.points < 1) {
        s.points = 0;
        s.trail.visible = s.swa.visible = s.head.visible = false;
        for (const a of s.arrows) a.visible = false;
        continue;
      }
      const color = new Color(runColor(run, i));
      (s.trail.material as LineMaterial).color.copy(color);
      (s.swa.material as LineMaterial).color.copy(color).lerp(new Color(0xffffff), 0.5);
      const m = s.head.material as MeshStandardMaterial;
      m.color.copy(color);
      m.emissive.copy(color);
      if (s.world.length < 3 * r.points) s.world = new Float32Array(3 * (scenario.steps + 1));
      for (let k = 0; k < r.points; k++)
        toWorld(
          frame,
          built.domain,
          built.objective,
          r.trajectory[2 * k],
          r.trajectory[2 * k + 1],
          LIFT,
          s.world,
          3 * k,
        );
      s.points = r.points;
      // A fat line needs two points; a run that stopped at once draws only its head.
      const pts =
        r.points >= 2
          ? s.world.subarray(0, 3 * r.points)
          : new Float32Array([...s.world.subarray(0, 3), ...s.world.subarray(0, 3)]);
      // setPositions makes new GPU buffers: release the old ones first.
      s.trail.geometry.dispose();
      s.trail.geometry.setPositions(pts);
      // Later runs dashed and drawn after earlier ones: one lying on another lets it show.
      const dash = runDash(i);
      const tm = s.trail.material as LineMaterial;
      tm.dashed = dash !== null;
      if (dash) {
        tm.dashSize = dash.dash * DASH_SCALE;
        tm.gapSize = dash.gap * DASH_SCALE;
        tm.dashOffset = dash.phase * DASH_SCALE;
        s.trail.computeLineDistances();
      }
      s.trail.renderOrder = i;
      s.trail.visible = run.visible;
      s.head.visible = run.visible;
      if (r.swa && run.visible) {
        const first = run.swa ? run.swa.start : 0;
        const cnt = r.points - first;
        if (cnt >= 2) {
          const a = new Float32Array(3 * cnt);
          for (let k = first; k < r.points; k++)
            toWorld(
              frame,
              built.domain,
              built.objective,
              r.swa[2 * k],
              r.swa[2 * k + 1],
              LIFT * 1.5,
              a,
              3 * (k - first),
            );
          s.swa.geometry.dispose();
          s.swa.geometry.setPositions(a);
          s.swa.computeLineDistances();
          s.swa.userData.first = first;
          s.swa.visible = true;
        } else s.swa.visible = false;
      } else s.swa.visible = false;
    }
  }, [slots, frame, scenario.runs, scenario.steps, version]);

  useFrame(() => {
    const built = sim.built;
    if (!built) return;
    const step = Math.floor(playhead.step);
    const { showArrows } = labStore.getState();
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      if (s.points === 0) continue;
      const k = Math.min(step, s.points - 1);
      s.trail.geometry.instanceCount = Math.max(0, k);
      if (s.swa.visible)
        s.swa.geometry.instanceCount = Math.max(0, k - (s.swa.userData.first as number));
      s.head.position.set(s.world[3 * k], s.world[3 * k + 1], s.world[3 * k + 2]);
      const r = sim.results[i];
      const show = showArrows && s.head.visible && !!r;
      for (const a of s.arrows) a.visible = false;
      if (!show || !r) continue;
      origin.copy(s.head.position);
      const x = r.trajectory[2 * k];
      const y = r.trajectory[2 * k + 1];
      const lr = r.lrs[Math.min(k, r.lrs.length - 1)];
      built.objective.grad(x, y, g);
      setArrow(s.arrows[0], -g[0], -g[1], lr * frame.k);
      if (r.momentum && !Number.isNaN(r.momentum[2 * k]))
        setArrow(s.arrows[1], -r.momentum[2 * k], -r.momentum[2 * k + 1], lr * frame.k);
      if (k + 1 < s.points)
        setArrow(s.arrows[2], r.trajectory[2 * k + 2] - x, r.trajectory[2 * k + 3] - y, frame.k);
    }
  });

  return <primitive object={root} />;
}

/** Point an arrow along (vx, vy) from `origin`, its length the real step size in world units. */
function setArrow(a: ArrowHelper, vx: number, vy: number, scale: number) {
  const len = Math.hypot(vx, vy);
  if (!(len > 0) || !Number.isFinite(len)) return;
  dir.set(vx / len, vy / len, 0);
  const L = Math.min(ARROW_MAX, Math.max(ARROW_MIN, len * scale));
  a.position.copy(origin);
  a.setDirection(dir);
  a.setLength(L, Math.min(0.06, L * 0.4), Math.min(0.035, L * 0.25));
  a.visible = true;
}
