import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  LatestOnly,
  respond,
  samplesOffThread,
  transferablesOf,
  type GridJob,
  type GridPicture,
  type GridResponse,
} from '../../src/state/gridWorker.ts';
import { GridFeed } from '../../src/state/surfaceView.ts';
import { actions, labStore } from '../../src/state/store.ts';
import { sim } from '../../src/state/simulation.ts';
import { buildSurface } from '../../src/scenario/runScenario.ts';
import { sampleGrid } from '../../src/surfaces/grid/index.ts';

const LOGISTIC = { id: 'logistic', params: { n_points: 96 } } as const;
const job = (n = 24): GridJob => ({
  surface: LOGISTIC,
  seed: 3,
  domain: { xMin: -3, xMax: 3, yMin: -2, yMax: 2 },
  n,
  mode: 'log',
  center: [0, 0],
});

/** The arrays a picture holds, to compare two pictures value by value. */
const arrays = (p: GridPicture) => ({
  n: p.n,
  domain: { ...p.domain },
  heightMode: p.heightMode,
  stats: { ...p.stats },
  ...Object.fromEntries(
    (['xs', 'ys', 'f', 'gx', 'gy', 'z', 'positions', 'normals', 'mask'] as const).map((k) => [
      k,
      Array.from(p[k]),
    ]),
  ),
});

describe('the grid worker protocol', () => {
  it('samples only the data surfaces off the main thread', () => {
    expect(samplesOffThread({ id: 'logistic', params: {} })).toBe(true);
    expect(samplesOffThread({ id: 'rosenbrock', params: {} })).toBe(false);
    expect(samplesOffThread({ expression: 'x^2 + y^2', domain: [-1, 1, -1, 1] })).toBe(false);
  });

  it('answers with the grid sampleGrid gives for the rebuilt surface', () => {
    const res = respond({ id: 7, job: job() });
    expect(res.id).toBe(7);
    if (!('picture' in res)) throw new Error((res as { error: string }).error);
    const built = buildSurface(LOGISTIC, 3);
    const here = sampleGrid(built.objective, job().domain, 24, {
      heightMode: 'log',
      centerX: 0,
      centerY: 0,
    });
    expect(arrays(res.picture)).toEqual(arrays(here));
  });

  it('hands over every array in a buffer of its own, which a transfer detaches', () => {
    const res = respond({ id: 1, job: job() }) as Extract<GridResponse, { picture: unknown }>;
    const buffers = transferablesOf(res);
    expect(buffers).toHaveLength(9);
    expect(new Set(buffers).size).toBe(9);
    for (const a of [res.picture.f, res.picture.positions, res.picture.mask])
      expect(a.byteLength).toBe(a.buffer.byteLength);
    const copy = structuredClone(res, { transfer: buffers }) as typeof res;
    expect(res.picture.f.byteLength, 'detached by the transfer').toBe(0);
    expect(copy.picture.f.length).toBe(24 * 24);
    expect(copy.picture.stats).toEqual(res.picture.stats);
  });

  it('answers a surface it cannot build with an error, not an exception', () => {
    const res = respond({ id: 2, job: { ...job(), surface: { id: 'no-such', params: {} } } });
    expect(res).toMatchObject({ id: 2, error: expect.any(String) });
    expect(transferablesOf(res)).toEqual([]);
  });
});

describe('one request in flight per view; the newest wins', () => {
  const answer = (id: number): GridResponse => ({ id, error: 'stand-in' });
  const counter = () => {
    let id = 0;
    return () => ++id;
  };

  it('posts the first job at once and answers it', () => {
    const l = new LatestOnly(counter());
    const r = l.ask(job())!;
    expect(r).toMatchObject({ id: 1, job: job() });
    expect(l.settle(answer(1))).toEqual({ accepted: answer(1), next: null });
  });

  it('holds only the newest job behind the one in flight, and drops the stale answer', () => {
    const l = new LatestOnly(counter());
    l.ask(job(10));
    expect(l.ask(job(11))).toBeNull();
    expect(l.ask(job(12))).toBeNull();
    const { accepted, next } = l.settle(answer(1));
    expect(accepted, 'job 10 is stale').toBeNull();
    expect(next).toMatchObject({ id: 2, job: { n: 12 } });
    expect(l.settle(answer(2)).accepted).toEqual(answer(2));
    expect(l.ask(job(13))).toMatchObject({ id: 3 });
  });

  it('ignores answers it did not ask for, and drops a cancelled one', () => {
    const l = new LatestOnly(counter());
    l.ask(job());
    expect(l.settle(answer(99))).toEqual({ accepted: null, next: null });
    l.cancel();
    expect(l.settle(answer(1))).toEqual({ accepted: null, next: null });
    expect(l.ask(job())).toMatchObject({ id: 2 });
  });
});

describe('a view of a data surface keeps its last picture until the new one arrives', () => {
  // The store asks for a frame on every edit; Node has no frames to give.
  beforeAll(() => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
  });
  /** A feed and a promise for its next picture (answered in-process: Node has no Worker). */
  function feedWithArrivals() {
    let arrived: () => void = () => {};
    const feed = new GridFeed(() => arrived());
    const next = () => new Promise<void>((resolve) => (arrived = resolve));
    return { feed, next };
  }
  const domain = { xMin: -3, xMax: 3, yMin: -3, yMax: 3 };

  it('answers later for the data surface, in the same frame for an analytic one', async () => {
    actions.setSurface({ id: 'logistic', params: { n_points: 64 } });
    const { feed, next } = feedWithArrivals();
    const first = sim.built!.objective;
    expect(feed.get(first, domain, 20, 'linear'), 'nothing to show yet').toBeNull();
    await next();
    const a = feed.get(first, domain, 20, 'linear')!;
    const here = sampleGrid(first, domain, 20, { heightMode: 'linear' });
    expect(arrays(a)).toEqual(arrays(here));

    // A new dataset: the old picture stays until the worker's answer replaces it.
    actions.setSurfaceParam('separation', 4);
    const second = sim.built!.objective;
    expect(second).not.toBe(first);
    expect(feed.get(second, domain, 20, 'linear')).toBe(a);
    const generation = feed.generation;
    await next();
    const b = feed.get(second, domain, 20, 'linear')!;
    expect(b).not.toBe(a);
    expect(feed.generation).toBe(generation + 1);
    expect(arrays(b)).toEqual(arrays(sampleGrid(second, domain, 20, { heightMode: 'linear' })));

    actions.setSurface({ id: 'rosenbrock', params: {} });
    const rosen = sim.built!.objective;
    const c = feed.get(rosen, domain, 20, 'linear')!;
    expect(arrays(c)).toEqual(arrays(sampleGrid(rosen, domain, 20, { heightMode: 'linear' })));
    expect(labStore.getState().scenario.surface).toMatchObject({ id: 'rosenbrock' });
  });

  it('shows only the newest of several quick changes', async () => {
    actions.setSurface({ id: 'logistic', params: { n_points: 32 } });
    const { feed, next } = feedWithArrivals();
    const o = sim.built!.objective;
    feed.get(o, domain, 16, 'linear');
    feed.get(o, domain, 17, 'linear');
    feed.get(o, domain, 18, 'linear');
    await next();
    // The 16² grid was in flight and is dropped; 17² never went; 18² is what arrives.
    expect(feed.picture!.n).toBe(18);
    expect(feed.get(o, domain, 18, 'linear')!.n).toBe(18);
  });
});
