import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/parseScenario.ts';
import { decodeLink, encodeScenario } from '../../../src/scenario/shareLink.ts';
import { compactScenario } from '../../../src/scenario/compactScenario.ts';
import { salvageScenario } from '../../../src/scenario/salvageScenario.ts';
import { SWEEP_LIMITS } from '../../../src/scenario/sweep/sweep.ts';

const base = {
  surface: { id: 'rosenbrock' },
  steps: 100,
  runs: [
    { optimizer: 'adam', params: { lr: 0.01 } },
    { optimizer: 'sgd', params: { lr: 1e-3, momentum: 0.9, nesterov: true } },
  ],
};
const sweepOf = (sweep: unknown) => parseScenario({ ...base, sweep }).sweep;
const problem = (sweep: unknown, scenario: object = base) => {
  try {
    parseScenario({ ...scenario, sweep });
  } catch (e) {
    return (e as Error).message;
  }
  return null;
};

describe('the sweep field', () => {
  it('is absent by default', () => {
    expect(parseScenario(base).sweep).toBeUndefined();
    expect(parseScenario({ ...base, sweep: null }).sweep).toBeUndefined();
  });

  it('fills in each kind’s defaults', () => {
    expect(sweepOf({ kind: 'lr' })).toEqual({
      kind: 'lr',
      run: null,
      params: ['lr'],
      ranges: [[1e-4, 1, 'log']],
      resolution: [40],
      seeds: 1,
      metric: 'final_loss',
    });
    // grid2: the parameters' slider ranges, log where the slider is.
    expect(sweepOf({ kind: 'grid2', params: ['lr', 'weight_decay'] })).toMatchObject({
      run: 0,
      ranges: [
        [1e-5, 10, 'log'],
        [0, 1, 'linear'],
      ],
      resolution: [32, 32],
    });
    // basins: Rosenbrock's domain, x then y.
    expect(sweepOf({ kind: 'basins' })).toMatchObject({
      run: 0,
      params: ['x', 'y'],
      ranges: [
        [-2, 2, 'linear'],
        [-1, 3, 'linear'],
      ],
      resolution: [64, 64],
    });
    expect(sweepOf({ kind: 'seeds' })).toMatchObject({ run: 0, seeds: 8, ranges: [] });
  });

  it('names the field of a bad value', () => {
    expect(problem({ kind: 'lr', resolution: [0] })).toMatch(
      /^sweep\.resolution\[0\]: must be between 1 and 256/,
    );
    expect(problem({ kind: 'lr', ranges: [[0, 1, 'log']] })).toBe(
      'sweep.ranges[0]: a log range needs from > 0',
    );
    expect(problem({ kind: 'lr', ranges: [[1, 0.1, 'log']] })).toBe(
      'sweep.ranges[0]: needs from < to',
    );
    expect(problem({ kind: 'heat' })).toBe('sweep.kind: must be one of: lr, grid2, basins, seeds');
    expect(problem({ kind: 'grid2', params: ['lr'] })).toMatch(
      /^sweep\.params: must be two parameter names/,
    );
    expect(problem({ kind: 'seeds', ranges: [[0, 1, 'linear']] })).toMatch(
      /^sweep\.ranges: a seed fan has none/,
    );
    expect(problem({ kind: 'lr', steps: 3 })).toMatch(/^sweep\.steps: unknown field/);
    expect(problem({ kind: 'lr', metric: 'loss' })).toMatch(
      /^sweep\.metric: must be "final_loss", "best_loss" or/,
    );
  });

  it('checks the sweep against its runs', () => {
    expect(problem({ kind: 'grid2', run: 2, params: ['lr', 'momentum'] })).toBe(
      "sweep.run: must name one of the scenario's 2 runs (0 to 1; got 2)",
    );
    expect(problem({ kind: 'grid2', params: ['lr', 'momentum'] })).toBe(
      'sweep.params[1]: run 1: "momentum" is not a parameter of Adam',
    );
    expect(problem({ kind: 'grid2', params: ['lr', 'betas'] })).toMatch(
      /"betas" is a tuple: sweep one element, e.g. "betas\[1\]"/,
    );
    // torch's own checks, at the corners of the grid: Nesterov needs momentum > 0.
    expect(problem({ kind: 'grid2', run: 1, params: ['lr', 'momentum'] })).toMatch(
      /^sweep\.ranges: reaches lr = 0\.00001, momentum = 0, which run 2 refuses: nesterov: Nesterov momentum requires a momentum/,
    );
    const beta2 = {
      kind: 'grid2',
      params: ['lr', 'betas[1]'],
      ranges: [
        [1e-3, 0.1, 'log'],
        [0.9, 1, 'linear'],
      ],
    };
    expect(problem(beta2)).toMatch(
      /^sweep\.ranges: reaches lr = 0\.001, betas\[1\] = 1, which run 1 refuses: params\.betas\[1\] must be/,
    );
  });

  it('caps the total work, naming the field to lower', () => {
    const long = { ...base, steps: 5000 };
    const msg = problem({ kind: 'basins', resolution: [64, 64] }, long);
    expect(msg).toBe(
      `sweep.resolution: asks for ${(64 * 64 * 5000).toLocaleString('en-US')} optimizer steps (cells × seeds × steps); at most ${SWEEP_LIMITS.maxWork.toLocaleString('en-US')}: lower sweep.resolution, sweep.seeds or steps`,
    );
    expect(problem({ kind: 'seeds', seeds: 64 }, { ...base, steps: 10_000 })).toBeNull();
    expect(problem({ kind: 'lr', seeds: 64, resolution: [40] }, long)).toMatch(
      /^sweep\.resolution: asks for 25,600,000/,
    );
  });

  it('travels in the share link, defaults left out', () => {
    const s = parseScenario({
      ...base,
      sweep: {
        kind: 'grid2',
        params: ['lr', 'betas[1]'],
        resolution: [32, 20],
        metric: { steps_to: 0.01 },
      },
    });
    expect(compactScenario(s).sweep).toEqual({
      kind: 'grid2',
      params: ['lr', 'betas[1]'],
      resolution: [32, 20],
      metric: { steps_to: 0.01 },
    });
    const d = decodeLink(encodeScenario(s));
    expect(d.kind).toBe('surface');
    expect(d.problems).toEqual([]);
    expect(d.scenario).toEqual(s);
  });

  it('is dropped from a link when a part of it is bad, or a run it may name is', () => {
    const bad = salvageScenario({ ...base, sweep: { kind: 'lr', resolution: [1000] } });
    expect(bad.status).toBe('repaired');
    expect(bad.scenario.sweep).toBeUndefined();
    expect(bad.problems[0]).toMatch(
      /^sweep\.resolution\[0\]: must be between 1 and 256 .*; the sweep was dropped$/,
    );
    const runGone = salvageScenario({
      ...base,
      runs: [{ optimizer: 'nope' }, ...base.runs],
      sweep: { kind: 'seeds', run: 1 },
    });
    expect(runGone.scenario.runs).toHaveLength(2);
    expect(runGone.scenario.sweep).toBeUndefined();
    expect(runGone.problems).toContain('the sweep was dropped with the runs it may name');
  });
});
