import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { runSettingsText } from '../../src/scenario/runSettings.ts';
import type { ScenarioRun } from '../../src/scenario/scenario.ts';
import { lrSetBySchedule } from '../../src/scenario/scheduleSetsLr.ts';

const run = (raw: Record<string, unknown>): ScenarioRun =>
  parseScenario({ surface: { id: 'ravine' }, runs: [raw] }).runs[0];

const text = (raw: Record<string, unknown>) => runSettingsText(run(raw), 200);

describe('runSettingsText (the figure legend)', () => {
  it('lists lr and what differs from torch’s defaults, by torch’s keyword names', () => {
    expect(text({ optimizer: 'adam', params: { lr: 0.05, weight_decay: 0.1 } })).toBe(
      'Adam(lr=0.05, weight_decay=0.1)',
    );
    expect(text({ optimizer: 'sgd', params: { lr: 0.1, momentum: 0.9, nesterov: true } })).toBe(
      'SGD(lr=0.1, momentum=0.9, nesterov=True)',
    );
    expect(text({ optimizer: 'adam', params: { betas: [0.8, 0.99] } })).toBe(
      'Adam(lr=0.001, betas=(0.8, 0.99))',
    );
  });
  it('writes a run-length parameter left empty as the run’s length', () => {
    expect(
      text({ optimizer: 'sgd', params: { lr: 0.1 }, schedule: { name: 'CosineAnnealingLR' } }),
    ).toBe('SGD(lr=0.1) · CosineAnnealingLR(T_max=200)');
  });
  it('adds the schedule and SWA', () => {
    expect(
      text({
        optimizer: 'sgd',
        params: { lr: 0.1 },
        schedule: { name: 'StepLR', params: { step_size: 100, gamma: 0.1 } },
        swa: { start: 50 },
      }),
    ).toBe('SGD(lr=0.1) · StepLR(step_size=100) · SWA from step 50');
  });
});

describe('lrSetBySchedule', () => {
  it('names what sets the lr for one-cycle and the LR range test', () => {
    expect(lrSetBySchedule(run({ optimizer: 'sgd', schedule: { name: 'OneCycleLR' } }), 200)).toBe(
      'set by the One-cycle schedule’s max_lr',
    );
    expect(lrSetBySchedule(run({ optimizer: 'sgd', schedule: { name: 'LRRangeTest' } }), 200)).toBe(
      'set by the LR range test schedule’s start_lr and end_lr',
    );
  });
  it('is null for schedules that scale the optimizer’s lr', () => {
    for (const name of ['StepLR', 'CosineAnnealingLR', 'LinearLR', 'WarmupCosine'])
      expect(lrSetBySchedule(run({ optimizer: 'sgd', schedule: { name } }), 200), name).toBeNull();
    expect(lrSetBySchedule(run({ optimizer: 'sgd' }), 200)).toBeNull();
  });
});
