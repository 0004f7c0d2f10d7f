import { describe, expect, it } from 'vitest';
import { lastLoss, point, runPreset, signChanges } from './lesson.ts';

describe('preset ravine-momentum', () => {
  const { scenario, results } = runPreset('ravine-momentum');
  const [sgd, momentum] = results;
  const angle = (30 * Math.PI) / 180;
  // Signed distance across the valley floor (the floor is the line v = 0).
  const across = (r: typeof sgd) => (k: number) => {
    const [x, y] = point(r, k);
    return -x * Math.sin(angle) + y * Math.cos(angle);
  };

  it('both runs finish', () => {
    expect(scenario.runs).toHaveLength(2);
    for (const r of results) expect(r.divergedAt).toBeNull();
  });

  it('SGD zigzags: its path crosses the valley floor on most steps', () => {
    const n = sgd.points;
    expect(signChanges(n, across(sgd))).toBeGreaterThan(0.9 * (n - 1));
    // Momentum sways too, but far less often.
    expect(signChanges(momentum.points, across(momentum))).toBeLessThan(
      0.3 * signChanges(n, across(sgd)),
    );
  });

  it('momentum runs down the valley: its final loss is orders of magnitude lower', () => {
    expect(lastLoss(momentum)).toBeLessThan(lastLoss(sgd) / 100);
  });
});
