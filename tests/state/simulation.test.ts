import { describe, expect, it } from 'vitest';
import { recompute, sim } from '../../src/state/simulation.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { runScenario } from '../../src/scenario/runScenario.ts';
import type { Scenario, ScenarioRun } from '../../src/scenario/scenario.ts';

const base = parseScenario({
  surface: { id: 'logistic' }, // mini-batch gradients: results depend on the noise seed too
  steps: 80,
  runs: [
    { optimizer: 'sgd', params: { lr: 0.5 } },
    { optimizer: 'adam', params: { lr: 0.05 } },
    { optimizer: 'sgd', params: { lr: 0.5 }, label: 'the same run, renamed' },
  ],
});

const withRun = (s: Scenario, i: number, edit: Partial<ScenarioRun>): Scenario => ({
  ...s,
  runs: s.runs.map((r, j) => (j === i ? { ...r, ...edit } : r)),
});

/** What a run computed, to compare with a fresh computation. */
const path = (i: number) => {
  const r = sim.results[i]!;
  return { trajectory: [...r.trajectory], losses: [...r.losses], lrs: [...r.lrs] };
};
const fresh = (s: Scenario, i: number) => {
  const r = runScenario(s).results[i];
  return { trajectory: [...r.trajectory], losses: [...r.losses], lrs: [...r.lrs] };
};

describe('recompute reuses the results of runs whose inputs did not change', () => {
  it('computes what a fresh run computes', () => {
    recompute(base);
    for (let i = 0; i < base.runs.length; i++) expect(path(i)).toEqual(fresh(base, i));
  });

  it('keeps every result when only labels, colours or visibility change', () => {
    recompute(base);
    const before = [...sim.results];
    let s = withRun(base, 0, { label: 'renamed' });
    s = withRun(s, 1, { color: '#123456' });
    s = withRun(s, 2, { visible: false });
    recompute(s);
    sim.results.forEach((r, i) => expect(r).toBe(before[i]));
  });

  it('recomputes only the run whose parameters changed, and gets it right', () => {
    recompute(base);
    const before = [...sim.results];
    const s = withRun(base, 1, { params: { ...base.runs[1].params, lr: 0.2 } });
    recompute(s);
    expect(sim.results[0]).toBe(before[0]);
    expect(sim.results[2]).toBe(before[2]);
    expect(sim.results[1]).not.toBe(before[1]);
    expect(path(1)).toEqual(fresh(s, 1));
  });

  it('recomputes every run when the steps, the noise, the start or the surface change', () => {
    const edits: Scenario[] = [
      { ...base, steps: 60 },
      { ...base, noise: { ...base.noise, seed: base.noise.seed + 1 } },
      { ...base, noise: { ...base.noise, sigma: 0.3 } },
      { ...base, start: [1, -1] },
      { ...base, surface: { id: 'logistic', params: { l2: 0.1 } } },
    ];
    for (const s of edits) {
      recompute(base);
      const before = [...sim.results];
      recompute(s);
      sim.results.forEach((r, i) => {
        expect(r).not.toBe(before[i]);
        expect(path(i)).toEqual(fresh(s, i));
      });
    }
  });

  it('computes identical runs once', () => {
    recompute(base);
    expect(sim.results[2]).toBe(sim.results[0]);
  });
});
