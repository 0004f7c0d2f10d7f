import { describe, expect, it } from 'vitest';
import type { RunResult, SidePathResult } from '../../src/engine/runRecorder.ts';
import { runOptimizer } from '../../src/engine/run.ts';
import { surfaceObjective } from '../../src/engine/surfaceObjective.ts';
import type { OptimizerDef } from '../../src/engine/optimizer.ts';
import { runPathOf, MAX_SIDE_PATHS, SWA_LABEL } from '../../src/state/runPath.ts';
import { emptyRunView, runViewAt } from '../../src/state/runView.ts';
import { SURFACES } from '../../src/surfaces/catalog/index.ts';
import { defaultParams } from '../../src/engine/validateParams.ts';

const box = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

/** A hand-written result: only the fields the run model reads. */
function result(
  points: number[][],
  extra: Partial<Pick<RunResult, 'swa' | 'sidePaths' | 'evaluations'>> = {},
): RunResult {
  return {
    dim: 2,
    trajectory: Float64Array.from(points.flat()),
    points: points.length,
    stop: null,
    divergedAt: null,
    swa: null,
    sidePaths: [],
    evaluations: null,
    ...extra,
  } as unknown as RunResult;
}

const side = (id: string, label: string, values: number[]): SidePathResult => ({
  id,
  label,
  values: Float64Array.from(values),
});

const line: number[][] = [
  [0, 0],
  [0.2, 0],
  [0.4, 0],
  [0.6, 0],
];

describe('side paths: SWA and the optimizer’s own, one model', () => {
  it('puts SWA first, then the optimizer’s paths, each from its first finite point', () => {
    const r = result(line, {
      swa: Float64Array.from([NaN, NaN, NaN, NaN, 0.3, 0, 0.4, 0]),
      sidePaths: [side('ax', 'ASGD average (ax)', [NaN, NaN, 0.1, 0.1, 0.2, 0.1, 0.3, 0.1])],
    });
    const path = runPathOf(r, box, 2);
    expect(path.sides.map((s) => [s.id, s.label, s.first])).toEqual([
      ['swa', SWA_LABEL, 2],
      ['ax', 'ASGD average (ax)', 1],
    ]);
    // ax: segments 1→2 and 2→3; before[k] counts those among its first k.
    expect(Array.from(path.sides[1].segments)).toEqual([0.1, 0.1, 0.2, 0.1, 0.2, 0.1, 0.3, 0.1]);
    expect(Array.from(path.sides[1].before)).toEqual([0, 1, 2, 2]);

    const v = runViewAt(r, path, 1, emptyRunView());
    expect(v.sides[0].shown).toBe(false);
    expect([v.sides[1].shown, v.sides[1].x, v.sides[1].y]).toEqual([true, 0.1, 0.1]);
    runViewAt(r, path, 3, v);
    expect([v.sides[0].x, v.sides[1].x]).toEqual([0.4, 0.3]);
    expect(v.sides.every((p) => p.shown)).toBe(true);
    // Refilled in place: going back hides what has no value yet.
    runViewAt(r, path, 0, v);
    expect(v.sides.some((p) => p.shown)).toBe(false);
  });

  it('leaves out SWA when the run does not average, and keeps at most MAX_SIDE_PATHS', () => {
    const many = Array.from({ length: MAX_SIDE_PATHS + 2 }, (_, j) =>
      side(`p${j}`, `path ${j}`, [NaN, NaN, 0, 0, 0, 0, 0, 0]),
    );
    const r = result(line, { swa: Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0]), sidePaths: many });
    expect(runPathOf(r, box).sides[0].id).toBe('p0');
    expect(runPathOf(r, box).sides).toHaveLength(MAX_SIDE_PATHS);
    expect(runPathOf(r, box, 0).sides.map((s) => s.id)).toEqual(['swa', 'p0']);
  });

  it('draws nothing for a path that never has a value', () => {
    const r = result(line, { sidePaths: [side('x', 'x', new Array(8).fill(NaN))] });
    expect(runPathOf(r, box).sides).toHaveLength(0);
  });

  it('records a fake optimizer’s side path through the engine and shows it', () => {
    // Steps w ← 0.5·w and keeps the running mean of its iterates as a side path.
    const fake: OptimizerDef = {
      id: 'halve',
      label: 'Halve',
      reference: 'a test double',
      rule: 'w ← w / 2',
      summary: '',
      params: [],
      cycledMomentum: null,
      create(groups) {
        const p = groups[0].params[0];
        const mean = new Float64Array(p.data.length);
        let n = 0;
        return {
          step() {
            for (let i = 0; i < p.data.length; i++) p.data[i] *= 0.5;
            n++;
            for (let i = 0; i < p.data.length; i++) mean[i] += (p.data[i] - mean[i]) / n;
          },
          sidePaths: [{ id: 'mean', label: 'mean of the iterates', read: () => mean }],
        };
      },
    };
    const surface = SURFACES.ravine;
    const sp = defaultParams(surface.params);
    const r = runOptimizer(surfaceObjective(surface.create(sp, { seed: 1 })), {
      optimizer: fake,
      params: {},
      schedule: null,
      start: [0.8, 0.4],
      steps: 3,
      noise: { sigma: 0, seed: 1 },
      swa: null,
    });
    const path = runPathOf(r, box);
    expect(path.sides.map((s) => [s.id, s.first])).toEqual([['mean', 1]]);
    const v = runViewAt(r, path, 2, emptyRunView());
    expect(v.sides[0].shown).toBe(true);
    expect(v.sides[0].x).toBeCloseTo((0.4 + 0.2) / 2, 12);
    expect(v.sides[0].y).toBeCloseTo((0.2 + 0.1) / 2, 12);
  });
});

describe('closure evaluations: which step the map shows', () => {
  // Step 0 evaluated 3 points, step 1 one, step 2 none.
  const r = result(line, {
    evaluations: {
      counts: Uint32Array.from([3, 1, 0]),
      points: Float64Array.from([0, 0, 0.5, 0, 0.2, 0, 0.2, 0]),
    },
  });
  const path = runPathOf(r, box);

  it('keeps each step’s offsets into the points, made once per result', () => {
    expect(Array.from(path.evalStart!)).toEqual([0, 3, 4, 4]);
    expect(runPathOf(result(line), box).evalStart).toBeNull();
  });

  it('shows the step the head is on, or has just finished', () => {
    const at = (step: number) => runViewAt(r, path, step, emptyRunView()).evalStep;
    expect(at(0)).toBe(-1); // at the start: no step yet
    expect(at(0.5)).toBe(0); // gliding along step 0
    expect(at(1)).toBe(0); // resting on the iterate step 0 made
    expect(at(1.25)).toBe(1);
    expect(at(2.5)).toBe(-1); // step 2 evaluated nothing
    expect(at(99)).toBe(-1); // past the end: the last step, which evaluated nothing
  });
});
