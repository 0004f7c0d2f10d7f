import { buildSurface } from '../scenario/runScenario.ts';
import type { SurfaceRef } from '../scenario/scenario.ts';
import { SURFACES } from '../surfaces/catalog/index.ts';
import { sampleGrid, type GridSample, type HeightMode } from '../surfaces/grid/index.ts';
import type { Domain } from '../surfaces/surface.ts';

/**
 * Sampling a grid off the main thread, for surfaces too slow to sample inside a frame: a data
 * surface sums over every example at every vertex, several frames' worth for a dense grid on
 * its largest dataset, while an analytic surface's grid fits well inside one frame and stays
 * synchronous (surfaceView.ts).
 *
 * The protocol is one plain-data message each way: a request names the surface as the scenario
 * does (a SurfaceRef and the seed), so the worker rebuilds it with the same pure code
 * (buildSurface, sampleGrid); the response carries the sampled arrays as transferables. Raw
 * postMessage rather than an RPC library: there is one call, and what needs care (dropping stale
 * answers, one request in flight per view) is ours to decide, not an RPC's.
 */

/** The part of a GridSample the views draw: its arrays and ranges, no sampler internals. */
export type GridPicture = Pick<
  GridSample,
  | 'n'
  | 'domain'
  | 'heightMode'
  | 'xs'
  | 'ys'
  | 'f'
  | 'gx'
  | 'gy'
  | 'z'
  | 'positions'
  | 'normals'
  | 'mask'
  | 'stats'
>;

/** What to sample: the surface as plain data, and the grid. */
export interface GridJob {
  surface: SurfaceRef;
  seed: number;
  domain: Domain;
  n: number;
  mode: HeightMode;
  /** The domain point drawn at world X = Y = 0 (sampleGrid's centerX, centerY). */
  center?: readonly [number, number];
}

export interface GridRequest {
  id: number;
  job: GridJob;
}

export type GridResponse = { id: number; picture: GridPicture } | { id: number; error: string };

/** Whether a surface is sampled in the worker: the data surfaces (every vertex sums over data). */
export const samplesOffThread = (surface: SurfaceRef) =>
  'id' in surface && SURFACES[surface.id]?.category === 'data';

/** The worker's side: rebuild the surface, sample it, and copy the arrays into buffers it owns. */
export function respond(req: GridRequest): GridResponse {
  try {
    const { surface, seed, domain, n, mode, center } = req.job;
    const built = buildSurface(surface, seed);
    const g = sampleGrid(
      built.objective,
      domain,
      n,
      center ? { heightMode: mode, centerX: center[0], centerY: center[1] } : { heightMode: mode },
    );
    // slice(): the sampler's arrays may be views of one buffer (or of WebAssembly memory),
    // which cannot be transferred piecewise.
    const picture: GridPicture = {
      n: g.n,
      domain: { ...g.domain },
      heightMode: g.heightMode,
      xs: g.xs.slice(),
      ys: g.ys.slice(),
      f: g.f.slice(),
      gx: g.gx.slice(),
      gy: g.gy.slice(),
      z: g.z.slice(),
      positions: g.positions.slice(),
      normals: g.normals.slice(),
      mask: g.mask.slice(),
      stats: { ...g.stats },
    };
    return { id: req.id, picture };
  } catch (e) {
    return { id: req.id, error: (e as Error).message };
  }
}

/** The buffers a response hands over (each array owns its buffer: see respond). */
export function transferablesOf(res: GridResponse): ArrayBuffer[] {
  if (!('picture' in res)) return [];
  const p = res.picture;
  return [p.xs, p.ys, p.f, p.gx, p.gy, p.z, p.positions, p.normals, p.mask].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/**
 * One view's requests, newest wins: at most one request in flight, and while it is, only the
 * newest job waits behind it (dragging a slider asks for many grids; the worker computes the
 * first and the last). An answer to anything but the newest request is dropped.
 */
export class LatestOnly {
  private inFlight: number | null = null;
  private waiting: GridJob | null = null;
  private newest = -1;

  constructor(private readonly nextId: () => number) {}

  /** Ask for a job; returns the request to post now, or null if it must wait its turn. */
  ask(job: GridJob): GridRequest | null {
    if (this.inFlight !== null) {
      this.waiting = job;
      this.newest = -1; // whatever is in flight is now stale
      return null;
    }
    return this.post(job);
  }

  /** Forget what was asked (the view no longer wants it): any answer still to come is dropped. */
  cancel(): void {
    this.waiting = null;
    this.newest = -1;
  }

  /**
   * An answer arrived: `accepted` is the response if it answers the newest request, else null;
   * `next` is the waiting request to post now, if any.
   */
  settle(res: GridResponse): { accepted: GridResponse | null; next: GridRequest | null } {
    if (res.id !== this.inFlight) return { accepted: null, next: null };
    this.inFlight = null;
    const accepted = res.id === this.newest ? res : null;
    const job = this.waiting;
    this.waiting = null;
    return { accepted, next: job ? this.post(job) : null };
  }

  private post(job: GridJob): GridRequest {
    const id = this.nextId();
    this.inFlight = id;
    this.newest = id;
    return { id, job };
  }
}
