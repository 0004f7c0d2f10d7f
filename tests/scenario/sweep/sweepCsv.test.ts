import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/parseScenario.ts';
import { sweepCsv } from '../../../src/scenario/sweep/sweepCsv.ts';
import { computeSweep, emptySweepResult } from '../../../src/scenario/sweep/sweepResult.ts';
import { planSweep } from '../../../src/scenario/sweep/sweepPlan.ts';

const scenario = (sweep: object) =>
  parseScenario({
    surface: { id: 'rosenbrock' },
    steps: 40,
    noise: { sigma: 0.1, seed: 5 },
    runs: [
      { optimizer: 'sgd', params: { lr: 1e-3 } },
      { optimizer: 'adam', params: { lr: 0.01 } },
    ],
    sweep,
  });

describe('sweep CSV', () => {
  it('writes one row per cell in cell order, the seed and each axis first', () => {
    const s = scenario({ kind: 'lr', ranges: [[1e-3, 1, 'log']], resolution: [2], seeds: 2 });
    const result = computeSweep(s);
    const lines = sweepCsv(result).trimEnd().split('\n');
    expect(lines[0]).toBe('seed,run,lr,final_loss');
    expect(lines).toHaveLength(1 + 8);
    // SGD at lr 1 diverges on Rosenbrock: inf; the other cells read back exactly.
    expect(lines[2]).toBe('5,0,1,inf');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r.slice(0, 3).join(','))).toEqual([
      '5,0,0.001',
      '5,0,1',
      '5,1,0.001',
      '5,1,1',
      '6,0,0.001',
      '6,0,1',
      '6,1,0.001',
      '6,1,1',
    ]);
    rows.forEach((r, c) => expect(r[3] === 'inf' ? Infinity : Number(r[3])).toBe(result.values[c]));
  });

  it('names where a basin map’s runs end, and leaves cells not computed yet empty', () => {
    const s = scenario({
      kind: 'basins',
      run: 1,
      ranges: [
        [0.99, 1.01, 'linear'],
        [0.99, 1.01, 'linear'],
      ],
      resolution: [1, 2],
      metric: { steps_to: 1e-3 },
    });
    const done = sweepCsv(computeSweep(s)).split('\n');
    expect(done[0]).toBe('seed,x,y,steps_to_0.001,end,end_x,end_y');
    expect(done[1]).toMatch(/^5,0\.99,0\.99,\d+,minimum 0,1,1$/);
    const empty = sweepCsv(emptySweepResult(planSweep(s)));
    expect(empty).toBe(
      'seed,x,y,steps_to_0.001,end,end_x,end_y\n5,0.99,0.99,,,,\n5,0.99,1.01,,,,\n',
    );
  });

  it('writes a seed fan as one row per seed', () => {
    const csv = sweepCsv(computeSweep(scenario({ kind: 'seeds', seeds: 3, metric: 'best_loss' })));
    expect(csv.split('\n').map((l) => l.split(',')[0])).toEqual(['seed', '5', '6', '7', '']);
  });
});
