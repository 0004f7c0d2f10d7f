import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/parseScenario.ts';
import { bestLrs, meanOverSeeds } from '../../../src/scenario/sweep/bestSetting.ts';
import { computeSweep } from '../../../src/scenario/sweep/sweepResult.ts';

const s = parseScenario({
  surface: { id: 'rosenbrock' },
  steps: 80,
  noise: { sigma: 0.2, seed: 3 },
  runs: [
    { optimizer: 'sgd', params: { lr: 1e-3 } },
    { optimizer: 'adam', params: { lr: 1e-2 } },
  ],
  sweep: { kind: 'lr', ranges: [[1e-4, 1, 'log']], resolution: [9], seeds: 3 },
});

describe('Tune fairly', () => {
  const result = computeSweep(s);

  it('averages each lr over the seeds', () => {
    const mean = meanOverSeeds(result);
    const v = result.values;
    expect(mean[4]).toBe((v[4] + v[18 + 4] + v[36 + 4]) / 3);
  });

  it('picks each run’s lr with the least mean final loss, never one that diverged', () => {
    const mean = meanOverSeeds(result);
    const lrs = result.plan.axes[1];
    const best = bestLrs(result);
    for (const r of [0, 1]) {
      const row = Array.from(mean.subarray(r * 9, r * 9 + 9));
      const least = Math.min(...row);
      expect(Number.isFinite(least)).toBe(true);
      expect(best[r]).toBe(lrs[row.indexOf(least)]);
    }
    // SGD at lr 1 diverges on Rosenbrock: that point is Infinity in the mean.
    expect(mean[8]).toBe(Infinity);
  });
});
