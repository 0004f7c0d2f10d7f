import { useLayoutEffect, useMemo } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import {
  ArrowHelper,
  BoxGeometry,
  BufferGeometry,
  Color,
  Group,
  InstancedInterleavedBuffer,
  InterleavedBufferAttribute,
  Mesh,
  MeshStandardMaterial,
  OctahedronGeometry,
  SphereGeometry,
  TorusGeometry,
  Vector3,
} from 'three';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { RunResult } from '../../engine/run.ts';
import { LIMITS, type ScenarioRun } from '../../scenario/scenario.ts';
import { sim } from '../../state/simulation.ts';
import { playhead } from '../../state/playhead.ts';
import { labStore } from '../../state/store.ts';
import { clipSegment } from '../../state/clipSegment.ts';
import { runPath, runViews } from '../../state/runFrame.ts';
import { INSIDE, MAX_SIDE_PATHS, type RunPath } from '../../state/runPath.ts';
import type { RunView } from '../../state/runView.ts';
import { runColor, runDash } from '../palette.ts';
import type { LandscapeFrame } from './landscapeFrame.ts';
import { toWorld } from './toWorld.ts';

const LIFT = 0.012;
const ARROW_MIN = 0.04;
const ARROW_MAX = 0.7;
const WHITE = new Color(0xffffff);

/**
 * A fat-line buffer written in place: segments (6 floats each) in one interleaved GPU buffer,
 * drawn up to `instanceCount`. Reallocated only when a longer run needs more room.
 */
interface Segments {
  line: LineSegments2;
  data: Float32Array;
  /** Dash distances (2 per segment), for dashed lines only (later runs' trails, side paths). */
  dist: Float32Array | null;
  count: number;
}

interface Slot {
  trail: Segments;
  /** The part of segment k → k+1 up to the gliding head (one segment, rewritten per frame). */
  glide: Segments;
  /** The side paths (SWA's average, ASGD's ax, …), as in path.sides; MAX_SIDE_PATHS of them. */
  sides: Segments[];
  head: Mesh;
  sideHeads: Mesh[];
  exit: Mesh;
  end: Mesh;
  arrows: [ArrowHelper, ArrowHelper, ArrowHelper];
  /** What the slot was last updated for: it is looked at again only when one of them changes. */
  result: RunResult | null;
  run: ScenarioRun | null;
  frame: LandscapeFrame | null;
  path: RunPath | null;
  /** What the trail buffers hold (a hidden run's are not rewritten until it is shown). */
  written: { result: RunResult; frame: LandscapeFrame } | null;
}

const headGeometry = new SphereGeometry(0.028, 20, 14);
const sideGeometry = new OctahedronGeometry(0.03);
const exitGeometry = new TorusGeometry(0.038, 0.01, 8, 24);
const endGeometry = (() => {
  const bar = () => new BoxGeometry(0.09, 0.018, 0.018);
  const a = bar().rotateZ(Math.PI / 4);
  const b = bar().rotateZ(-Math.PI / 4);
  return mergeGeometries([a, b])!;
})();

// Scratch for the per-frame work: nothing is allocated inside useFrame.
const g = new Float64Array(2);
const seg = new Float64Array(4);
const w = new Float32Array(6);
const dir = new Vector3();
const origin = new Vector3();

function makeSegments(material: LineMaterial, capacity: number, dashed: boolean): Segments {
  const line = new LineSegments2(new LineSegmentsGeometry(), material);
  // The buffers are rewritten in place, so a bounding sphere would go stale: never cull.
  line.frustumCulled = false;
  line.visible = false;
  const s: Segments = { line, data: new Float32Array(0), dist: null, count: 0 };
  allocate(s, capacity, dashed);
  return s;
}

function allocate(s: Segments, capacity: number, dashed: boolean): void {
  const geo = s.line.geometry as LineSegmentsGeometry;
  s.data = new Float32Array(6 * capacity);
  const buf = new InstancedInterleavedBuffer(s.data, 6, 1);
  geo.setAttribute('instanceStart', new InterleavedBufferAttribute(buf, 3, 0));
  geo.setAttribute('instanceEnd', new InterleavedBufferAttribute(buf, 3, 3));
  if (dashed) {
    s.dist = new Float32Array(2 * capacity);
    const d = new InstancedInterleavedBuffer(s.dist, 2, 1);
    geo.setAttribute('instanceDistanceStart', new InterleavedBufferAttribute(d, 1, 0));
    geo.setAttribute('instanceDistanceEnd', new InterleavedBufferAttribute(d, 1, 1));
  }
  geo.instanceCount = 0;
}

/** Make room for n segments (rare: a longer run than any before in this slot). */
function ensure(s: Segments, n: number): void {
  if (6 * n <= s.data.length) return;
  let cap = Math.max(64, s.data.length / 6);
  while (cap < n) cap *= 2;
  const dashed = s.dist !== null;
  // The old GPU buffers go with the old attributes.
  s.line.geometry.dispose();
  allocate(s, Math.min(cap, Math.max(n, LIMITS.maxSteps)), dashed);
}

/** Upload the first `count` segments written into s.data (and s.dist). */
function upload(s: Segments, count: number): void {
  s.count = count;
  const geo = s.line.geometry as LineSegmentsGeometry;
  const buf = (geo.getAttribute('instanceStart') as InterleavedBufferAttribute).data;
  buf.clearUpdateRanges();
  buf.addUpdateRange(0, 6 * Math.max(1, count));
  buf.needsUpdate = true;
  if (s.dist) {
    const d = (geo.getAttribute('instanceDistanceStart') as InterleavedBufferAttribute).data;
    d.clearUpdateRanges();
    d.addUpdateRange(0, 2 * Math.max(1, count));
    d.needsUpdate = true;
  }
}

/** World units per CSS pixel of runDash's map pattern, at the default camera distance. */
const DASH_SCALE = 0.004;

function makeSlot(_: unknown, i: number): Slot {
  const mat = (width: number) =>
    new LineMaterial({ color: 0xffffff, linewidth: width, worldUnits: false });
  const trailMat = mat(3);
  // Later runs dashed, as on the map: one lying exactly on an earlier run lets it show through.
  const dash = runDash(i);
  if (dash) {
    trailMat.dashed = true;
    trailMat.dashSize = dash.dash * DASH_SCALE;
    trailMat.gapSize = dash.gap * DASH_SCALE;
    trailMat.dashOffset = dash.phase * DASH_SCALE;
  }
  const sideMat = () => {
    const m = mat(2);
    m.dashed = true;
    m.dashSize = 0.04;
    m.gapSize = 0.03;
    return m;
  };
  const mesh = (geo: BufferGeometry, emissive = 0.4) =>
    new Mesh(geo, new MeshStandardMaterial({ color: 0xffffff, emissiveIntensity: emissive }));
  const arrow = (c: number) =>
    new ArrowHelper(new Vector3(1, 0, 0), new Vector3(), 0.2, c, 0.05, 0.03);
  const slot: Slot = {
    trail: makeSegments(trailMat, 1024, dash !== null),
    // The glide is one short segment: solid, so it needs no distances of its own.
    glide: makeSegments(mat(3), 1, false),
    sides: Array.from({ length: MAX_SIDE_PATHS }, () => makeSegments(sideMat(), 1024, true)),
    head: mesh(headGeometry),
    sideHeads: Array.from({ length: MAX_SIDE_PATHS }, () => mesh(sideGeometry, 0.2)),
    exit: mesh(exitGeometry, 0.6),
    end: mesh(endGeometry, 0.6),
    arrows: [arrow(0xffffff), arrow(0xffd54f), arrow(0x00e5ff)],
    result: null,
    run: null,
    frame: null,
    path: null,
    written: null,
  };
  for (const o of [slot.head, ...slot.sideHeads, slot.exit, slot.end, ...slot.arrows])
    o.visible = false;
  // Drawn in run order, so a later (dashed) run lies over an earlier one.
  slot.trail.line.renderOrder = i;
  return slot;
}

const objectsOf = (s: Slot) => [
  s.trail.line,
  s.glide.line,
  ...s.sides.map((side) => side.line),
  s.head,
  ...s.sideHeads,
  s.exit,
  s.end,
  ...s.arrows,
];

/**
 * Every run's trail, head, side paths (SWA's average, ASGD's ax, …) and marks, drawn from the per-frame run model (runFrame.ts)
 * that the 2D map draws too. Trails are the run's path clipped to the domain box (runPath.ts),
 * written in place into preallocated fat-line buffers only for a run whose result changed; per
 * frame only draw counts, the gliding segment, heads and marks move. No React in the loop:
 * this component renders once per landscape frame.
 */
export function Runs3D({ frame }: { frame: LandscapeFrame }) {
  const size = useThree((s) => s.size);
  const slots = useMemo(() => Array.from({ length: LIMITS.maxRuns }, makeSlot), []);
  const root = useMemo(() => {
    const gr = new Group();
    for (const s of slots) gr.add(...objectsOf(s));
    return gr;
  }, [slots]);

  useLayoutEffect(() => {
    for (const s of slots) {
      (s.trail.line.material as LineMaterial).resolution.set(size.width, size.height);
      (s.glide.line.material as LineMaterial).resolution.set(size.width, size.height);
      for (const side of s.sides)
        (side.line.material as LineMaterial).resolution.set(size.width, size.height);
    }
  }, [slots, size]);

  const canvas = useThree((s) => s.gl.domElement);
  useFrame(() => {
    const built = sim.built;
    if (!built) return;
    const { scenario, showArrows } = labStore.getState();
    const runs = scenario.runs;
    const views = runViews(runs);
    let rewritten = false;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      const run = runs[i] ?? null;
      const r = sim.results[i] ?? null;
      if (s.result !== r || s.run !== run || s.frame !== frame) {
        writeSlot(s, i, run, r, frame);
        rewritten = true;
      }
      drawSlot(s, views[i], r, frame, showArrows);
    }
    if (!playhead.playing) describeTrails(canvas, slots, frame, rewritten);
  });

  return <primitive object={root} />;
}

/** A run's result, style or the landscape frame changed: rewrite its buffers in place. */
function writeSlot(
  s: Slot,
  i: number,
  run: ScenarioRun | null,
  r: RunResult | null,
  frame: LandscapeFrame,
): void {
  s.result = r;
  s.run = run;
  s.frame = frame;
  const path = run && r ? runPath(i, run) : null;
  s.path = path;
  if (!run || !r || !path || !run.visible) {
    for (const o of objectsOf(s)) o.visible = false;
    return;
  }
  const color = new Color(runColor(run, i));
  (s.trail.line.material as LineMaterial).color.copy(color);
  (s.glide.line.material as LineMaterial).color.copy(color);
  for (const side of s.sides)
    (side.line.material as LineMaterial).color.copy(color).lerp(WHITE, 0.5);
  for (const m of [s.head, s.exit, s.end]) {
    const mat = m.material as MeshStandardMaterial;
    mat.color.copy(color);
    mat.emissive.copy(color);
  }
  for (const m of s.sideHeads) {
    const mat = m.material as MeshStandardMaterial;
    mat.color.copy(WHITE);
    mat.emissive.copy(color);
  }
  // A colour or visibility edit: the buffers still hold this path.
  if (s.written?.result === r && s.written.frame === frame) return;
  s.written = { result: r, frame };
  const built = sim.built!;
  writeWorld(s.trail, path.segments, frame, built, LIFT);
  s.sides.forEach((side, j) => {
    if (j < path.sides.length) writeWorld(side, path.sides[j].segments, frame, built, LIFT * 1.5);
    else side.count = 0;
  });
}

/** Map domain segments (x0, y0, x1, y1 each) onto the landscape, into the buffer. */
function writeWorld(
  s: Segments,
  segs: Float64Array,
  frame: LandscapeFrame,
  built: NonNullable<typeof sim.built>,
  lift: number,
): void {
  const n = segs.length / 4;
  ensure(s, n);
  const d = s.data;
  let along = 0;
  for (let j = 0; j < n; j++) {
    const o = 6 * j;
    const q = 4 * j;
    // Consecutive kept segments share their joint: evaluate f there once.
    if (j > 0 && segs[q] === segs[q - 2] && segs[q + 1] === segs[q - 1]) {
      d[o] = d[o - 3];
      d[o + 1] = d[o - 2];
      d[o + 2] = d[o - 1];
    } else toWorld(frame, built.domain, built.objective, segs[q], segs[q + 1], lift, d, o);
    toWorld(frame, built.domain, built.objective, segs[q + 2], segs[q + 3], lift, d, o + 3);
    if (s.dist) {
      s.dist[2 * j] = along;
      along += Math.hypot(d[o + 3] - d[o], d[o + 4] - d[o + 1], d[o + 5] - d[o + 2]);
      s.dist[2 * j + 1] = along;
    }
  }
  upload(s, n);
}

/** This frame's draw counts, glide, head, side-path points, marks and arrows for one run. */
function drawSlot(
  s: Slot,
  v: RunView,
  r: RunResult | null,
  frame: LandscapeFrame,
  showArrows: boolean,
): void {
  const path = s.path;
  const built = sim.built!;
  for (const a of s.arrows) a.visible = false;
  if (!v.drawn || !r || !path || !s.run?.visible) {
    for (const o of objectsOf(s)) o.visible = false;
    return;
  }
  const { objective, domain } = built;
  const trailGeo = s.trail.line.geometry as LineSegmentsGeometry;
  trailGeo.instanceCount = path.before[v.k];
  s.trail.line.visible = path.before[v.k] > 0;

  // The gliding part of segment k, clipped to the box like the rest of the trail.
  const t = r.trajectory;
  const b = path.box;
  const gliding =
    v.u > 0 &&
    (path.leftAt[v.k] === INSIDE || v.inside) &&
    clipSegment(t[2 * v.k], t[2 * v.k + 1], v.hx, v.hy, b.xMin, b.yMin, b.xMax, b.yMax, seg);
  if (gliding) {
    toWorld(frame, domain, objective, seg[0], seg[1], LIFT, w, 0);
    toWorld(frame, domain, objective, seg[2], seg[3], LIFT, w, 3);
    s.glide.data.set(w);
    upload(s.glide, 1);
    (s.glide.line.geometry as LineSegmentsGeometry).instanceCount = 1;
  }
  s.glide.line.visible = gliding;

  for (let j = 0; j < s.sides.length; j++) {
    const line = s.sides[j].line;
    const side = j < path.sides.length ? path.sides[j] : null;
    const n = side && v.k > side.first ? side.before[v.k - side.first] : 0;
    (line.geometry as LineSegmentsGeometry).instanceCount = n;
    line.visible = n > 0;
  }

  // The 3D scene has no surface outside the domain: there the exit mark stands for the head.
  s.head.visible = v.head && v.inside;
  if (s.head.visible) {
    toWorld(frame, domain, objective, v.hx, v.hy, LIFT, w, 0);
    s.head.position.set(w[0], w[1], w[2]);
  }
  for (let j = 0; j < s.sideHeads.length; j++) {
    const m = s.sideHeads[j];
    const p = v.sides[j];
    m.visible = j < path.sides.length && p.shown;
    if (!m.visible) continue;
    toWorld(frame, domain, objective, p.x, p.y, LIFT * 2, w, 0);
    m.position.set(w[0], w[1], w[2]);
  }
  s.exit.visible = v.mark === 'exit';
  s.end.visible = v.mark === 'stopped' || v.mark === 'diverged';
  if (v.mark !== 'none') {
    toWorld(frame, domain, objective, v.mx, v.my, LIFT * 1.5, w, 0);
    (v.mark === 'exit' ? s.exit : s.end).position.set(w[0], w[1], w[2]);
  }

  if (!showArrows || !s.head.visible) return;
  origin.copy(s.head.position);
  const k = v.k;
  const x = t[2 * k];
  const y = t[2 * k + 1];
  const lr = r.lrs[Math.min(k, r.lrs.length - 1)];
  objective.grad(x, y, g);
  setArrow(s.arrows[0], -g[0], -g[1], lr * frame.k);
  if (r.momentum && !Number.isNaN(r.momentum[2 * k]))
    setArrow(s.arrows[1], -r.momentum[2 * k], -r.momentum[2 * k + 1], lr * frame.k);
  if (k + 1 < r.points) setArrow(s.arrows[2], t[2 * k + 2] - x, t[2 * k + 3] - y, frame.k);
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

/**
 * What the trails hold, on the canvas element for tests and for anyone inspecting the page:
 * data-trails, each shown run's drawn segment count (of its clipped total); data-trail-extent, the
 * world-space extent of every vertex written into the trail buffers, against data-box, the
 * landscape's half-widths. Written while paused only (no per-frame strings during playback).
 */
function describeTrails(
  canvas: HTMLCanvasElement,
  slots: readonly Slot[],
  frame: LandscapeFrame,
  rewritten: boolean,
): void {
  let trails = '';
  for (const s of slots) {
    if (!s.path || !s.run?.visible) continue;
    const shown = s.trail.line.visible
      ? (s.trail.line.geometry as LineSegmentsGeometry).instanceCount
      : 0;
    trails += `${trails ? ' ' : ''}${shown}/${s.trail.count}`;
  }
  if (canvas.dataset.trails !== trails) canvas.dataset.trails = trails;
  if (!rewritten && canvas.dataset.trailExtent) return;
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const s of slots) {
    if (!s.path || !s.run?.visible) continue;
    for (const seg of [s.trail, ...s.sides]) {
      const d = seg.data;
      for (let o = 0; o < 6 * seg.count; o += 3) {
        x0 = Math.min(x0, d[o]);
        x1 = Math.max(x1, d[o]);
        y0 = Math.min(y0, d[o + 1]);
        y1 = Math.max(y1, d[o + 1]);
      }
    }
  }
  canvas.dataset.trailExtent = [x0, x1, y0, y1].map((v) => v.toFixed(4)).join(',');
  canvas.dataset.box = `${frame.hx.toFixed(4)},${frame.hy.toFixed(4)}`;
}
