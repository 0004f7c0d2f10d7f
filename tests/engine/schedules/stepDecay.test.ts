import { describe, expect, it } from 'vitest';
import { exponentialLR } from '../../../src/engine/schedules/exponentialLR.ts';
import { multiStepLR } from '../../../src/engine/schedules/multiStepLR.ts';
import { stepLR } from '../../../src/engine/schedules/stepLR.ts';
import { expectTrack, paramsOf, sgdInputs } from './helpers.ts';

// Expected tracks printed by torch 1.13 (SGD lr = 0.1, scheduler.step() after each optimizer.step()).
describe('StepLR / MultiStepLR / ExponentialLR', () => {
  it('StepLR drops by gamma every step_size steps', () => {
    const { lrs } = stepLR.compute(paramsOf(stepLR, { step_size: 3, gamma: 0.5 }), sgdInputs(7));
    expectTrack(lrs, [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025]);
  });

  it('MultiStepLR applies a milestone at 0 to the very first step, as torch does', () => {
    const params = paramsOf(multiStepLR, { milestones: [0, 3], gamma: 0.5 });
    expectTrack(multiStepLR.compute(params, sgdInputs(5)).lrs, [0.05, 0.05, 0.05, 0.025, 0.025]);
  });

  it('MultiStepLR defaults to drops at steps 100 and 200', () => {
    const { lrs } = multiStepLR.compute(paramsOf(multiStepLR), sgdInputs(300));
    expect([lrs[99], lrs[100], lrs[199], lrs[200]]).toEqual([
      0.1,
      0.1 * 0.1,
      0.1 * 0.1,
      0.1 * 0.1 * 0.1,
    ]);
  });

  it('ExponentialLR multiplies by gamma every step after the first', () => {
    const { lrs } = exponentialLR.compute(paramsOf(exponentialLR, { gamma: 0.5 }), sgdInputs(4));
    expectTrack(lrs, [0.1, 0.05, 0.025, 0.0125]);
  });
});
