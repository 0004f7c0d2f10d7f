import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/engine/run.ts';
import { runPreset } from './lesson.ts';

const MIN: [number, number] = [1, 3]; // Booth's minimum

/** Over the last 100 iterates of path a: mean step length and mean distance to the minimum. */
function tail(a: Float64Array, r: RunResult) {
  const n = r.points - 1;
  let step = 0;
  let off = 0;
  for (let k = n - 99; k <= n; k++) {
    off += Math.hypot(a[2 * k] - MIN[0], a[2 * k + 1] - MIN[1]);
    if (k < n) step += Math.hypot(a[2 * k + 2] - a[2 * k], a[2 * k + 3] - a[2 * k + 1]);
  }
  return { step: step / 99, off: off / 100 };
}

describe('preset schedule-free', () => {
  for (const seed of [3, 4, 5]) {
    it(`with noise seed ${seed}: x settles like the cosine run, with no schedule`, () => {
      const { results } = runPreset('schedule-free', (s) => {
        (s.noise as Record<string, number>).seed = seed;
      });
      const [sf, constant, cosine] = results;
      const x = tail(sf.sidePaths.find((p) => p.id === 'x')!.values, sf);
      const y = tail(sf.trajectory, sf);
      const c = tail(constant.trajectory, constant);
      const cos = tail(cosine.trajectory, cosine);
      // The average barely moves at the end; the gradient point and constant-lr AdamW jump.
      expect(x.step).toBeLessThan(y.step / 3);
      expect(x.step).toBeLessThan(c.step / 5);
      expect(x.step).toBeLessThan(3 * cos.step);
      // And it stays nearer the minimum than constant-lr AdamW does.
      expect(x.off).toBeLessThan(c.off);
    });
  }
});

describe('preset schedule-free: try this', () => {
  it('over 1,000 steps the cosine run stops moving at step 500; Schedule-Free keeps settling', () => {
    const { results } = runPreset('schedule-free', (s) => {
      s.steps = 1000;
    });
    const [sf, , cosine] = results;
    // CosineAnnealingLR past T_max climbs back: lr rises again after step 500.
    expect(cosine.lrs[750]).toBeGreaterThan(cosine.lrs[500] * 10);
    const x = tail(sf.sidePaths.find((p) => p.id === 'x')!.values, sf);
    expect(x.step).toBeLessThan(tail(cosine.trajectory, cosine).step);
  });
});
