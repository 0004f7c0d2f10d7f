import { describe, expect, it } from 'vitest';
import { SCHEDULES, SCHEDULE_LIST } from '../../../src/engine/schedules/index.ts';
import { paramsOf, sgdInputs } from './helpers.ts';

describe('schedule registry', () => {
  it('lists every schedule in the UI order, keyed by torch class name', () => {
    expect(SCHEDULE_LIST.map((s) => s.id)).toEqual([
      'constant',
      'StepLR',
      'MultiStepLR',
      'ExponentialLR',
      'CosineAnnealingLR',
      'CosineAnnealingWarmRestarts',
      'LinearLR',
      'OneCycleLR',
      'WarmupCosine',
      'LRRangeTest',
    ]);
    for (const s of SCHEDULE_LIST) expect(SCHEDULES[s.id]).toBe(s);
  });

  it('describes every schedule and parameter for the UI', () => {
    for (const s of SCHEDULE_LIST) {
      expect(s.label.length, s.id).toBeGreaterThan(0);
      expect(s.rule.length, s.id).toBeGreaterThan(0);
      expect(s.summary.length, s.id).toBeGreaterThan(20);
      if (s.id !== 'constant') expect(s.reference, s.id).toMatch(/^torch\.optim\.lr_scheduler\./);
      for (const p of s.params) expect(p.help.length, `${s.id}.${p.name}`).toBeGreaterThan(10);
    }
  });

  it.each([150, 300, 500])(
    'defaults validate, pass check and give a finite positive track for a %i-step run',
    (steps) => {
      for (const s of SCHEDULE_LIST) {
        const params = paramsOf(s);
        const inputs = sgdInputs(steps);
        expect(s.check?.(params, inputs) ?? null, s.id).toBeNull();
        const { lrs } = s.compute(params, inputs);
        expect(lrs.length, s.id).toBe(steps);
        for (const lr of lrs) expect(Number.isFinite(lr) && lr >= 0, `${s.id}: ${lr}`).toBe(true);
      }
    },
  );

  it('only OneCycleLR returns momenta', () => {
    for (const s of SCHEDULE_LIST) {
      const track = s.compute(paramsOf(s), sgdInputs(200));
      expect(track.momenta !== undefined, s.id).toBe(s.id === 'OneCycleLR');
    }
  });
});
