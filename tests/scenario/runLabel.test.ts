import { describe, expect, it } from 'vitest';
import { exportTorch } from '../../src/scenario/exportTorch.ts';
import { exportTrajectoriesCSV } from '../../src/scenario/exportTrajectories.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { sharpFlatSam } from '../../src/scenario/presets/sharpFlatSam.ts';
import { runLabel } from '../../src/scenario/runLabel.ts';
import { runScenario } from '../../src/scenario/runScenario.ts';
import type { ScenarioRun } from '../../src/scenario/scenario.ts';

const run = (raw: Record<string, unknown>): ScenarioRun =>
  parseScenario({ surface: { id: 'ravine' }, runs: [raw] }).runs[0];

const withParam = (r: ScenarioRun, name: string, value: number): ScenarioRun => ({
  ...r,
  params: { ...r.params, [name]: value },
});

describe('runLabel', () => {
  it('an automatic label names the optimizer, its lr and what differs from torch’s defaults', () => {
    expect(runLabel(run({ optimizer: 'sgd', params: { lr: 0.2, momentum: 0.9 } }))).toBe(
      'SGD (lr 0.2, momentum 0.9)',
    );
    expect(runLabel(run({ optimizer: 'adam', params: { lr: 0.05 } }))).toBe('Adam (lr 0.05)');
    expect(
      runLabel(run({ optimizer: 'sgd', params: { lr: 0.1, momentum: 0.9, nesterov: true } })),
    ).toBe('SGD (lr 0.1, momentum 0.9, nesterov)');
  });

  it('an automatic label follows a parameter change (SAM’s ρ 0.05 → 0.07)', () => {
    const r = run({ optimizer: 'sam', params: { lr: 0.1, rho: 0.05 } });
    expect(runLabel(r)).toBe('SAM (lr 0.1, ρ 0.05)');
    expect(runLabel(withParam(r, 'rho', 0.07))).toBe('SAM (lr 0.1, ρ 0.07)');
    expect(runLabel(run({ optimizer: 'sam', params: { base: 'adam', lr: 0.05 } }))).toBe(
      'SAM over Adam (lr 0.05, ρ 0.05)',
    );
  });

  it('names a schedule, and the schedule’s lr where it sets the lr itself', () => {
    expect(
      runLabel(
        run({ optimizer: 'sgd', params: { lr: 0.1 }, schedule: { name: 'CosineAnnealingLR' } }),
      ),
    ).toBe('SGD (lr 0.1) + Cosine annealing');
    expect(
      runLabel(
        run({
          optimizer: 'sgd',
          params: { lr: 0.1 },
          schedule: { name: 'OneCycleLR', params: { max_lr: 0.5 } },
        }),
      ),
    ).toBe('SGD + One-cycle max lr 0.5');
  });

  it('a typed label stays as typed', () => {
    const r = run({ optimizer: 'sam', params: { rho: 0.1 }, label: 'my favourite (ρ 0.1)' });
    expect(runLabel(withParam(r, 'rho', 0.07))).toBe('my favourite (ρ 0.1)');
  });

  it('a {param} placeholder shows the current value; an unknown one stays as typed', () => {
    const r = run({ optimizer: 'sam', params: { rho: 0.1 }, label: 'SAM (ρ {rho}) {nope}' });
    expect(runLabel(withParam(r, 'rho', 0.07))).toBe('SAM (ρ 0.07) {nope}');
  });

  it('the sharp/flat lesson’s SAM label follows ρ in the legend, the CSV and the PyTorch export', () => {
    const s = parseScenario(sharpFlatSam.scenario);
    s.runs[1] = withParam(s.runs[1], 'rho', 0.07);
    expect(runLabel(s.runs[1])).toBe('SAM (ρ 0.07)');
    const csv = exportTrajectoriesCSV(s, runScenario(s).results);
    expect(csv).toContain('SAM (ρ 0.07)');
    expect(csv).not.toContain('ρ 0.1');
    const torch = exportTorch(s);
    expect(torch).toContain('SAM (ρ 0.07)');
    expect(torch).not.toContain('ρ 0.1');
  });
});
