import { describe, expect, it } from 'vitest';
import { linearLR } from '../../../src/engine/schedules/linearLR.ts';
import { expectTrack, paramsOf, sgdInputs } from './helpers.ts';

describe('LinearLR', () => {
  it("reproduces torch's documented example (lr 0.05, start_factor 0.5, total_iters 4)", () => {
    // Values printed by torch 1.13 (the docstring's table, with its float rounding).
    const params = paramsOf(linearLR, { start_factor: 0.5, total_iters: 4 });
    expectTrack(
      linearLR.compute(params, sgdInputs(7, 0.05)).lrs,
      [0.025, 0.03125, 0.0375, 0.043750000000000004, 0.05, 0.05, 0.05],
    );
  });

  it('total_iters = 0 keeps start_factor forever, as the recursive form does', () => {
    const params = paramsOf(linearLR, { start_factor: 0.5, end_factor: 0.1, total_iters: 0 });
    expect(Array.from(linearLR.compute(params, sgdInputs(4, 0.2)).lrs)).toEqual([
      0.1, 0.1, 0.1, 0.1,
    ]);
  });

  it("check() reports torch's factor range errors", () => {
    const base = paramsOf(linearLR);
    const inputs = sgdInputs(100);
    expect(linearLR.check!({ ...base, start_factor: 0 }, inputs)).toMatch(
      /^start_factor:.*greater than 0/,
    );
    expect(linearLR.check!({ ...base, start_factor: 1.5 }, inputs)).toMatch(/^start_factor:/);
    expect(linearLR.check!({ ...base, end_factor: -0.1 }, inputs)).toMatch(
      /^end_factor:.*between 0 and 1/,
    );
    expect(linearLR.check!({ ...base, end_factor: 0 }, inputs)).toBeNull();
  });
});
