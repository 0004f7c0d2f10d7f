import { describe, expect, it } from 'vitest';
import { lrRangeTest } from '../../../src/engine/schedules/lrRangeTest.ts';
import { expectTrack, paramsOf } from './helpers.ts';

describe('LRRangeTest', () => {
  it("sweeps exponentially from start_lr to end_lr over num_iter steps, ignoring the optimizer's lr, then holds", () => {
    const params = paramsOf(lrRangeTest, { start_lr: 1e-4, end_lr: 1, num_iter: 5 });
    const { lrs } = lrRangeTest.compute(params, { baseLr: 0.5, baseMomentum: 0.9, steps: 8 });
    expectTrack(lrs, [1e-4, 1e-3, 1e-2, 1e-1, 1, 1, 1, 1], 1e-14);
  });

  it('num_iter empty means the run length: defaults sweep 1e-7 → 10 across the whole run', () => {
    expect(paramsOf(lrRangeTest).num_iter).toBeNull();
    const { lrs } = lrRangeTest.compute(paramsOf(lrRangeTest), {
      baseLr: 0.5,
      baseMomentum: null,
      steps: 101,
    });
    expectTrack([lrs[0], lrs[50], lrs[100]], [1e-7, 1e-3, 10], 1e-13);
  });

  it('a one-step run stays at start_lr', () => {
    const { lrs } = lrRangeTest.compute(paramsOf(lrRangeTest), {
      baseLr: 0.5,
      baseMomentum: null,
      steps: 1,
    });
    expect(Array.from(lrs)).toEqual([1e-7]);
  });
});
