import { describe, expect, it } from 'vitest';
import { runNetworkPreset, sharpness, weightsAt } from './networkLesson.ts';

describe('preset edge-of-stability', () => {
  const out = runNetworkPreset('edge-of-stability');

  out.scenario.runs.forEach((run, i) => {
    const lr = run.params.lr as number;
    const r = out.results[i];
    it(`full-batch GD at lr ${lr} ends with its sharpness within 15% of 2/lr`, () => {
      expect(out.scenario.model.batch_size).toBeGreaterThanOrEqual(out.built.train.n);
      expect(sharpness(out.built, weightsAt(r)) / (2 / lr)).toBeGreaterThan(0.85);
      expect(sharpness(out.built, weightsAt(r)) / (2 / lr)).toBeLessThan(1.15);
    });

    it(`at lr ${lr} it hovers there, within 30%, from step 200 on`, () => {
      for (let k = 200; k < r.points; k += 100)
        expect(Math.abs(sharpness(out.built, weightsAt(r, k)) * (lr / 2) - 1)).toBeLessThan(0.3);
    });
  });

  it('while the loss still falls', () => {
    for (const r of out.results) expect(r.losses.at(-1)!).toBeLessThan(0.5 * r.losses[0]);
  });

  it('try this: at lr 0.1 the sharpness stays far below its 2/lr of 20, the loss falls smoothly', () => {
    const slow = runNetworkPreset('edge-of-stability', (s) => {
      s.runs = [{ optimizer: 'sgd', params: { lr: 0.1 } }];
      s.slice.center = { run: 0, step: -1 };
    });
    expect(sharpness(slow.built, weightsAt(slow.results[0]))).toBeLessThan(0.5 * 20);
    // And its loss falls smoothly: no step raises it.
    const l = slow.results[0].losses;
    for (let k = 1; k < slow.results[0].points; k++) expect(l[k]).toBeLessThanOrEqual(l[k - 1]);
  });
});
