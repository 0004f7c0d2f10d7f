import { expect } from 'vitest';
import type { ParamValues } from '../../../src/engine/params.ts';
import type { ScheduleDef, ScheduleInputs } from '../../../src/engine/schedule.ts';
import { defaultParams, resolveParams } from '../../../src/engine/validateParams.ts';

/** Defaults overridden by `given`, validated the way a scenario is. */
export const paramsOf = (def: ScheduleDef, given: Record<string, unknown> = {}): ParamValues =>
  resolveParams(def.params, { ...defaultParams(def.params), ...given }, 'schedule.params');

export const sgdInputs = (steps: number, baseLr = 0.1): ScheduleInputs => ({
  baseLr,
  baseMomentum: 0.9,
  steps,
});

/** Relative agreement, for values from torch or worked by hand. */
export function expectClose(actual: number, expected: number, rel = 1e-12): void {
  const err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  expect(err, `${actual} vs ${expected}`).toBeLessThanOrEqual(rel);
}

export function expectTrack(
  actual: ArrayLike<number>,
  expected: readonly number[],
  rel = 1e-12,
): void {
  expect(actual.length).toBeGreaterThanOrEqual(expected.length);
  expected.forEach((v, t) => expectClose(actual[t], v, rel));
}
