import { describe, expect, it } from 'vitest';
import { OPTIMIZER_LIST } from '../../src/engine/optimizers/index.ts';
import { SCHEDULE_LIST } from '../../src/engine/schedules/index.ts';
import type { ParamSpec } from '../../src/engine/params.ts';
import { specsOf } from '../../src/engine/validateParams.ts';
import { paramProblem } from '../../src/view/panels/parseInput.ts';
import { niceStepAtLeast, sliderScaleOf } from '../../src/view/panels/sliderScale.ts';

const lr = { min: 0, max: 1e6, exclusiveMin: true, sliderMin: 1e-5, sliderMax: 10, log: true };

describe('log slider', () => {
  const s = sliderScaleOf(lr);
  it('has 100 notches per decade from sliderMin to sliderMax', () => {
    expect(s.positions).toBe(600);
    expect(s.toValue(0)).toBe(1e-5);
    expect(s.toValue(s.positions)).toBe(10);
  });
  it('puts powers of ten exactly on a notch (lr = 1e-3 is reachable by dragging)', () => {
    for (const v of [1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1, 10])
      expect(s.toValue(s.toPosition(v))).toBe(v);
  });
  it('is monotone and rounds to three significant digits', () => {
    const bad: number[] = [];
    for (let p = 1; p <= s.positions; p++) {
      const v = s.toValue(p);
      if (!(v > s.toValue(p - 1)) || Number(v.toPrecision(3)) !== v) bad.push(p);
    }
    expect(bad).toEqual([]);
  });
  it('maps values outside the slider range (and 0 for eps) to its ends', () => {
    expect(s.toPosition(100)).toBe(s.positions);
    expect(s.toPosition(1e-9)).toBe(0);
    expect(
      sliderScaleOf({ min: 0, max: 1, sliderMin: 1e-12, sliderMax: 1, log: true }).toPosition(0),
    ).toBe(0);
  });
  it('keeps integer log sliders whole', () => {
    const steps = sliderScaleOf({ min: 1, max: 10000, integer: true, log: true });
    for (let p = 0; p <= steps.positions; p++)
      expect(Number.isInteger(steps.toValue(p))).toBe(true);
    expect(steps.toValue(steps.positions)).toBe(10000);
  });
});

describe('linear slider', () => {
  it('moves in a 1-2-5 step with at most about a thousand notches', () => {
    expect(niceStepAtLeast(0.0009999)).toBe(0.001);
    expect(niceStepAtLeast(0.0015)).toBe(0.002);
    expect(niceStepAtLeast(0.003)).toBe(0.005);
    expect(niceStepAtLeast(0.01)).toBe(0.01);
    const betas = sliderScaleOf({
      min: 0,
      max: 1,
      exclusiveMax: true,
      sliderMin: 0,
      sliderMax: 0.9999,
    });
    expect(betas.toValue(betas.toPosition(0.9))).toBe(0.9);
    expect(betas.toValue(betas.toPosition(0.999))).toBe(0.999);
    expect(betas.toValue(betas.positions)).toBe(0.9999);
  });
  it('steps whole numbers for integer params', () => {
    const s = sliderScaleOf({ min: 1, max: 1e6, sliderMin: 1, sliderMax: 1000, integer: true });
    expect(s.positions).toBe(999);
    expect(s.toValue(0)).toBe(1);
    expect(s.toValue(s.positions)).toBe(1000);
  });
  it('nudges a slider end off an exclusive bound', () => {
    const s = sliderScaleOf({ min: 0, max: 1, exclusiveMin: true, exclusiveMax: true });
    expect(s.toValue(0)).toBeGreaterThan(0);
    expect(s.toValue(s.positions)).toBeLessThan(1);
  });
});

// Every slider of every registry parameter yields a value the engine's validation accepts.
describe('every slider position is a valid value', () => {
  const specs: { owner: string; spec: ParamSpec }[] = [];
  for (const o of OPTIMIZER_LIST) {
    const all = o.specsFor
      ? (o.params.find((p) => p.kind === 'choice')?.choices ?? []).flatMap((base) =>
          specsOf(o, { base }),
        )
      : o.params;
    for (const spec of all) specs.push({ owner: o.id, spec });
  }
  for (const s of SCHEDULE_LIST) for (const spec of s.params) specs.push({ owner: s.id, spec });

  for (const { owner, spec } of specs) {
    if (spec.kind !== 'number' && spec.kind !== 'tuple') continue;
    it(`${owner}.${spec.name}`, () => {
      const scale = sliderScaleOf(spec);
      // Collected and asserted once: an expect per position costs more than the check itself.
      const problems: string[] = [];
      for (let p = 0; p <= scale.positions; p++) {
        const v = scale.toValue(p);
        const value = spec.kind === 'tuple' ? spec.default.map(() => v) : v;
        const problem = paramProblem(spec, value);
        if (problem) problems.push(`position ${p}: ${problem}`);
      }
      expect(problems).toEqual([]);
      // The default sits on (or next to) the slider: the tick mark is meaningful.
      if (typeof spec.default === 'number') {
        const back = scale.toValue(scale.toPosition(spec.default));
        const lo = spec.sliderMin ?? spec.min;
        const hi = spec.sliderMax ?? spec.max;
        if (spec.default >= lo && spec.default <= hi)
          expect(Math.abs(back - spec.default)).toBeLessThanOrEqual(
            spec.log ? spec.default * 0.025 : (hi - lo) / 500,
          );
      }
    });
  }
});
