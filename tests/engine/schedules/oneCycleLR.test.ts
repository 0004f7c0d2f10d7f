import { describe, expect, it } from 'vitest';
import { oneCycleLR } from '../../../src/engine/schedules/oneCycleLR.ts';
import { expectClose, paramsOf, sgdInputs } from './helpers.ts';

const check = (given: Record<string, unknown>, steps = 200, baseMomentum: number | null = 0.9) =>
  oneCycleLR.check!(paramsOf(oneCycleLR, given), { baseLr: 0.1, baseMomentum, steps });

describe('OneCycleLR', () => {
  it("matches torch 1.13 (SGD lr 0.5 momentum 0.9, max_lr 0.01, total_steps 100) and ignores the optimizer's lr", () => {
    const { lrs, momenta } = oneCycleLR.compute(
      paramsOf(oneCycleLR, { max_lr: 0.01, total_steps: 100 }),
      sgdInputs(100, 0.5),
    );
    const torch: [number, number, number][] = [
      [0, 0.0003999999999999993, 0.95],
      [1, 0.00042813780565907275, 0.9497068978577179],
      [29, 0.01, 0.85],
      [30, 0.009994965352845242, 0.8500503466729342],
      [64, 0.00500002, 0.8999999999999999],
      [99, 4e-8, 0.95],
    ];
    expect(momenta).toBeDefined();
    for (const [t, lr, m] of torch) {
      expectClose(lrs[t], lr);
      expectClose(momenta![t], m);
    }
  });

  it('three_phase with linear annealing returns to the start and then annihilates (torch 1.13 values)', () => {
    const { lrs, momenta } = oneCycleLR.compute(
      paramsOf(oneCycleLR, {
        max_lr: 0.01,
        total_steps: 100,
        three_phase: true,
        anneal_strategy: 'linear',
      }),
      { baseLr: 0.5, baseMomentum: 0.9, steps: 100 },
    );
    const torch: [number, number, number][] = [
      [0, 0.0004, 0.95],
      [29, 0.01, 0.85],
      [58, 0.0003999999999999993, 0.95],
      [99, 3.999999999997929e-8, 0.95],
    ];
    for (const [t, lr, m] of torch) {
      expectClose(lrs[t], lr, 1e-10);
      expectClose(momenta![t], m);
    }
  });

  it('total_steps empty means the run length', () => {
    const inputs = sgdInputs(150);
    const auto = oneCycleLR.compute(paramsOf(oneCycleLR), inputs);
    const explicit = oneCycleLR.compute(paramsOf(oneCycleLR, { total_steps: 150 }), inputs);
    expect(paramsOf(oneCycleLR).total_steps).toBeNull();
    expect(Array.from(auto.lrs)).toEqual(Array.from(explicit.lrs));
    // The last step reaches min_lr = max_lr / div_factor / final_div_factor.
    expectClose(auto.lrs[149], 0.01 / 25 / 1e4);
    expect(check({}, 150)).toBeNull();
  });

  it('returns momenta only when cycle_momentum is on and the optimizer has a momentum', () => {
    const params = paramsOf(oneCycleLR, { cycle_momentum: false });
    expect(oneCycleLR.compute(params, sgdInputs(100)).momenta).toBeUndefined();
    const noMomentum = { baseLr: 0.1, baseMomentum: null, steps: 100 };
    expect(oneCycleLR.compute(paramsOf(oneCycleLR), noMomentum).momenta).toBeUndefined();
    expect(oneCycleLR.compute(paramsOf(oneCycleLR), sgdInputs(100)).momenta?.length).toBe(100);
  });

  it("check() reports torch's errors, naming the field", () => {
    expect(check({ total_steps: 199 })).toMatch(
      /^total_steps: 199 is shorter than the run \(200 steps\)/,
    );
    expect(check({ total_steps: 200 })).toBeNull();
    expect(check({ total_steps: 500 })).toBeNull();
    expect(check({}, 200, null)).toMatch(/^cycle_momentum: optimizer must support momentum/);
    expect(check({ cycle_momentum: false }, 200, null)).toBeNull();
    expect(oneCycleLR.check!({ ...paramsOf(oneCycleLR), pct_start: 1.5 }, sgdInputs(200))).toMatch(
      /^pct_start: expected a float between 0 and 1/,
    );
  });

  it('check() reports the zero-length phases torch divides by zero on', () => {
    // pct_start · total_steps = 1: the warmup phase spans 0 steps (ZeroDivisionError at step 0).
    expect(check({ pct_start: 0.005, total_steps: 200 })).toMatch(/^pct_start:.*ZeroDivisionError/);
    // pct_start = 1 leaves no annealing phase: torch fails at the scheduler.step() after the last step…
    expect(check({ pct_start: 1 }, 200)).toMatch(/^pct_start:.*ZeroDivisionError/);
    // …unless total_steps extends past the run.
    expect(check({ pct_start: 1, total_steps: 201 }, 200)).toBeNull();
    expect(check({ pct_start: 0 }, 200)).toBeNull();
  });
});
