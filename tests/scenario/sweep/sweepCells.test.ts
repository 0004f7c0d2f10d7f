import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/engine/run.ts';
import { parseScenario } from '../../../src/scenario/parseScenario.ts';
import { runScenario } from '../../../src/scenario/runScenario.ts';
import type { Scenario, ScenarioRun } from '../../../src/scenario/scenario.ts';
import { sweepCells } from '../../../src/scenario/sweep/sweepCells.ts';
import { planSweep } from '../../../src/scenario/sweep/sweepPlan.ts';
import { computeSweep } from '../../../src/scenario/sweep/sweepResult.ts';

/**
 * Each cell of a sweep is the single run with that setting, to the last digit: the scenario
 * is changed by hand here (the run's lr, its parameters, its start, the noise seed) and run by
 * runScenario, and the cell's number is read off that run by the metric's definition.
 */
const base = {
  surface: { id: 'rosenbrock' },
  steps: 120,
  noise: { sigma: 0.3, seed: 7 },
  runs: [
    { optimizer: 'adam', params: { lr: 0.02 } },
    { optimizer: 'sgd', params: { lr: 1e-3, momentum: 0.9 } },
    { optimizer: 'adamw', params: { lr: 0.05, weight_decay: 0.01 } },
  ],
};

const withRun = (s: Scenario, i: number, change: (r: ScenarioRun) => ScenarioRun, seed: number) => {
  const { sweep: _omit, ...rest } = s;
  return {
    ...rest,
    noise: { ...s.noise, seed },
    runs: s.runs.map((r, j) => (j === i ? change(r) : r)),
  };
};

const finalLoss = (r: RunResult) => (r.divergedAt !== null ? Infinity : r.losses[r.points - 1]);

/** Cells spread over the grid: the first, the last and some between. */
const probe = (cells: number) => [0, 1, Math.floor(cells / 3), Math.floor(cells / 2), cells - 1];

describe('sweep cells', () => {
  it('lr: each cell is the run with that lr and that seed', () => {
    const s = parseScenario({ ...base, sweep: { kind: 'lr', resolution: [7], seeds: 2 } });
    const plan = planSweep(s);
    expect(plan.axes).toEqual([[0, 1, 2], plan.axes[1]]);
    expect(plan.cells).toBe(2 * 3 * 7);
    const { values } = computeSweep(s);
    for (const c of probe(plan.cells)) {
      const seed = Math.floor(c / 21);
      const run = Math.floor((c % 21) / 7);
      const lr = plan.axes[1][c % 7];
      const single = withRun(s, run, (r) => ({ ...r, params: { ...r.params, lr } }), 7 + seed);
      expect(values[c]).toBe(finalLoss(runScenario(single).results[run]));
    }
  });

  it('grid2: each cell is the run with both parameters set (β₂ as betas[1])', () => {
    const s = parseScenario({
      ...base,
      sweep: {
        kind: 'grid2',
        run: 0,
        params: ['lr', 'betas[1]'],
        ranges: [
          [1e-3, 0.5, 'log'],
          [0.5, 0.999, 'linear'],
        ],
        resolution: [5, 4],
        metric: 'best_loss',
      },
    });
    const plan = planSweep(s);
    const { values } = computeSweep(s);
    for (const c of probe(plan.cells)) {
      const lr = plan.axes[0][Math.floor(c / 4)];
      const beta2 = plan.axes[1][c % 4];
      const single = withRun(
        s,
        0,
        (r) => ({ ...r, params: { ...r.params, lr, betas: [0.9, beta2] } }),
        7,
      );
      const r = runScenario(single).results[0];
      const best = r.divergedAt !== null ? Infinity : Math.min(...r.losses.subarray(0, r.points));
      expect(values[c]).toBe(best);
    }
  });

  it('basins: each cell is the run from that start point', () => {
    const s = parseScenario({
      ...base,
      sweep: { kind: 'basins', run: 2, resolution: [6, 5], metric: { steps_to: 0.5 } },
    });
    const plan = planSweep(s);
    // The surface's domain, x then y.
    expect(plan.axes[0][0]).toBe(-2);
    expect(plan.axes[0][5]).toBe(2);
    expect(plan.axes[1][0]).toBe(-1);
    expect(plan.axes[1][4]).toBe(3);
    const { values } = computeSweep(s);
    for (const c of probe(plan.cells)) {
      const start: [number, number] = [plan.axes[0][Math.floor(c / 5)], plan.axes[1][c % 5]];
      const r = runScenario(withRun(s, 2, (run) => ({ ...run, start }), 7)).results[2];
      let k = 0;
      while (k < r.points && !(r.losses[k] <= 0.5)) k++;
      expect(values[c]).toBe(r.divergedAt !== null || k === r.points ? Infinity : k);
    }
  });

  it('seeds: each cell is the run under that noise seed, its path included', () => {
    const s = parseScenario({ ...base, sweep: { kind: 'seeds', run: 1, seeds: 4 } });
    const plan = planSweep(s);
    expect(plan.axes).toEqual([[7, 8, 9, 10]]);
    const result = computeSweep(s);
    for (let c = 0; c < 4; c++) {
      const r = runScenario(withRun(s, 1, (run) => run, 7 + c)).results[1];
      expect(result.values[c]).toBe(finalLoss(r));
      expect(Array.from(result.paths![c]!)).toEqual(
        Array.from(r.trajectory.subarray(0, 2 * r.points)),
      );
    }
    // Different seeds, different noise: the fan is not one path four times.
    expect(result.values[0]).not.toBe(result.values[1]);
  });

  it('gives the same numbers however the cells are split', () => {
    const s = parseScenario({ ...base, sweep: { kind: 'basins', resolution: [5, 5] } });
    const plan = planSweep(s);
    const whole = sweepCells(s, plan, 0, plan.cells);
    const parts = [
      [0, 3],
      [3, 4],
      [4, 17],
      [17, 25],
    ].map(([a, b]) => sweepCells(s, plan, a, b));
    expect(parts.flatMap((p) => Array.from(p.values))).toEqual(Array.from(whole.values));
    expect(parts.flatMap((p) => Array.from(p.ends!))).toEqual(Array.from(whole.ends!));
  });

  it('counts a diverged run as Infinity under every metric', () => {
    const s = parseScenario({
      surface: { id: 'rosenbrock' },
      steps: 50,
      runs: [{ optimizer: 'sgd', params: { lr: 0.5 } }],
      sweep: { kind: 'lr', ranges: [[0.5, 1, 'log']], resolution: [2], metric: 'best_loss' },
    });
    expect(runScenario(s).results[0].divergedAt).not.toBeNull();
    expect(Array.from(computeSweep(s).values)).toEqual([Infinity, Infinity]);
  });
});

describe('sweep axes', () => {
  it('spaces a log range evenly in log10 and keeps its ends exact', () => {
    const s = parseScenario({
      ...base,
      sweep: { kind: 'lr', ranges: [[1e-4, 1, 'log']], resolution: [5] },
    });
    const lrs = planSweep(s).axes[1];
    expect(lrs[0]).toBe(1e-4);
    expect(lrs[4]).toBe(1);
    expect(lrs[2]).toBe(10 ** -2);
  });

  it('spaces a linear range evenly', () => {
    const s = parseScenario({
      ...base,
      sweep: {
        kind: 'basins',
        ranges: [
          [0, 1, 'linear'],
          [-1, 1, 'linear'],
        ],
        resolution: [5, 3],
      },
    });
    expect(planSweep(s).axes).toEqual([
      [0, 0.25, 0.5, 0.75, 1],
      [-1, 0, 1],
    ]);
  });
});

describe('basin map ends', () => {
  const ends = (optimizer: string, lr: number, x: [number, number], y: [number, number]) => {
    const s = parseScenario({
      surface: { id: 'rosenbrock' },
      steps: 200,
      runs: [{ optimizer, params: { lr } }],
      sweep: {
        kind: 'basins',
        ranges: [
          [...x, 'linear'],
          [...y, 'linear'],
        ],
        resolution: [2, 2],
      },
    });
    const result = computeSweep(s);
    return { minima: result.plan.minima, ends: Array.from(result.ends!) };
  };

  it('names the minimum a run ends at (Rosenbrock has one, at (1, 1))', () => {
    const r = ends('adam', 1e-3, [0.99, 1.01], [0.99, 1.01]);
    expect(r.minima).toEqual([[1, 1]]);
    expect(r.ends).toEqual([0, 0, 0, 0]);
  });

  it('says diverged (−1) and still moving (−2)', () => {
    expect(ends('sgd', 0.5, [-2, -1.5], [2, 3]).ends).toEqual([-1, -1, -1, -1]);
    expect(ends('sgd', 1e-7, [-2, -1.5], [2, 3]).ends).toEqual([-2, -2, -2, -2]);
  });
});
