import { describe, expect, it } from 'vitest';
import { compactModelScenario } from '../../../src/scenario/compactModelScenario.ts';
import { parseModelScenario, type ModelScenario } from '../../../src/scenario/modelScenario.ts';
import { runModelScenario } from '../../../src/scenario/runModelScenario.ts';
import type { ScenarioRun } from '../../../src/scenario/scenario.ts';
import { decodeLink, encodeScenario } from '../../../src/scenario/shareLink.ts';
import { planSweep } from '../../../src/scenario/sweep/sweepPlan.ts';
import { computeSweep } from '../../../src/scenario/sweep/sweepResult.ts';
import { runSweep } from '../../../src/state/sweepClient.ts';
import { inProcessPort } from '../../../src/state/sweepClient.ts';

/**
 * A network's sweep (issue 14 on issue 13's lab): each cell is the single network scenario with
 * that setting, trained by runModelScenario from scratch, to the last digit. The scenario is
 * changed by hand here and the cell's number read off that run by the metric's definition.
 */
const base = {
  model: {
    data: { name: 'moons', n: 120, noise: 0.15, seed: 3 },
    hidden: [8, 8],
    batch_size: 16,
    shuffle: true,
  },
  steps: 40,
  noise: { sigma: 0, seed: 5 },
  runs: [
    { optimizer: 'sgd', params: { lr: 0.1, momentum: 0.9 } },
    { optimizer: 'adamw', params: { lr: 0.01, weight_decay: 0.01 } },
  ],
};

/** The same scenario without its sweep, run i changed and the noise (and batch) seed set. */
function single(
  s: ModelScenario,
  i: number,
  change: (r: ScenarioRun) => ScenarioRun,
  seed: number,
) {
  const { sweep: _omit, ...rest } = s;
  return parseModelScenario({
    ...rest,
    noise: { ...s.noise, seed },
    runs: s.runs.map((r, j) => (j === i ? change(r) : r)),
  });
}

const finalLoss = (s: ModelScenario, i: number) => {
  const r = runModelScenario(s).results[i];
  return r.divergedAt !== null ? Infinity : r.losses[r.points - 1];
};

describe('network sweeps', () => {
  it('lr: each cell is the network trained with that lr under that batch order', () => {
    const s = parseModelScenario({ ...base, sweep: { kind: 'lr', resolution: [4], seeds: 2 } });
    const plan = planSweep(s);
    expect(plan.cells).toBe(2 * 2 * 4);
    const { values } = computeSweep(s);
    for (const c of [0, 3, 5, 10, 15]) {
      const seed = Math.floor(c / 8);
      const run = Math.floor((c % 8) / 4);
      const lr = plan.axes[1][c % 4];
      const one = single(s, run, (r) => ({ ...r, params: { ...r.params, lr } }), 5 + seed);
      expect(values[c]).toBe(finalLoss(one, run));
    }
    // Shuffled mini-batches follow the seed: the band is not one curve twice.
    expect(values[2]).not.toBe(values[10]);
  });

  it('grid2: lr × weight_decay of AdamW, each cell the run with both set', () => {
    const s = parseModelScenario({
      ...base,
      sweep: {
        kind: 'grid2',
        run: 1,
        params: ['lr', 'weight_decay'],
        ranges: [
          [1e-3, 0.1, 'log'],
          [0, 0.5, 'linear'],
        ],
        resolution: [3, 2],
        metric: 'best_loss',
      },
    });
    const plan = planSweep(s);
    const { values } = computeSweep(s);
    for (let c = 0; c < plan.cells; c++) {
      const lr = plan.axes[0][Math.floor(c / 2)];
      const wd = plan.axes[1][c % 2];
      const one = single(s, 1, (r) => ({ ...r, params: { ...r.params, lr, weight_decay: wd } }), 5);
      const r = runModelScenario(one).results[1];
      expect(values[c]).toBe(Math.min(...r.losses.subarray(0, r.points)));
    }
  });

  it('gives the same numbers on a pool of 1, 2 or 3 threads as on one', async () => {
    const s = parseModelScenario({ ...base, steps: 20, sweep: { kind: 'lr', resolution: [3] } });
    const whole = Array.from(computeSweep(s).values);
    for (const workers of [1, 2, 3]) {
      const values = await new Promise<number[]>((resolve, reject) =>
        runSweep(
          s,
          () => {},
          (r) => resolve(Array.from(r.values)),
          (m) => reject(new Error(m)),
          { workers, spawn: inProcessPort },
        ),
      );
      expect(values).toEqual(whole);
    }
  });
});

describe('a network sweep in the schema and the link', () => {
  it('refuses a basin map: a network has no start point to sweep', () => {
    expect(() => parseModelScenario({ ...base, sweep: { kind: 'basins' } })).toThrow(
      /sweep\.kind: a basin map sweeps the start point of a surface/,
    );
  });

  it('refuses a seed fan: its paths are drawn on a surface (an lr sweep has a seed band)', () => {
    expect(() => parseModelScenario({ ...base, sweep: { kind: 'seeds' } })).toThrow(
      /sweep\.kind: a seed fan is drawn on a surface; on a network, sweep "lr" or "grid2" with seeds > 1/,
    );
  });

  it('names the field when the work is too much for the page', () => {
    const big = {
      ...base,
      model: { ...base.model, data: { name: 'moons', n: 2000 }, hidden: [32, 32] },
      steps: 500,
      sweep: { kind: 'lr', resolution: [60], seeds: 4 },
    };
    expect(() => parseModelScenario(big)).toThrow(
      /^sweep\.resolution: asks for [\d.]+e\+\d+ multiply-adds \(cells × seeds × one run’s training\); at most 2\.0e\+10/,
    );
  });

  it('checks a swept parameter against the run, as on a surface', () => {
    expect(() =>
      parseModelScenario({ ...base, sweep: { kind: 'grid2', run: 0, params: ['lr', 'rho'] } }),
    ).toThrow(/"rho" is not a parameter of SGD/);
  });

  it('travels in the share link and comes back the same', () => {
    const s = parseModelScenario({
      ...base,
      sweep: { kind: 'lr', run: 1, resolution: [9], seeds: 2, metric: { steps_to: 0.3 } },
    });
    expect(compactModelScenario(s).sweep).toEqual({
      kind: 'lr',
      run: 1,
      resolution: [9],
      seeds: 2,
      metric: { steps_to: 0.3 },
    });
    const back = decodeLink(encodeScenario(s));
    expect(back.kind).toBe('model');
    expect(back.scenario).toEqual(s);
  });
});
