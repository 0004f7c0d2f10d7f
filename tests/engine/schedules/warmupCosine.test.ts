import { describe, expect, it } from 'vitest';
import { warmupCosine } from '../../../src/engine/schedules/warmupCosine.ts';
import { expectClose, paramsOf, sgdInputs } from './helpers.ts';

describe('WarmupCosine', () => {
  // base 0.1, w = 10, T = 110, min_lr = 0.001: worked by hand from the rule.
  const { lrs } = warmupCosine.compute(
    paramsOf(warmupCosine, { warmup_steps: 10, total_steps: 110, min_lr: 0.001 }),
    sgdInputs(150),
  );

  it('ramps linearly from 0 during warmup', () => {
    expect(lrs[0]).toBe(0);
    expectClose(lrs[1], 0.01);
    expectClose(lrs[5], 0.05);
  });

  it('then follows the cosine from the full lr to min_lr, and holds min_lr from total_steps on', () => {
    expectClose(lrs[10], 0.1); // cos 0 = 1
    expectClose(lrs[60], 0.001 + 0.0495); // cos(π/2) = 0
    expectClose(lrs[85], 0.001 + 0.0495 * (1 - Math.SQRT1_2)); // cos(3π/4)
    expect(lrs[110]).toBe(0.001);
    expect(lrs[149]).toBe(0.001);
  });

  it('total_steps empty means the run length; warmup_steps 0 starts at the full lr', () => {
    expect(paramsOf(warmupCosine).total_steps).toBeNull();
    const auto = warmupCosine.compute(
      paramsOf(warmupCosine, { warmup_steps: 20 }),
      sgdInputs(200),
    ).lrs;
    expectClose(auto[110], 0.05); // (110 − 20) / (200 − 20) = ½
    const none = warmupCosine.compute(
      paramsOf(warmupCosine, { warmup_steps: 0 }),
      sgdInputs(200),
    ).lrs;
    expect(none[0]).toBe(0.1);
  });

  it('check() rejects a warmup longer than total_steps', () => {
    expect(
      warmupCosine.check!(paramsOf(warmupCosine, { warmup_steps: 50 }), sgdInputs(40)),
    ).toMatch(/^warmup_steps: 50 is longer than total_steps \(40, the run's length\)/);
    expect(
      warmupCosine.check!(
        paramsOf(warmupCosine, { warmup_steps: 50, total_steps: 30 }),
        sgdInputs(200),
      ),
    ).toMatch(/^warmup_steps:/);
    expect(
      warmupCosine.check!(paramsOf(warmupCosine, { warmup_steps: 40 }), sgdInputs(40)),
    ).toBeNull();
  });
});
