import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/simulate.ts';

/** The command's main on a scenario given as standard input; its parsed JSON output. */
function simulate(scenario: object) {
  let out = '';
  let err = '';
  const code = main(
    ['-'],
    () => JSON.stringify(scenario),
    { write: (t: string) => (out += t) },
    { write: (t: string) => (err += t) },
  );
  return { code, err, json: code === 0 ? JSON.parse(out) : null };
}

const base = {
  surface: { id: 'himmelblau' },
  start: [0, 0],
  steps: 60,
  noise: { sigma: 0.5, seed: 11 },
  runs: [
    { optimizer: 'sgd', params: { lr: 0.01, momentum: 0.5 } },
    { optimizer: 'adam', params: { lr: 0.1 } },
  ],
};

/** A run's final loss as simulate prints it for the single scenario (null once diverged). */
const finalLoss = (run: { losses: number[]; diverged_at: number | null }) =>
  run.diverged_at !== null ? null : run.losses[run.losses.length - 1];

describe('simulate with a sweep', () => {
  it('prints the axes and, per seed, values row-major; each equals the single run', () => {
    const { code, json } = simulate({
      ...base,
      sweep: { kind: 'lr', ranges: [[1e-3, 0.3, 'log']], resolution: [4], seeds: 2 },
    });
    expect(code).toBe(0);
    const sweep = json.sweep;
    expect(sweep.names).toEqual(['run', 'lr']);
    expect(sweep.axes[0]).toEqual([0, 1]);
    expect(sweep.seeds).toEqual([11, 12]);
    expect(sweep.values).toHaveLength(2);
    for (const [s, seed] of [11, 12].entries())
      for (const run of [0, 1])
        for (const [i, lr] of sweep.axes[1].entries()) {
          const single = simulate({
            ...base,
            noise: { sigma: 0.5, seed },
            runs: base.runs.map((r, j) => (j === run ? { ...r, params: { ...r.params, lr } } : r)),
          });
          expect(sweep.values[s][run * 4 + i]).toBe(finalLoss(single.json.runs[run]));
        }
  });

  it('prints a basin map’s minima and where each start ends', () => {
    const { json } = simulate({
      ...base,
      noise: { sigma: 0, seed: 1 },
      sweep: { kind: 'basins', run: 1, resolution: [3, 3] },
    });
    expect(json.sweep.names).toEqual(['x', 'y']);
    // Himmelblau's four minima.
    expect(json.sweep.minima).toHaveLength(4);
    expect(json.sweep.ends).toHaveLength(9);
    expect(json.sweep.values).toHaveLength(9);
    for (const e of json.sweep.ends) expect(e).toBeGreaterThanOrEqual(-2);
  });

  it('prints a seed fan’s paths, each the single run under that seed', () => {
    const { json } = simulate({ ...base, sweep: { kind: 'seeds', seeds: 3 } });
    expect(json.sweep.axes).toEqual([[11, 12, 13]]);
    for (const [i, seed] of [11, 12, 13].entries()) {
      const single = simulate({ ...base, noise: { sigma: 0.5, seed } });
      expect(json.sweep.paths[i]).toEqual(single.json.runs[0].trajectory);
      expect(json.sweep.values[i]).toBe(finalLoss(single.json.runs[0]));
    }
  });

  it('exits 2 naming the field of a bad sweep', () => {
    const r = simulate({ ...base, sweep: { kind: 'grid2', params: ['lr', 'rho'] } });
    expect(r.code).toBe(2);
    expect(r.err).toBe('simulate: sweep.params[1]: run 1: "rho" is not a parameter of SGD\n');
  });
});
