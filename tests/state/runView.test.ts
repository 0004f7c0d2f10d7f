import { describe, expect, it } from 'vitest';
import { surfaceObjective } from '../../src/engine/surfaceObjective.ts';
import type { RunResult } from '../../src/engine/run.ts';
import { runPathOf, INSIDE } from '../../src/state/runPath.ts';
import { emptyRunView, runViewAt } from '../../src/state/runView.ts';
import { runOptimizer } from '../../src/engine/run.ts';
import { OPTIMIZERS } from '../../src/engine/optimizers/index.ts';
import { defaultParams } from '../../src/engine/validateParams.ts';
import { SURFACES } from '../../src/surfaces/catalog/index.ts';

const box = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

/** A result from a hand-written path (only the fields the run model reads). */
function result(points: number[][], stop: RunResult['stop'] = null): RunResult {
  return {
    trajectory: Float64Array.from(points.flat()),
    points: points.length,
    stop,
    swa: null,
    sidePaths: [],
    evaluations: null,
    divergedAt: stop?.reason === 'diverged' ? stop.step : null,
  } as unknown as RunResult;
}

const view = (r: RunResult, step: number, swaStart: number | null = null) =>
  runViewAt(r, runPathOf(r, box, swaStart), step, emptyRunView());

describe('runViewAt: what a run shows at a step', () => {
  it('glides the head along the segment at a fractional step', () => {
    const r = result([
      [0, 0],
      [0.5, 0],
      [0.5, 0.5],
    ]);
    const v = view(r, 1.25);
    expect(v.k).toBe(1);
    expect(v.u).toBeCloseTo(0.25, 12);
    expect(v.hx).toBeCloseTo(0.5, 12);
    expect(v.hy).toBeCloseTo(0.125, 12);
    expect(v.head && v.inside).toBe(true);
    expect(v.mark).toBe('none');
    // Past the last iterate the head rests on it.
    const end = view(r, 7);
    expect([end.k, end.u, end.hx, end.hy]).toEqual([2, 0, 0.5, 0.5]);
  });

  it('clips the trail at the box edge and marks where the run left', () => {
    // Leaves through x = 1 on the step 1 → 2, halfway along it.
    const r = result([
      [0, 0],
      [0.5, 0],
      [1.5, 0],
      [3, 0],
    ]);
    const path = runPathOf(r, box);
    expect(Array.from(path.segments)).toEqual([0, 0, 0.5, 0, 0.5, 0, 1, 0]);
    // The step 2 → 3 lies wholly outside: not drawn.
    expect(Array.from(path.before)).toEqual([0, 1, 2, 2, 2]);
    expect(Array.from(path.leftAt)).toEqual([INSIDE, INSIDE, 1, 1]);
    const v = view(r, 3);
    expect(v.inside).toBe(false);
    expect(v.mark).toBe('exit');
    expect(v.markStep).toBe(2);
    expect([v.mx, v.my]).toEqual([1, 0]);
    // While the head is still inside there is no mark.
    expect(view(r, 1).mark).toBe('none');
    // Gliding out: marked at the crossing as soon as the head is past it.
    const out = view(r, 1.75);
    expect(out.mark).toBe('exit');
    expect(out.mx).toBeCloseTo(1, 12);
  });

  it('never draws a step with both ends outside, even one crossing the whole box', () => {
    const r = result([
      [0, 0],
      [0, 2],
      [0, -4],
      [0, 8],
    ]);
    const path = runPathOf(r, box);
    expect(Array.from(path.segments)).toEqual([0, 0, 0, 1]);
  });

  it('marks a stopped run at its last iterate once the playhead gets there', () => {
    const r = result(
      [
        [0, 0],
        [0.2, 0.1],
      ],
      { reason: 'gradient', step: 1, message: 'the gradient is not finite' } as RunResult['stop'],
    );
    expect(view(r, 0.5).mark).toBe('none');
    const v = view(r, 5);
    expect(v.mark).toBe('stopped');
    expect(v.markStep).toBe(1);
    expect([v.mx, v.my]).toEqual([0.2, 0.1]);
    expect(v.head).toBe(true);
  });

  it('a real diverging run (SGD, lr 1.5, on the ravine) is marked where it left the box', () => {
    const surface = SURFACES.ravine;
    const params = defaultParams(surface.params);
    const objective = surface.create(params, { seed: 1 });
    const domain = surface.domain(params);
    const sgd = OPTIMIZERS.sgd;
    const r = runOptimizer(surfaceObjective(objective), {
      optimizer: sgd,
      params: { ...defaultParams(sgd.params), lr: 1.5 },
      schedule: null,
      start: surface.start(params),
      steps: 2000,
      noise: { sigma: 0, seed: 1 },
      swa: null,
    });
    expect(r.stop?.reason).toBe('diverged');
    const path = runPathOf(r, domain);
    for (let i = 0; i < path.segments.length; i += 2) {
      expect(path.segments[i]).toBeGreaterThanOrEqual(domain.xMin);
      expect(path.segments[i]).toBeLessThanOrEqual(domain.xMax);
      expect(path.segments[i + 1]).toBeGreaterThanOrEqual(domain.yMin);
      expect(path.segments[i + 1]).toBeLessThanOrEqual(domain.yMax);
    }
    const v = runViewAt(r, path, 2000, emptyRunView());
    expect(v.mark).toBe('diverged');
    expect(v.head).toBe(false);
    // On the box's edge, where the last drawn segment ends.
    const last = path.segments.length - 4;
    expect([v.mx, v.my]).toEqual([path.segments[last + 2], path.segments[last + 3]]);
    const onEdge =
      Math.abs(v.mx) === Math.abs(domain.xMax) || Math.abs(v.my) === Math.abs(domain.yMax);
    expect(onEdge).toBe(true);
  });

  it('shows the SWA average from its first step on', () => {
    const r = result([
      [0, 0],
      [0.2, 0],
      [0.4, 0],
    ]);
    (r as { swa: Float64Array }).swa = Float64Array.from([NaN, NaN, 0.2, 0, 0.3, 0]);
    expect(view(r, 0, 1).sides[0].shown).toBe(false);
    const v = view(r, 2, 1);
    expect(v.sides[0].shown).toBe(true);
    expect([v.sides[0].x, v.sides[0].y]).toEqual([0.3, 0]);
  });
});
