import { describe, expect, it } from 'vitest';
import { cosineAnnealingLR } from '../../../src/engine/schedules/cosineAnnealingLR.ts';
import { cosineAnnealingWarmRestarts } from '../../../src/engine/schedules/cosineAnnealingWarmRestarts.ts';
import { expectTrack, paramsOf, sgdInputs } from './helpers.ts';

describe('CosineAnnealingLR', () => {
  it('matches torch through T_max and back up past it (the recursive form and its odd branch)', () => {
    // torch 1.13: SGD(lr=0.1), CosineAnnealingLR(T_max=10, eta_min=0.01).
    const torch = [
      0.1, 0.09779754323328192, 0.09140576474687263, 0.08145033635316129, 0.06890576474687264,
      0.05500000000000001, 0.04109423525312737, 0.028549663646838717, 0.01859423525312737,
      0.012202456766718092, 0.01, 0.012202456766718092, 0.0185942352531274, 0.028549663646838794,
      0.04109423525312751, 0.05500000000000021, 0.0689057647468729, 0.08145033635316161,
      0.09140576474687301, 0.09779754323328231, 0.10000000000000041, 0.09779754323328231,
      0.09140576474687302, 0.08145033635316161, 0.06890576474687289,
    ];
    const { lrs } = cosineAnnealingLR.compute(
      paramsOf(cosineAnnealingLR, { T_max: 10, eta_min: 0.01 }),
      sgdInputs(25),
    );
    expectTrack(lrs, torch);
  });

  it('T_max empty means the run length: the same track as T_max = steps', () => {
    const inputs = sgdInputs(240);
    const auto = cosineAnnealingLR.compute(paramsOf(cosineAnnealingLR), inputs).lrs;
    const explicit = cosineAnnealingLR.compute(
      paramsOf(cosineAnnealingLR, { T_max: 240 }),
      inputs,
    ).lrs;
    expect(paramsOf(cosineAnnealingLR).T_max).toBeNull();
    expect(Array.from(auto)).toEqual(Array.from(explicit));
    // Halfway, ½(η + η_min) by the closed form.
    expect(auto[120]).toBeCloseTo(0.05, 14);
  });
});

describe('CosineAnnealingWarmRestarts', () => {
  it('restarts at T_0, then after cycles T_mult times longer (torch 1.13 values)', () => {
    const torch = [
      0.1, 0.0775, 0.032500000000000015, 0.1, 0.09397114317029975, 0.0775, 0.05500000000000001,
      0.032500000000000015, 0.01602885682970026, 0.1, 0.09846666218300808, 0.09397114317029975,
      0.08681980515339464, 0.0775, 0.06664685702961344, 0.05500000000000001, 0.04335314297038658,
      0.032500000000000015, 0.023180194846605363, 0.01602885682970026, 0.011533337816991932, 0.1,
      0.09961501876182148,
    ];
    const params = paramsOf(cosineAnnealingWarmRestarts, { T_0: 3, T_mult: 2, eta_min: 0.01 });
    expectTrack(cosineAnnealingWarmRestarts.compute(params, sgdInputs(23)).lrs, torch);
  });

  it("check() reports torch's T_0 and T_mult errors", () => {
    const inputs = sgdInputs(100);
    const base = paramsOf(cosineAnnealingWarmRestarts);
    expect(cosineAnnealingWarmRestarts.check!({ ...base, T_0: 0 }, inputs)).toMatch(
      /^T_0: expected a positive integer/,
    );
    expect(cosineAnnealingWarmRestarts.check!({ ...base, T_0: 2.5 }, inputs)).toMatch(/^T_0:/);
    expect(cosineAnnealingWarmRestarts.check!({ ...base, T_mult: 0 }, inputs)).toMatch(
      /^T_mult: expected an integer ≥ 1/,
    );
    expect(cosineAnnealingWarmRestarts.check!({ ...base, T_mult: 1.5 }, inputs)).toMatch(
      /^T_mult:/,
    );
    expect(cosineAnnealingWarmRestarts.check!(base, inputs)).toBeNull();
  });
});
