import type { Objective2D } from '../engine/objective2d.ts';
import { SURFACES } from '../surfaces/catalog/index.ts';
import { sampleGrid, type GridSample, type HeightMode } from '../surfaces/grid/index.ts';
import type { Domain } from '../surfaces/surface.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { samplesOffThread, type GridJob, type GridPicture } from './gridWorker.ts';
import { GridChannel } from './gridWorkerClient.ts';
import { sim } from './simulation.ts';
import { labStore } from './store.ts';

/** The densest grid the scenario's surface is worth sampling at (see SurfaceView.maxResolution). */
export function resolutionCapOf(s: Scenario): number | undefined {
  // A network's slice is an interpolant, cheap at any resolution (its own grid is the slice's).
  if (labStore.getState().network) return undefined;
  return 'id' in s.surface ? SURFACES[s.surface.id]?.view.maxResolution : undefined;
}

/** Whether heights are drawn log-scaled: the scenario's choice, else the surface's suggestion. */
export function heightModeOf(s: Scenario): HeightMode {
  if (s.view.logHeight !== null) return s.view.logHeight ? 'log' : 'linear';
  if (labStore.getState().network) return 'linear';
  if ('id' in s.surface) return SURFACES[s.surface.id]?.view.logHeight ? 'log' : 'linear';
  return 'linear';
}

/** A stable number per built objective, so a grid's key can name the surface it shows. */
const objectiveIds = new WeakMap<Objective2D, number>();
let lastObjectiveId = 0;
function objectiveId(o: Objective2D): number {
  let id = objectiveIds.get(o);
  if (id === undefined) objectiveIds.set(o, (id = ++lastObjectiveId));
  return id;
}

/**
 * The current scenario's surface as plain data, when `objective` is the one built from it and
 * it is sampled in the worker (samplesOffThread); else null (sample it here).
 */
function offThreadSource(objective: Objective2D): Pick<GridJob, 'surface' | 'seed'> | null {
  const { scenario: s, network } = labStore.getState();
  if (network || sim.built?.objective !== objective || !samplesOffThread(s.surface)) return null;
  return { surface: s.surface, seed: s.noise.seed };
}

/**
 * One view's sampled surface. A fast surface is sampled here, into the same buffers while the
 * resolution stays (rewritten in place: `generation` says when). A slow one (the data surfaces)
 * is sampled in the grid worker, and until its picture arrives the last one stays on screen,
 * so the view never waits a frame for it; `onReady` says when a new picture has arrived.
 */
export class GridFeed {
  /** What the view draws now (null before the first picture). */
  picture: GridPicture | null = null;
  /** Bumped whenever `picture` changes, in place or for a new one. */
  generation = 0;
  /** What `picture` shows, and what was last asked of the worker. */
  private shown = '';
  private asked = '';
  /** The buffers a fast surface is sampled into. */
  private own: GridSample | undefined;
  private readonly channel: GridChannel;

  constructor(onReady: () => void) {
    this.channel = new GridChannel((picture) => {
      this.picture = picture;
      this.shown = this.asked;
      this.generation++;
      onReady();
    });
  }

  /** The picture to draw for this grid: the grid itself, or the last one while it is sampled. */
  get(
    objective: Objective2D,
    domain: Domain,
    n: number,
    mode: HeightMode,
    center?: readonly [number, number],
  ): GridPicture | null {
    const { xMin, xMax, yMin, yMax } = domain;
    const key = `${objectiveId(objective)}|${n}|${mode}|${xMin},${xMax},${yMin},${yMax}|${center}`;
    if (key === this.shown) return this.picture;
    const source = offThreadSource(objective);
    if (!source) {
      this.channel.cancel();
      this.asked = '';
      this.own = sampleGrid(
        objective,
        domain,
        n,
        center
          ? { heightMode: mode, centerX: center[0], centerY: center[1] }
          : { heightMode: mode },
        this.own,
      );
      this.picture = this.own;
      this.shown = key;
      this.generation++;
      return this.picture;
    }
    if (key !== this.asked) {
      this.asked = key;
      this.channel.ask({ ...source, domain: { xMin, xMax, yMin, yMax }, n, mode, center });
    }
    return this.picture;
  }
}

/** The 3D view's feed: a new picture from the worker re-renders the scene (subscribeSurfaceSample). */
const listeners = new Set<() => void>();
const scene = new GridFeed(() => {
  for (const fn of listeners) fn();
});

export function subscribeSurfaceSample(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Bumped each time the 3D view's picture changes, so it knows to re-upload it. */
export const sampleGeneration = () => scene.generation;

/**
 * The sampled surface the 3D view draws, over the surface's whole domain at the requested
 * resolution (capped for data surfaces): resampled only when the surface, the resolution or the
 * height mode changes, never per frame.
 */
export function surfaceSample(
  requested: number,
  mode: HeightMode,
  cap?: number,
): GridPicture | null {
  const built = sim.built;
  if (!built) return null;
  const n = cap ? Math.min(requested, cap) : requested;
  return scene.get(built.objective, built.domain, n, mode, [0, 0]);
}
